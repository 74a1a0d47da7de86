package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.probe.Root;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the known effect of version manager activations in sh/bash/zsh files instead of reading their
 * scripts: {@code eval "$(goenv init -)"} puts goenv's shims first; {@code mise activate} sets PATH per
 * directory at the prompt (only {@code --shims} changes PATH here); asdf.sh puts its shims and bin first; gvm
 * unsets the Go variables, adds its bin directory and loads {@code environments/default} line by line.
 */
final class StaticShellPosixActivations {
  private static final Pattern GOENV_INIT = Pattern.compile("(\\S*goenv)[\"']?\\s+init\\b");
  private static final Pattern MISE_ACTIVATE = Pattern.compile("(\\S*(?:mise|rtx))[\"']?\\s+activate\\b(.*)",
      Pattern.DOTALL);

  private final StaticShellPosixRunner runner;
  private final StaticShellSession session;

  StaticShellPosixActivations(StaticShellPosixRunner runner, StaticShellSession session) {
    this.runner = runner;
    this.session = session;
  }

  /** {@code eval "$(goenv init -)"}, {@code eval "$(mise activate bash)"}, {@code source <(...)}. */
  StaticShellStatus activation(String text, boolean processSubstitution) {
    Matcher goenv = GOENV_INIT.matcher(text);
    if (goenv.find()) {
      return goenv(goenv.group(1).replace("$(", "").replace("\"", "").replace("'", ""));
    }
    Matcher mise = MISE_ACTIVATE.matcher(text);
    if (mise.find()) {
      return mise(mise.group(1).replace("$(", "").replace("<(", "").replace("\"", ""), mise.group(2));
    }
    String what = processSubstitution ? "sources the output" : "evaluates the output";
    session.note(runner.here(), StartupNote.Kind.UNSUPPORTED, what + " of a command we did not run; not simulated");
    return StaticShellStatus.UNKNOWN;
  }

  private boolean toolAvailable(String command) {
    if (command.contains("/")) {
      String path = command.startsWith("~/") ? runner.textOf("HOME") + command.substring(1) : command;
      return path != null && session.root.isExecutableFile(path);
    }
    return runner.lookup(command) != null;
  }

  private StaticShellStatus goenv(String command) {
    if (!toolAvailable(command)) {
      session.note(runner.here(), StartupNote.Kind.TOOL, StaticShellToolNotes.notOnPath("goenv init", command));
      return StaticShellStatus.FALSE;
    }
    String root = runner.nonEmpty("GOENV_ROOT", runner.textOf("HOME") + "/.goenv");
    runner.prepend(root + "/shims", false);
    StaticShellValue shell = StaticShellValue.of(session.kind.name().toLowerCase(Locale.ROOT), runner.here(), null,
        runner.conditional(), false);
    runner.assign("GOENV_SHELL", shell, false, Boolean.TRUE, false, runner.here());
    session.note(runner.here(), StartupNote.Kind.TOOL, StaticShellToolNotes.goenv(root,
        !"1".equals(runner.textOf("GOENV_DISABLE_GOROOT")), !"1".equals(runner.textOf("GOENV_DISABLE_GOPATH"))));
    return StaticShellStatus.TRUE;
  }

  private StaticShellStatus mise(String command, String rest) {
    if (!toolAvailable(command)) {
      session.note(runner.here(), StartupNote.Kind.TOOL, StaticShellToolNotes.notOnPath("mise activate", command));
      return StaticShellStatus.FALSE;
    }
    if (rest.contains("--shims")) {
      String dataHome = runner.nonEmpty("XDG_DATA_HOME", runner.textOf("HOME") + "/.local/share");
      String data = runner.nonEmpty("MISE_DATA_DIR", dataHome + "/mise");
      runner.prepend(data + "/shims", false);
      session.note(runner.here(), StartupNote.Kind.TOOL, StaticShellToolNotes.miseShims(data + "/shims"));
      return StaticShellStatus.TRUE;
    }
    session.note(runner.here(), StartupNote.Kind.TOOL, StaticShellToolNotes.mise());
    return StaticShellStatus.TRUE;
  }

  StaticShellStatus asdf(String path) {
    if (!session.root.isRegularFile(path)) {
      session.files.add(new StartupFile(path, StartupFileStatus.MISSING, "does not exist", runner.here()));
      return StaticShellStatus.FALSE;
    }
    session.files.add(new StartupFile(path, StartupFileStatus.MODELLED, "asdf activation: its effect on PATH is"
        + " applied instead of reading it", runner.here()));
    String dir = runner.nonEmpty("ASDF_DIR", Root.parent(path));
    runner.assign("ASDF_DIR", runner.literal(dir), false, Boolean.TRUE, false, runner.here());
    String bin = dir + "/bin";
    String shims = runner.nonEmpty("ASDF_DATA_DIR", runner.textOf("HOME") + "/.asdf") + "/shims";
    runner.prepend(bin, true);
    runner.prepend(shims, true);
    session.note(runner.here(), StartupNote.Kind.TOOL, StaticShellToolNotes.asdf(shims, bin));
    return StaticShellStatus.TRUE;
  }

  StaticShellStatus gvm(String path) {
    if (!session.root.isRegularFile(path)) {
      session.files.add(new StartupFile(path, StartupFileStatus.MISSING, "does not exist", runner.here()));
      return StaticShellStatus.FALSE;
    }
    session.files.add(new StartupFile(path, StartupFileStatus.MODELLED, "gvm activation: its effect is applied"
        + " instead of reading it", runner.here()));
    String gvmRoot = Root.parent(Root.parent(path));
    runner.assign("GVM_ROOT", runner.literal(gvmRoot), false, Boolean.TRUE, false, runner.here());
    for (String name : List.of("GOROOT", "GOPATH", "GOBIN")) {
      runner.unsetVariable(name);
    }
    runner.prepend(gvmRoot + "/bin", false);
    session.note(runner.here(), StartupNote.Kind.TOOL, StaticShellToolNotes.gvm(gvmRoot));
    String env = gvmRoot + "/environments/default";
    if (session.root.isRegularFile(env)) {
      runner.runFile(env, runner.here(), "gvm default environment", null);
    } else {
      session.note(runner.here(), StartupNote.Kind.TOOL, StaticShellToolNotes.gvmNoDefault(env));
    }
    return StaticShellStatus.TRUE;
  }
}
