package dev.goenvdoctor.probe.shell;

/**
 * A run of an expanded word. {@code quoted}: came from inside quotes (no splitting, no globbing).
 * {@code splittable}: result of an unquoted expansion (subject to field splitting).
 */
record ShellWordPart(StaticShellValue value, boolean quoted, boolean splittable) {}
