package dev.goenvdoctor.intellij.core;

/**
 * What the tool window asks of the IDE. The IntelliJ glue implements it with LSP4IJ and the platform; tests
 * record the calls. Each method is called on the Swing event thread and must return quickly.
 */
public interface GoEnvironmentActions {
  /** Asks the server for a new report (re-running the probes); the answer comes back through the panel's {@code show}. */
  void refresh();

  /** Applies {@code fix} of {@code finding} through the server's code action for the finding's file and range. */
  void applyFix(Finding finding, FixChoice fix);

  /** Puts {@code text} on the clipboard. */
  void copyToClipboard(String text);

  /** Opens the file at the location in an editor. */
  void open(Location location);
}
