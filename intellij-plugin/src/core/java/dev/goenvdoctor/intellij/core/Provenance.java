package dev.goenvdoctor.intellij.core;

/** The line that set a value: where it is and its text (trimmed). */
public record Provenance(Location location, String text) {}
