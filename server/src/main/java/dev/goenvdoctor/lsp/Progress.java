package dev.goenvdoctor.lsp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Server-initiated work-done progress ({@code window/workDoneProgress/create}, then begin and end), shown only
 * to clients that support it. The report is cancellable; a cancel from the client runs the canceller given.
 */
final class Progress {
  /** One progress report; {@link #end} is safe to call more than once. */
  interface Task {
    void end(String message);
  }

  private static final Task NONE = message -> { };

  private final Map<String, Runnable> cancellers = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  private final ServerLog log;

  Progress(ServerLog log) {
    this.log = log;
  }

  Task begin(LanguageClient client, ClientFeatures features, String title, String message, Runnable onCancel) {
    if (client == null || !features.workDoneProgress()) {
      return NONE;
    }
    String token = "go-env-doctor/progress/" + next.incrementAndGet();
    Either<String, Integer> id = Either.forLeft(token);
    cancellers.put(token, onCancel);
    // The protocol forbids reporting before the client has answered the create request.
    CompletableFuture<Void> begun = client.createProgress(new WorkDoneProgressCreateParams(id)).thenRun(() -> {
      WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
      begin.setTitle(title);
      begin.setMessage(message);
      begin.setCancellable(true);
      client.notifyProgress(new ProgressParams(id, Either.forLeft(begin)));
    });
    begun.exceptionally(e -> {
      log.debug("the client refused a progress report: " + e);
      return null;
    });
    return new Task() {
      private boolean ended;

      @Override
      public synchronized void end(String endMessage) {
        if (ended) {
          return;
        }
        ended = true;
        cancellers.remove(token);
        WorkDoneProgressEnd done = new WorkDoneProgressEnd();
        done.setMessage(endMessage);
        begun.thenRun(() -> client.notifyProgress(new ProgressParams(id, Either.forLeft(done))));
      }
    };
  }

  /** Handles {@code window/workDoneProgress/cancel}. */
  void cancel(WorkDoneProgressCancelParams params) {
    if (params == null || params.getToken() == null) {
      return;
    }
    String token = params.getToken().isLeft() ? params.getToken().getLeft() : String.valueOf(params.getToken().getRight());
    Runnable canceller = cancellers.remove(token);
    if (canceller != null) {
      canceller.run();
    }
  }
}
