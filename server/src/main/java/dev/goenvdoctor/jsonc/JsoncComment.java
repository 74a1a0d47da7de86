package dev.goenvdoctor.jsonc;

/** A comment's span: {@code //} to the end of its line (terminator excluded), or a whole block comment. */
public record JsoncComment(int start, int end, boolean block) {}
