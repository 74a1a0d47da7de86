package dev.goenvdoctor.cli;

import java.io.PrintStream;

/** Entry point. {@code main} only exits with what {@link #run} returns, so the real entry is testable. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  public static int run(PrintStream out, PrintStream err, String... args) {
    out.println("go-env-doctor");
    return 0;
  }
}
