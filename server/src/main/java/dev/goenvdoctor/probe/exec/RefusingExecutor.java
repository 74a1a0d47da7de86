package dev.goenvdoctor.probe.exec;

import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.ExecResult;
import dev.goenvdoctor.probe.Executor;
import java.time.Duration;
import java.util.Optional;

/**
 * The executor of zero-exec mode ({@code --no-exec}, untrusted workspaces): starts nothing and answers
 * every request with a start error, so probes degrade to what they can read from files.
 */
public final class RefusingExecutor implements Executor {
  /** The start error every refused request gets. */
  public static final String REASON = "not run: execution is turned off";

  /** Returns a result with {@link #REASON} as its start error, without starting any process. */
  @Override
  public ExecResult run(ExecRequest request) {
    return new ExecResult(-1, new byte[0], "", false, false, Duration.ZERO, Optional.of(REASON));
  }
}
