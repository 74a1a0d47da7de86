package dev.goenvdoctor.intellij.core;

/**
 * One PATH entry of a layer: the directory, the line that added it (null when unknown), and its state
 * ({@code OK}, {@code MISSING}, {@code EMPTY}, {@code RELATIVE}, {@code TILDE}).
 */
public record PathEntry(String dir, Provenance origin, String state) {}
