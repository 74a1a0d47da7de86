package dev.goenvdoctor.jsonc;

/**
 * A problem found while parsing: where ({@code offset}, {@code length} characters) and a message that
 * already names the 1-based line and column, e.g. "expected ',' or '}' after property value at line 3,
 * column 5".
 */
public record JsoncError(int offset, int length, String message) {}
