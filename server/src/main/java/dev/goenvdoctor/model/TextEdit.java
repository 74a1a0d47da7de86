package dev.goenvdoctor.model;

/**
 * Replace {@code range} of {@code file} (a machine path) with {@code newText}; an empty range inserts.
 * Edits never run anything: the editor (LSP) or {@code check --fix} applies them.
 */
public record TextEdit(String file, TextRange range, String newText) {}
