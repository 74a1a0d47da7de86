package dev.goenvdoctor.lsp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Starts the language server and returns when it is done: after {@code exit} (0 when {@code shutdown} came
 * first, else 1), when its input closes, or when the editor process it watches dies (1).
 */
public final class ServerLauncher {
  private ServerLauncher() {}

  /**
   * Serves on this process's stdin and stdout. The real stdout is kept for JSON-RPC and {@code System.out} is
   * pointed at stderr, so no stray print can corrupt the stream. Returns the exit code.
   */
  public static int runOnStdio(ServerConfig config) {
    PrintStream err = System.err;
    // Buffered: JSON-RPC reads headers byte by byte and writes each message in parts (lsp4j flushes each one).
    OutputStream rpcOut = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    System.setOut(err);
    return run(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16), rpcOut, config, err);
  }

  /** Serves JSON-RPC over {@code in} and {@code out} (tests use pipes); logs to stderr. Returns the exit code. */
  public static int run(InputStream in, OutputStream out, ServerConfig config) {
    return run(in, out, config, System.err);
  }

  static int run(InputStream in, OutputStream out, ServerConfig config, PrintStream err) {
    ExecutorService rpcThreads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "go-env-doctor-jsonrpc");
      t.setDaemon(true);
      return t;
    });
    DoctorService service = new DoctorService(config, err);
    try {
      Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(new GoEnvDoctorLanguageServer(service),
          new FrameGuard(in, message -> err.println("[go-env-doctor warn] " + message)), out,
          rpcThreads, null);
      service.connect(launcher.getRemoteProxy());
      Future<Void> listening = launcher.startListening();
      Thread watcher = new Thread(() -> {
        try {
          listening.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
          err.println("[go-env-doctor error] the connection failed: " + e);
        }
        // Input closed without exit: the editor is gone.
        service.exitCode().complete(service.exitCodeWithoutExit());
      }, "go-env-doctor-input-watcher");
      watcher.setDaemon(true);
      watcher.start();
      // The reading thread is left to end with its input (a daemon; in stdio mode the process exits next):
      // interrupting it would only log a spurious error.
      return service.exitCode().join();
    } finally {
      service.close();
      rpcThreads.shutdownNow();
    }
  }
}
