package dev.goenvdoctor.bench;

import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.ExecResult;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.exec.ProcessExecutor;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.WalkLimits;
import dev.goenvdoctor.probe.workspace.WorkspaceFacts;
import dev.goenvdoctor.probe.workspace.WorkspaceProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The workspace probe on generated monorepos: {@code n} Go modules of 20 directories each (sources, docs,
 * scripts, nested packages), grouped 100 to a directory, and in every tenth module the directories a walk must
 * not enter ({@code vendor/}, {@code node_modules/}, {@code .git/}), as real repositories have them.
 */
final class WalkBench {
  /** One size: the tree, what the walk saw, and its warm timing. */
  record Result(int modules, int directoriesInTree, int directoriesWalked, int goModsFound, Samples time, Samples find) {
    double msPer1000Dirs() {
      return time.median() * 1000.0 / directoriesWalked;
    }
  }

  /** The package directories of one module, beside its root: 19 + the root = 20 directories. */
  private static final List<String> PACKAGES = List.of("cmd", "cmd/app", "internal", "internal/a", "internal/a/b",
      "internal/c", "pkg", "pkg/api", "pkg/api/v1", "pkg/util", "pkg/store", "pkg/store/sql", "docs", "scripts", "api",
      "api/proto", "web", "web/static", "tools");
  /** Skipped by the walker: 14 directories in every tenth module. */
  private static final List<String> NOT_WALKED = List.of("vendor/github.com/acme/lib/internal", "node_modules/left-pad/lib",
      ".git/objects/ab", ".git/refs/heads", "web/node_modules/react/cjs");

  private final Path tmp;

  WalkBench(Path tmp) {
    this.tmp = tmp;
  }

  /** Generates a tree of {@code modules} modules; returns its directory and the number of directories in it. */
  Map.Entry<Path, Integer> generate(int modules) throws IOException {
    Path top = Files.createDirectories(tmp.resolve("monorepo-" + modules));
    int dirs = 1;
    Files.writeString(top.resolve("go.work"), "go 1.19\n");
    for (int i = 0; i < modules; i++) {
      Path group = top.resolve("services-" + (i / 100));
      if (i % 100 == 0) {
        Files.createDirectory(group);
        dirs++;
      }
      Path module = Files.createDirectory(group.resolve("svc" + i));
      dirs++;
      Files.writeString(module.resolve("go.mod"), "module example.com/svc" + i + "\n\ngo 1.19\n\nrequire example.com/lib v1.2.3\n");
      Files.writeString(module.resolve("main.go"), "package main\n");
      for (String p : PACKAGES) {
        Path dir = Files.createDirectory(module.resolve(p));
        dirs++;
        Files.writeString(dir.resolve(dir.getFileName() + ".go"), "package x\n");
      }
      if (i % 10 == 0) {
        for (String p : NOT_WALKED) {
          Path dir = module.resolve(p);
          for (Path d = dir; !d.equals(module) && !Files.exists(d); d = d.getParent()) {
            dirs++;
          }
          Files.createDirectories(dir);
          Files.writeString(dir.resolve("go.mod"), "module nested\n\ngo 1.99\n");
        }
      }
    }
    return Map.entry(top, dirs);
  }

  Result measure(int modules, int warmup, int runs) throws IOException {
    Map.Entry<Path, Integer> tree = generate(modules);
    WorkspaceProbe probe = new WorkspaceProbe(Root.system(), unbounded());
    String folder = tree.getKey().toString();
    String home = Files.createDirectories(tmp.resolve("walk-home")).toString();
    WorkspaceFacts[] last = new WorkspaceFacts[1];
    Samples time = Samples.measure(warmup, runs, () -> last[0] = probe.probe(List.of(folder), home, Map.of()));
    FolderFacts facts = last[0].folders().get(0);
    // The kernel's floor: find reads each entry's type from the directory itself (d_type) and calls no stat.
    List<String> find = List.of("find", folder, "-name", "vendor", "-prune", "-o", "-name", "node_modules", "-prune", "-o",
        "-name", ".git", "-prune", "-o", "-printf", "");
    ProcessExecutor processes = new ProcessExecutor();
    Samples floor = Samples.measure(1, runs, () -> {
      ExecResult r = processes.run(new ExecRequest(find, Map.of("PATH", "/usr/bin:/bin"), "/", Duration.ofSeconds(120), 1 << 16, false));
      if (!r.succeeded()) {
        throw new IOException("find failed: " + r.stderr());
      }
      return r;
    });
    return new Result(modules, tree.getValue(), facts.walk().directoriesVisited(), facts.goMods().size(), time, floor);
  }

  /** What the shipped limits do on the tree of {@code modules} (generated before): the walk and what the user is told. */
  FolderFacts withDefaultLimits(int modules) {
    String folder = tmp.resolve("monorepo-" + modules).toString();
    return new WorkspaceProbe(Root.system()).probe(List.of(folder), tmp.toString(), Map.of()).folders().get(0);
  }

  /** No directory limit (the depth limit stays): the bench times the whole tree to see how the walk grows. */
  static WalkLimits unbounded() {
    return new WalkLimits(Integer.MAX_VALUE, WalkLimits.defaults().maxDepth());
  }
}
