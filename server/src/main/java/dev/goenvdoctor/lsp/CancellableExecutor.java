package dev.goenvdoctor.lsp;

import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.ExecResult;
import dev.goenvdoctor.probe.Executor;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executor of one probe run that the user (or a newer run) may cancel: after {@link #cancel} nothing new
 * starts, and the threads waiting for a process are interrupted, which makes the process executor kill the
 * process group.
 */
final class CancellableExecutor implements Executor {
  static final String CANCELLED = "not run: cancelled";

  private final Executor delegate;
  private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  CancellableExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public ExecResult run(ExecRequest request) throws InterruptedException {
    if (cancelled) {
      return refused();
    }
    Thread self = Thread.currentThread();
    waiting.add(self);
    try {
      if (cancelled) {
        return refused();
      }
      return delegate.run(request);
    } finally {
      waiting.remove(self);
    }
  }

  void cancel() {
    cancelled = true;
    waiting.forEach(Thread::interrupt);
  }

  boolean isCancelled() {
    return cancelled;
  }

  private static ExecResult refused() {
    return new ExecResult(-1, new byte[0], "", false, false, Duration.ZERO, Optional.of(CANCELLED));
  }
}
