package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.model.TextEdit;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.shell.ShellKind;
import dev.goenvdoctor.probe.shell.ShellMode;
import dev.goenvdoctor.probe.shell.StartupFile;
import dev.goenvdoctor.probe.shell.StartupFileStatus;
import dev.goenvdoctor.probe.shell.StartupStatement;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ~/.profile sets Go variables or Go PATH entries, but bash login shells never read it: ~/.bash_profile or
 * ~/.bash_login exists and does not source it (bash reads only the first of the three). Shown on the first
 * such line of ~/.profile; fix: source ~/.profile at the top of the file bash reads.
 */
final class ProfileShadowedRule implements Rule {
  static final RuleInfo INFO = new RuleInfo("profile-shadowed", "GED502", Severity.WARNING,
      "`~/.profile` is skipped because `~/.bash_profile` or `~/.bash_login` does not source it.");
  static final String SOURCE_PROFILE = "[ -f \"$HOME/.profile\" ] && . \"$HOME/.profile\"";

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Snapshot snapshot) {
    Optional<StaticShellResult> login = StartupFileFacts.reading(snapshot, ShellMode.LOGIN).filter(r -> r.kind() == ShellKind.BASH);
    Optional<Root> machine = StartupFileFacts.root(snapshot);
    String home = StartupFileFacts.home(snapshot);
    if (login.isEmpty() || machine.isEmpty() || home.isEmpty()) {
      return List.of();
    }
    Root root = machine.get();
    String profile = home + "/.profile";
    List<StartupFile> files = login.get().files();
    boolean shadowed = files.stream().anyMatch(f -> f.path().equals(profile) && f.status() == StartupFileStatus.SHADOWED)
        && files.stream().noneMatch(f -> f.path().equals(profile) && f.read());
    Optional<String> reader = List.of(home + "/.bash_profile", home + "/.bash_login").stream()
        .filter(root::isRegularFile).findFirst();
    if (!shadowed || reader.isEmpty()) {
      return List.of();
    }

    List<StartupStatement> skipped = new ArrayList<>();
    List<String> described = new ArrayList<>();
    for (StartupStatement s : login.get().statements()) {
      if (s.kind() != StartupStatement.Kind.ASSIGNMENT || s.executed() || !s.provenance().location().file().equals(profile)) {
        continue;
      }
      missing(root, login.get(), s, home).ifPresent(what -> {
        skipped.add(s);
        described.add(StartupFileFacts.display(s.provenance(), home) + " " + what);
      });
    }
    if (skipped.isEmpty()) {
      return List.of();
    }
    String readerName = StartupFileFacts.tilde(reader.get(), home);
    String message = String.join("; ", described) + ". But bash login shells read " + readerName
        + " instead, which does not source ~/.profile, so your login layer lacks "
        + (skipped.size() == 1 ? "it" : "them") + ". GNOME on Wayland builds the desktop session through that login"
        + " shell; GDM on X11 reads ~/.profile with /bin/sh. Make " + readerName + " source ~/.profile, then log out"
        + " and back in.";
    Provenance readerLine = firstLine(root, reader.get());
    Findings finding = Findings.of(INFO, message).at(skipped.get(0).provenance().location());
    skipped.forEach(s -> finding.evidence(s.provenance()));
    finding.evidence(readerLine);
    finding.fix(sourceProfile(root, reader.get(), readerName));
    return List.of(finding.build());
  }

  /** What a skipped ~/.profile line would have given the login layer ("adds /usr/local/go/bin to PATH"), if it matters for Go. */
  private static Optional<String> missing(Root root, StaticShellResult login, StartupStatement s, String home) {
    String name = s.subject();
    if (!name.equals("PATH")) {
      return StartupFileFacts.isGoVariable(name) && login.variable(name).isEmpty()
          ? Optional.of("sets " + name) : Optional.empty();
    }
    Optional<StartupFilePathValue> value = StartupFilePathValue.parse(s.provenance().text());
    if (value.isEmpty()) {
      return StartupFileFacts.mentionsGo(s.provenance().text()) ? Optional.of("changes PATH for Go") : Optional.empty();
    }
    Map<String, String> env = Map.of();
    List<String> goDirs = new ArrayList<>();
    for (String segment : value.get().segments()) {
      if (segment.isEmpty() || StartupFilePathValue.isPathReference(segment)) {
        continue;
      }
      Optional<String> dir = value.get().expand(segment, env, home);
      if (dir.isPresent() ? StartupFileFacts.isGoDir(root, dir.get(), env, home) && login.pathEntry(dir.get()).isEmpty()
          : StartupFileFacts.mentionsGo(segment)) {
        goDirs.add(dir.orElse(segment));
      }
    }
    return goDirs.isEmpty() ? Optional.empty() : Optional.of("adds " + String.join(", ", goDirs) + " to PATH");
  }

  /** A fix that sources ~/.profile at the top of the file bash reads (after a #! line, if any). */
  private static Optional<Fix> sourceProfile(Root root, String reader, String readerName) {
    Optional<String> text = StartupFileFacts.fileText(root, reader);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    int line = text.get().startsWith("#!") ? 1 : 0;
    String newline = text.get().contains("\r\n") ? "\r\n" : "\n";
    if (line == 1 && !text.get().contains("\n")) {
      return Optional.empty();
    }
    return Optional.of(new Fix("Source ~/.profile from " + readerName, true,
        List.of(new TextEdit(reader, new TextRange(line, 0, line, 0), SOURCE_PROFILE + newline)), List.of()));
  }

  private static Provenance firstLine(Root root, String file) {
    String text = StartupFileFacts.lineText(root, new Location(file, new TextRange(0, 0, 0, 0))).orElse("");
    return new Provenance(Location.ofLine(file, 0, text), text.strip());
  }
}
