package dev.goenvdoctor.intellij.core;

/** The server's answer is not a report this plugin can show; the message says why, in one sentence. */
public final class ReportFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  ReportFormatException(String message) {
    super(message);
  }
}
