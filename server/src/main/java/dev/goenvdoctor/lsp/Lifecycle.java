package dev.goenvdoctor.lsp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The protocol's life cycle: requests before {@code initialize} get ServerNotInitialized, requests after
 * {@code shutdown} get InvalidRequest, notifications outside the running state are dropped, and a handler
 * that throws is logged and answered with an error instead of taking the server down.
 */
final class Lifecycle {
  enum State { NEW, RUNNING, SHUT_DOWN }

  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final ServerLog log;

  Lifecycle(ServerLog log) {
    this.log = log;
  }

  State state() {
    return state.get();
  }

  /** Moves from NEW to RUNNING; false when {@code initialize} came before. */
  boolean start() {
    return state.compareAndSet(State.NEW, State.RUNNING);
  }

  /** Moves to SHUT_DOWN; false when not running. */
  boolean shutDown() {
    return state.compareAndSet(State.RUNNING, State.SHUT_DOWN);
  }

  boolean wasShutDown() {
    return state.get() == State.SHUT_DOWN;
  }

  /** Runs a request handler when the server is running; otherwise returns the error the protocol asks for. */
  <T> CompletableFuture<T> request(String method, Supplier<CompletableFuture<T>> handler) {
    State now = state.get();
    if (now == State.NEW) {
      return failed(ResponseErrorCode.ServerNotInitialized, method + ": the server is not initialized yet");
    }
    if (now == State.SHUT_DOWN) {
      return failed(ResponseErrorCode.InvalidRequest, method + ": the server is shutting down");
    }
    try {
      return handler.get();
    } catch (RuntimeException e) {
      log.error(method + " failed: " + e);
      return failed(ResponseErrorCode.InternalError, method + " failed: " + e.getMessage());
    }
  }

  /** Runs a notification handler when the server is running; drops the notification otherwise. */
  void notification(String method, Runnable handler) {
    if (state.get() != State.RUNNING) {
      log.debug(method + " dropped: the server is " + state.get().name().toLowerCase(java.util.Locale.ROOT));
      return;
    }
    try {
      handler.run();
    } catch (RuntimeException e) {
      log.error(method + " failed: " + e);
    }
  }

  static <T> CompletableFuture<T> failed(ResponseErrorCode code, String message) {
    return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(code, message, null)));
  }
}
