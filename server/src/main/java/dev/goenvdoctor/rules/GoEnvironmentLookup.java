package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoRoot;
import dev.goenvdoctor.probe.go.GoSetting;
import dev.goenvdoctor.probe.shell.ShellMode;
import dev.goenvdoctor.probe.shell.StartupStatement;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.snapshot.Snapshot;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Go variables the way each layer's go command sees them (process environment, then the user env
 * file, then {@code $GOROOT/go.env}) and finds the line that set each value. One instance per
 * {@code check}: it caches the Go roots it inspects.
 */
final class GoEnvironmentLookup {
  private final Snapshot snapshot;
  private final Root root;
  private final Map<String, Optional<GoRoot>> goroots = new HashMap<>();

  GoEnvironmentLookup(Snapshot snapshot) {
    this.snapshot = snapshot;
    this.root = rootOf(snapshot);
  }

  /** The machine the snapshot was taken of, for reading files the snapshot does not hold. */
  static Root rootOf(Snapshot snapshot) {
    try {
      String prefix = snapshot.machine().root();
      return prefix == null || prefix.isBlank() ? Root.system() : Root.of(Path.of(prefix));
    } catch (RuntimeException e) { // an odd root string: the real machine is the only safe answer
      return Root.system();
    }
  }

  Snapshot snapshot() {
    return snapshot;
  }

  Root root() {
    return root;
  }

  /** The layers whose environment is known: an unavailable layer never fires a rule by itself. */
  List<Layer> layers() {
    return snapshot.layers().stream().filter(GoEnvironmentLookup::known).toList();
  }

  static boolean known(Layer layer) {
    return layer.source() != LayerSource.UNAVAILABLE;
  }

  /** {@code name} in every known layer. */
  List<GoEnvironmentSetting> settings(String name) {
    return layers().stream().map(l -> setting(l, name)).toList();
  }

  /** The value {@code layer}'s go command uses for {@code name}, with the line that set it. */
  GoEnvironmentSetting setting(Layer layer, String name) {
    GoSetting s = GoSetting.lookup(name, layer.environment(), snapshot.goEnvFile(), goRootOf(layer));
    Optional<Provenance> origin = switch (s.source()) {
      case ENVIRONMENT -> Optional.ofNullable(layer.origins().get(name)).or(() -> startupLine(name, s.value()));
      case USER_ENV_FILE, GOROOT_GO_ENV -> s.location().map(l -> new Provenance(l, name + "=" + s.value()));
      case UNSET -> Optional.empty();
    };
    boolean certain = s.source() != GoSetting.Source.ENVIRONMENT || certain(layer, name);
    return new GoEnvironmentSetting(layer.id(), name, s.value(), s.source(), origin, certain);
  }

  /**
   * False when the layer was simulated from the startup files and the simulation marks {@code name} as
   * computed by a command or set under a condition it could not decide; true for every other layer.
   */
  boolean certain(Layer layer, String name) {
    if (layer.source() != LayerSource.STATIC) {
      return true;
    }
    Optional<ShellMode> mode = switch (layer.id()) {
      case LOGIN -> Optional.of(ShellMode.LOGIN);
      case TERMINAL -> Optional.of(ShellMode.TERMINAL);
      default -> Optional.empty();
    };
    return mode.isEmpty() || snapshot.startup().stream().filter(r -> r.mode() == mode.get())
        .flatMap(r -> r.variable(name).stream()).noneMatch(v -> v.dynamic() || v.conditional());
  }

  /** The Go root of the go the layer runs, inspected once per directory. */
  Optional<GoRoot> goRootOf(Layer layer) {
    Optional<String> dir = layer.go().flatMap(ResolvedGo::goroot).filter(d -> d.startsWith("/"));
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    return goroots.computeIfAbsent(dir.get(), d -> {
      try {
        return Optional.of(GoRoot.inspect(root, d));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    });
  }

  /**
   * The last executed startup-file line that assigns {@code name} with {@code value} in its text: the
   * fallback when a layer's environment carries a value without borrowed provenance.
   */
  private Optional<Provenance> startupLine(String name, String value) {
    Provenance found = null;
    for (StaticShellResult reading : snapshot.startup()) {
      for (StartupStatement s : reading.statements()) {
        if (s.kind() == StartupStatement.Kind.ASSIGNMENT && name.equals(s.subject()) && s.executed()
            && s.provenance() != null && s.provenance().text().contains(value)) {
          found = s.provenance();
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /** The location of a finding caused by {@code origin}: that line, else the workspace's go.mod. */
  Location locate(Optional<Provenance> origin, boolean versionsInvolved) {
    return origin.map(Provenance::location).orElseGet(() -> Anchors.primary(snapshot, versionsInvolved));
  }
}
