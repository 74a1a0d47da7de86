package dev.goenvdoctor.probe.exec;

import dev.goenvdoctor.probe.ExecRequest;
import dev.goenvdoctor.probe.ExecResult;
import dev.goenvdoctor.probe.Executor;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes every request to another executor and remembers it, so tests and benchmarks can assert how
 * many processes a probe started and with what arguments. Thread-safe.
 */
public final class CountingExecutor implements Executor {
  private final Executor delegate;
  private final List<ExecRequest> requests = new ArrayList<>();

  /** Counts the requests passed on to {@code delegate}. */
  public CountingExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  /** Records the request, then returns what the delegate returns. */
  @Override
  public ExecResult run(ExecRequest request) throws InterruptedException {
    synchronized (requests) {
      requests.add(request);
    }
    return delegate.run(request);
  }

  /** Returns how many requests were passed on so far. */
  public int count() {
    synchronized (requests) {
      return requests.size();
    }
  }

  /** Returns the requests passed on so far, oldest first (a copy). */
  public List<ExecRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }
}
