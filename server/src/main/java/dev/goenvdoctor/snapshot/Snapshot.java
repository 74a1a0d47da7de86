package dev.goenvdoctor.snapshot;

import dev.goenvdoctor.model.Layer;
import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.probe.go.GoEnvFile;
import dev.goenvdoctor.probe.go.GoEnvResult;
import dev.goenvdoctor.probe.go.InstallationScan;
import dev.goenvdoctor.probe.host.HostFacts;
import dev.goenvdoctor.probe.shell.ShellEnvResult;
import dev.goenvdoctor.probe.shell.StaticShellResult;
import dev.goenvdoctor.probe.workspace.WorkspaceFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything go-env-doctor knows about one machine and workspace at one moment, immutable: the layers
 * side by side, the Go installations on disk, the workspace's pins and settings, the startup files as
 * each shell mode reads them, the user's go env file, host facts, and what could not be learned.
 * Rules read only this; renderers print only this.
 */
public record Snapshot(
    int schemaVersion,
    String toolVersion,
    String takenAt,
    MachineFacts machine,
    List<Layer> layers,
    List<ToolBinary> tools,
    InstallationScan installations,
    WorkspaceFacts workspace,
    List<StaticShellResult> startup,
    List<ShellEnvResult> shellRuns,
    GoEnvFile goEnvFile,
    Map<String, GoEnvResult> goEnv,
    HostFacts host,
    List<String> problems,
    Map<String, Long> timingsMillis) {

  /** Bumped whenever a field of the JSON report changes meaning or is removed (adding is compatible). */
  public static final int SCHEMA_VERSION = 1;

  public Snapshot {
    layers = List.copyOf(layers);
    tools = List.copyOf(tools);
    startup = List.copyOf(startup);
    shellRuns = List.copyOf(shellRuns);
    goEnv = Map.copyOf(goEnv);
    problems = List.copyOf(problems);
    timingsMillis = Map.copyOf(timingsMillis);
  }

  public Optional<Layer> layer(LayerId id) {
    return layers.stream().filter(l -> l.id() == id).findFirst();
  }
}
