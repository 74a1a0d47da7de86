package dev.goenvdoctor.probe.go;

import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's Go env file, the one {@code go env -w} writes: where it is, why there, and its entries.
 *
 * <p>Location rule (cmd/go {@code cfg.EnvFile}, os.UserConfigDir): {@code $GOENV} when set
 * ({@code off} disables the file), else {@code $XDG_CONFIG_HOME/go/env} when that variable is
 * non-empty and absolute, else {@code $HOME/.config/go/env}.
 *
 * @param path the file's machine path; empty when there is none ({@code GOENV=off}, no HOME)
 * @param chosenBy which rule picked the path
 * @param exists whether the file exists
 * @param entries its {@code KEY=VALUE} entries in file order (for a key, the last entry wins)
 * @param problems what would surprise a user (relative GOENV, CRLF line ends, ...)
 */
public record GoEnvFile(
    Optional<String> path, ChosenBy chosenBy, boolean exists, List<GoEnvEntry> entries, List<String> problems) {

  /** Which rule decided the file's location. */
  public enum ChosenBy {
    /** {@code $GOENV} names the file. */
    GOENV,
    /** {@code GOENV=off}: no user env file is read or written. */
    GOENV_OFF,
    /** {@code $XDG_CONFIG_HOME/go/env}. */
    XDG_CONFIG_HOME,
    /** {@code $HOME/.config/go/env}. */
    HOME,
    /** Neither HOME nor an absolute XDG_CONFIG_HOME: the go command has no user env file. */
    NONE
  }

  public GoEnvFile {
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }

  /** Locates and reads the user env file for the environment {@code env}. Never throws. */
  public static GoEnvFile read(Root root, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String goenv = env.getOrDefault("GOENV", "");
    String path;
    ChosenBy chosenBy;
    if (!goenv.isEmpty()) {
      if (goenv.equals("off")) {
        return new GoEnvFile(Optional.empty(), ChosenBy.GOENV_OFF, false, List.of(), List.of());
      }
      if (!goenv.startsWith("/")) {
        problems.add("GOENV=" + goenv + " is relative: the go command reads it relative to its working directory");
        return new GoEnvFile(Optional.of(goenv), ChosenBy.GOENV, false, List.of(), problems);
      }
      path = goenv;
      chosenBy = ChosenBy.GOENV;
    } else {
      String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
      String home = env.getOrDefault("HOME", "");
      if (!xdg.isEmpty() && xdg.startsWith("/")) {
        path = Root.join(xdg, "go/env");
        chosenBy = ChosenBy.XDG_CONFIG_HOME;
      } else if (!xdg.isEmpty()) {
        // os.UserConfigDir returns an error for a relative XDG_CONFIG_HOME: no file at all.
        problems.add("XDG_CONFIG_HOME=" + xdg + " is relative: the go command then reads no user env file");
        return new GoEnvFile(Optional.empty(), ChosenBy.NONE, false, List.of(), problems);
      } else if (home.startsWith("/")) {
        path = Root.join(home, ".config/go/env");
        chosenBy = ChosenBy.HOME;
      } else {
        return new GoEnvFile(Optional.empty(), ChosenBy.NONE, false, List.of(), List.of());
      }
    }
    String file = Root.normalize(path);
    if (!root.isRegularFile(file)) {
      return new GoEnvFile(Optional.of(file), chosenBy, false, List.of(), problems);
    }
    Optional<List<String>> lines = TextFiles.lines(root, file);
    if (lines.isEmpty()) {
      problems.add(file + " could not be read");
      return new GoEnvFile(Optional.of(file), chosenBy, true, List.of(), problems);
    }
    List<GoEnvEntry> entries = GoEnvEntry.parse(file, lines.get());
    for (GoEnvEntry e : entries) {
      if (e.value().endsWith("\r")) {
        problems.add(e.location().display() + ": " + e.key() + " ends with a carriage return (CRLF line end); the go command keeps it in the value");
      }
    }
    return new GoEnvFile(Optional.of(file), chosenBy, true, entries, problems);
  }

  /** The value the file gives {@code key} (the last entry for it), when it sets it. */
  public Optional<GoEnvEntry> get(String key) {
    return GoEnvEntry.last(entries, key);
  }
}
