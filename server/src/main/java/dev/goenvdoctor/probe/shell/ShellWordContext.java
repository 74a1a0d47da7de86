package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import java.util.List;

/** What word expansion needs from the running simulation. */
interface ShellWordContext {
  /** The value of a variable or special parameter, null when unset. */
  StaticShellValue variable(String name);

  /** The elements of an array ({@code ${name[@]}}, zsh {@code $path}), null when it is not one. */
  List<StaticShellValue> array(String name);

  /** Sets a variable for {@code ${name:=word}}. */
  void assignDefault(String name, StaticShellValue value);

  /** The output of {@code $(command)}, or a dynamic value holding the command text when unknown. */
  StaticShellValue commandSubstitution(String command);

  /** The home directory of a user for {@code ~name}, null when unknown. */
  String homeOf(String user);

  /** Pathname expansion of a glob (machine paths), sorted; empty when nothing matches. */
  List<String> glob(List<ShellWordPattern.Component> components);

  ShellKind kind();

  /** The line being run, stamped on literal text. */
  Provenance here();

  /** True while running a branch taken under an undecided condition. */
  boolean conditional();
}
