package dev.goenvdoctor.probe.workspace;

import dev.goenvdoctor.model.Location;
import java.util.List;

/**
 * One directive of a go.mod or go.work file ({@code go 1.22}, {@code toolchain go1.22.5}, {@code use ./a},
 * ...). {@code value} is the first argument, unquoted; {@code arguments} are all raw tokens after the verb.
 * {@code valueLocation} spans the first argument's token, {@code lineLocation} the whole line it is on
 * (for a directive inside a block, that line inside the block).
 */
public record GoDirective(String verb, List<String> arguments, String value, Location valueLocation, Location lineLocation) {
  public GoDirective {
    arguments = List.copyOf(arguments);
  }
}
