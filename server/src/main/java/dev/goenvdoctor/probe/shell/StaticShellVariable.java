package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;

/**
 * An exported variable after a simulated shell start: its value, the line that last set it (null when it
 * came unchanged from the base environment without a known origin), whether it was set under a condition
 * the simulation could not decide, and whether its value holds output of a command we did not run (then the
 * command text stands in the value, e.g. {@code $(go env GOPATH)/bin}).
 */
public record StaticShellVariable(String name, String value, Provenance provenance, boolean conditional,
    boolean dynamic) {}
