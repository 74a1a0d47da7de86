package dev.goenvdoctor.rules;

import dev.goenvdoctor.fix.StartupFileFixes;
import dev.goenvdoctor.model.FileCreation;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.ShellKind;
import dev.goenvdoctor.probe.shell.ShellMode;
import dev.goenvdoctor.probe.shell.StartupFile;
import dev.goenvdoctor.probe.shell.StartupStatement;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The login shell is zsh, but Go variables or Go PATH entries are set only in bash's files (~/.bashrc,
 * ~/.bash_profile, ~/.bash_login, ~/.profile), which zsh never reads. One finding per such file, shown on
 * its first such line. Fixes: read ~/.profile from ~/.zprofile in sh emulation, or move the lines to
 * ~/.zprofile.
 */
final class ZshIgnoresBashFilesRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("zsh-ignores-bash-files", "GED503", Severity.WARNING,
      "The login shell is zsh, but the exports are only in bash files.");
  static final String READ_PROFILE = "emulate sh -c '. ~/.profile'";
  /** A zsh line that reads ~/.profile in sh emulation (which the static reading does not follow). */
  private static final Pattern READS_PROFILE = Pattern.compile(
      "^\\s*emulate\\s+(-L\\s+)?sh\\s+-c\\s+['\"]\\s*(\\.|source)\\s+(~|\\$HOME|\\$\\{HOME}|\"\\$HOME\")/\\.profile\\b",
      Pattern.MULTILINE);
  private static final List<String> BASH_FILES = List.of(".bashrc", ".bash_profile", ".bash_login", ".profile");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<StaticShellResult> terminal = StartupFileFacts.reading(snapshot, ShellMode.TERMINAL).filter(r -> r.kind() == ShellKind.ZSH);
    Optional<StaticShellResult> login = StartupFileFacts.reading(snapshot, ShellMode.LOGIN).filter(r -> r.kind() == ShellKind.ZSH);
    Optional<Root> machine = StartupFileFacts.root(snapshot);
    String home = StartupFileFacts.home(snapshot);
    if (terminal.isEmpty() || login.isEmpty() || machine.isEmpty() || home.isEmpty()) {
      return List.of();
    }
    Root root = machine.get();
    List<String> bashFiles = BASH_FILES.stream().map(f -> home + "/" + f).toList();
    String profile = home + "/.profile";
    boolean profileRead = readsProfile(root, terminal.get()) || readsProfile(root, login.get());
    Map<String, String> env = snapshot.layer(LayerId.TERMINAL).map(Layer::environment).orElse(Map.of());

    Map<String, List<StartupStatement>> byFile = new LinkedHashMap<>();
    Map<String, List<String>> whatByFile = new LinkedHashMap<>();
    for (StartupStatement s : terminal.get().statements()) {
      String file = s.provenance().location().file();
      if (s.kind() != StartupStatement.Kind.ASSIGNMENT || s.executed() || !bashFiles.contains(file)
          || (file.equals(profile) && profileRead)
          || StartupFileFacts.in(login.get(), s.provenance()).map(StartupStatement::executed).orElse(false)) {
        continue;
      }
      missing(root, terminal.get(), s, env, home).ifPresent(what -> {
        byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(s);
        whatByFile.computeIfAbsent(file, k -> new ArrayList<>()).add(what + " only at "
            + StartupFileFacts.display(s.provenance(), home));
      });
    }
    List<Finding> findings = new ArrayList<>();
    byFile.forEach((file, lines) -> findings.add(finding(snapshot, root, file, lines, whatByFile.get(file), home)));
    return findings;
  }

  private static Finding finding(Snapshot snapshot, Root root, String file, List<StartupStatement> lines,
      List<String> what, String home) {
    String name = StartupFileFacts.tilde(file, home);
    String zprofile = StartupFileFixes.loginFile(home, "zsh");
    boolean profile = file.equals(home + "/.profile");
    StringBuilder message = new StringBuilder("Your login shell is zsh (").append(snapshot.machine().shell())
        .append("), which does not read ").append(name).append("; ").append(String.join("; ", what)).append('.');
    Optional<Layer> terminal = snapshot.layer(LayerId.TERMINAL).filter(l -> l.source() != LayerSource.UNAVAILABLE);
    if (terminal.isPresent() && terminal.get().go().isEmpty()) {
      message.append(" Your terminal finds no go.");
    }
    if (profile) {
      message.append(" GDM on X11 still reads ~/.profile with /bin/sh, but a Wayland session built through zsh -l"
          + " does not. Read it from ~/.zprofile with ").append(READ_PROFILE).append(',');
    } else {
      message.append(" Move the lines to ~/.zprofile,");
    }
    message.append(" then log out and back in.");

    Findings finding = Findings.of(INFO, message.toString()).at(lines.get(0).provenance().location());
    lines.forEach(s -> finding.evidence(s.provenance()));
    if (profile) {
      finding.fix(readProfileFix(root, zprofile));
    }
    finding.fix(moveFix(root, lines, zprofile, !profile));
    return finding.build();
  }

  /** What the line gives bash and zsh lacks ("PATH gets /usr/local/go/bin"), if it matters for Go. */
  private static Optional<String> missing(Root root, StaticShellResult zsh, StartupStatement s, Map<String, String> env,
      String home) {
    String name = s.subject();
    if (!name.equals("PATH")) {
      return StartupFileFacts.isGoVariable(name) && zsh.variable(name).isEmpty()
          ? Optional.of(name + " is set") : Optional.empty();
    }
    Optional<StartupFilePathValue> value = StartupFilePathValue.parse(s.provenance().text());
    if (value.isEmpty()) {
      return Optional.empty();
    }
    List<String> goDirs = new ArrayList<>();
    for (String segment : value.get().segments()) {
      if (segment.isEmpty() || StartupFilePathValue.isPathReference(segment)) {
        continue;
      }
      Optional<String> dir = value.get().expand(segment, env, home);
      if (dir.isPresent() && StartupFileFacts.isGoDir(root, dir.get(), env, home) && zsh.pathEntry(dir.get()).isEmpty()) {
        goDirs.add(dir.get());
      }
    }
    return goDirs.isEmpty() ? Optional.empty() : Optional.of("PATH gets " + String.join(", ", goDirs));
  }

  /** True when a zsh file that this start reads has {@code emulate sh -c '. ~/.profile'} (or the same with $HOME). */
  private static boolean readsProfile(Root root, StaticShellResult zsh) {
    for (StartupFile f : zsh.files()) {
      if (f.read() && StartupFileFacts.fileText(root, f.path()).map(t -> READS_PROFILE.matcher(t).find()).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /** Adds the line that reads ~/.profile in sh emulation at the end of ~/.zprofile (created when absent). */
  private static Optional<Fix> readProfileFix(Root root, String zprofile) {
    String title = "Read ~/.profile from ~/.zprofile";
    String line = READ_PROFILE + "\n";
    Optional<String> text = StartupFileFacts.fileText(root, zprofile);
    if (text.isEmpty()) {
      return root.exists(zprofile) ? Optional.empty()
          : Optional.of(new Fix(title, true, List.of(), List.of(new FileCreation(zprofile, line))));
    }
    return Optional.of(new Fix(title, true, List.of(StartupFileFacts.append(zprofile, text.get(), line)), List.of()));
  }

  /** Moves every line to ~/.zprofile, when each is a whole line outside any block. */
  private static Optional<Fix> moveFix(Root root, List<StartupStatement> lines, String zprofile, boolean preferred) {
    List<Provenance> provenances = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (StartupStatement s : lines) {
      Optional<String> text = StartupFileFacts.lineText(root, s.provenance().location());
      boolean movable = text.isPresent() && StartupFileFacts.wholeLine(root, s.provenance())
          && StartupFileFacts.fileText(root, s.provenance().location().file())
              .map(t -> StartupFileFacts.topLevel(t, s.provenance().location().range().startLine())).orElse(false);
      if (!movable) {
        return Optional.empty();
      }
      provenances.add(s.provenance());
      texts.add(text.get());
    }
    return StartupFileFacts.moveLines(root, provenances, texts, zprofile, "zsh reads this file, not that one.",
        "Move " + (lines.size() == 1 ? "this line" : "these lines") + " to ~/.zprofile", preferred);
  }
}
