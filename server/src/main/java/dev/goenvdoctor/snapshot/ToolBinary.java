package dev.goenvdoctor.snapshot;

import dev.goenvdoctor.probe.binary.BinaryInspection;

/**
 * A Go tool the editor would start (gopls, dlv, staticcheck): where it was found, why there, and what
 * its build info says (the Go that built it, its module version), read without running it.
 */
public record ToolBinary(String name, String path, String foundThrough, BinaryInspection inspection) {}
