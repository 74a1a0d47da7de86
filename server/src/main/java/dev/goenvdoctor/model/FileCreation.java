package dev.goenvdoctor.model;

/** Create {@code file} (a machine path, with its parent directories) holding {@code text}; only when it does not exist. */
public record FileCreation(String file, String text) {}
