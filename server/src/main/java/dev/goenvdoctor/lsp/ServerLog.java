package dev.goenvdoctor.lsp;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The server's log: to stderr (never stdout, which carries JSON-RPC) and, once a client is connected, to
 * {@code window/logMessage}, both at the level the client set ({@code goEnvDoctor.logLevel}).
 */
final class ServerLog {
  /** How much to log, least first. */
  enum Level {
    OFF, ERROR, WARNING, INFO, DEBUG;

    static Optional<Level> parse(String text) {
      for (Level l : values()) {
        if (l.name().equalsIgnoreCase(text.strip()) || (l == WARNING && text.strip().equalsIgnoreCase("warn"))) {
          return Optional.of(l);
        }
      }
      return Optional.empty();
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final PrintStream err;
  private volatile Level level = Level.INFO;
  private volatile LanguageClient client;

  ServerLog(PrintStream err) {
    this.err = err;
  }

  void level(Level newLevel) {
    level = newLevel;
  }

  void connect(LanguageClient newClient) {
    client = newClient;
  }

  void error(String message) {
    log(Level.ERROR, MessageType.Error, message);
  }

  void warn(String message) {
    log(Level.WARNING, MessageType.Warning, message);
  }

  void info(String message) {
    log(Level.INFO, MessageType.Info, message);
  }

  void debug(String message) {
    log(Level.DEBUG, MessageType.Log, message);
  }

  boolean debugEnabled() {
    return level.compareTo(Level.DEBUG) >= 0;
  }

  private void log(Level at, MessageType type, String message) {
    if (level == Level.OFF || at.compareTo(level) > 0) {
      return;
    }
    err.println("[go-env-doctor " + at.label() + "] " + message);
    LanguageClient c = client;
    if (c != null) {
      try {
        c.logMessage(new MessageParams(type, message));
      } catch (RuntimeException e) {
        // A client that went away must not break the log.
        err.println("[go-env-doctor error] cannot send a log message to the client: " + e);
      }
    }
  }
}
