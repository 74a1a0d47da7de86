package dev.goenvdoctor.snapshot;

import dev.goenvdoctor.model.ResolvedGo;
import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.go.GoEnvResult;
import dev.goenvdoctor.probe.go.GoEnvRunner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code go env} at most once per distinct go binary (by real path), and only where the policy allows:
 * a refused run is remembered as a result that says why, so reports can say "based on files only".
 */
final class GoEnvCache {
  private final GoEnvRunner runner;
  private final ExecPolicy policy;
  private final Root root;
  private final Map<String, GoEnvResult> results = new ConcurrentHashMap<>();
  /** Real paths of the gos that ran only because the workspace is trusted: the report says so. */
  private final Set<String> ranByTrust = ConcurrentHashMap.newKeySet();
  /** Results of an earlier snapshot: used instead of running, where running would be allowed now. */
  private final Map<String, GoEnvResult> reusable;

  GoEnvCache(GoEnvRunner runner, ExecPolicy policy, Root root) {
    this(runner, policy, root, Map.of());
  }

  GoEnvCache(GoEnvRunner runner, ExecPolicy policy, Root root, Map<String, GoEnvResult> reusable) {
    this.runner = runner;
    this.policy = policy;
    this.root = root;
    this.reusable = Map.copyOf(reusable);
  }

  GoEnvResult get(ResolvedGo go, Map<String, String> env, boolean chosenByWorkspace) {
    return results.computeIfAbsent(go.realPath(), real -> run(real, env, chosenByWorkspace));
  }

  /** The result for this go when one was already asked for; an empty result otherwise (never runs anything). */
  GoEnvResult known(ResolvedGo go) {
    return results.getOrDefault(go.realPath(), refused("not asked"));
  }

  /**
   * A note for a layer whose go ran although the workspace contains it or its settings chose it (allowed because the
   * workspace is trusted); empty for every other go.
   */
  Optional<String> trustNote(ResolvedGo go) {
    return ranByTrust.contains(go.realPath())
        ? Optional.of("ran " + go.realPath() + " env -json, a go the workspace contains or its settings choose,"
            + " because the workspace is trusted")
        : Optional.empty();
  }

  /** The real paths of the gos that ran only because the workspace is trusted, sorted. */
  List<String> ranByTrust() {
    return ranByTrust.stream().sorted().toList();
  }

  Map<String, GoEnvResult> results() {
    return Map.copyOf(results);
  }

  private GoEnvResult run(String realPath, Map<String, String> env, boolean chosenByWorkspace) {
    if (!policy.mayRun(realPath, chosenByWorkspace)) {
      return refused(!policy.execAllowed() ? "not run: execution is turned off (--no-exec)"
          : !root.isSystem() ? "not run: the machine is a scenario directory (--root)"
          : "not run: the workspace is not trusted and this go is inside it or chosen by its settings");
    }
    if (!policy.mayRun(realPath, chosenByWorkspace, false)) {
      ranByTrust.add(realPath);
    }
    GoEnvResult earlier = reusable.get(realPath);
    if (earlier != null && earlier.succeeded()) {
      return earlier;
    }
    try {
      return runner.run(root.hostPath(realPath).toString(), env);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return refused("not run: interrupted");
    }
  }

  private static GoEnvResult refused(String why) {
    return new GoEnvResult(List.of(), Map.of(), Optional.of(why), false, Duration.ZERO);
  }
}
