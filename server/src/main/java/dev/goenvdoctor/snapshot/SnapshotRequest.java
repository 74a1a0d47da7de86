package dev.goenvdoctor.snapshot;

import dev.goenvdoctor.model.LayerSource;
import dev.goenvdoctor.probe.Root;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The inputs of one snapshot: the machine (a root and the editor's environment), the workspace folders
 * (machine paths), and what may run.
 */
public record SnapshotRequest(
    Root root,
    Map<String, String> editorEnvironment,
    LayerSource editorSource,
    List<String> workspaceFolders,
    boolean execAllowed,
    boolean workspaceTrusted,
    Duration shellTimeout) {

  public SnapshotRequest {
    editorEnvironment = Map.copyOf(editorEnvironment);
    workspaceFolders = List.copyOf(workspaceFolders);
  }
}
