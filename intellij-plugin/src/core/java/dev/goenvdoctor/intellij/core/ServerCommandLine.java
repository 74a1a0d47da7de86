package dev.goenvdoctor.intellij.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts the language server: the IDE's own Java, the JVM flags of {@code bin/go-env-doctor}
 * (one GC thread, the C1 compiler only, a capped heap, class data sharing when an archive sits next to the jar),
 * and the jar shipped in the plugin's {@code lib/server/} (never on the plugin's class path: LSP4IJ brings its
 * own lsp4j). An argument array, never a shell line.
 */
public final class ServerCommandLine {
  /** Where the server jar sits inside the installed plugin's directory. */
  public static final String SERVER_JAR = "lib/server/go-env-doctor.jar";
  /** The flags {@code bin/go-env-doctor} uses. */
  public static final List<String> JVM_FLAGS = List.of(
      "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m", "-Xms8m", "-Xmx256m", "-XX:-UsePerfData",
      // stdout carries JSON-RPC: a JVM warning (an unusable CDS archive, say) must go to stderr, not into it.
      "-Xlog:disable", "-Xlog:all=warning:stderr");

  private ServerCommandLine() {}

  /**
   * Returns {@code java <flags> -jar <pluginDir>/lib/server/go-env-doctor.jar serve --stdio}, the Java taken
   * from {@code javaHome}. Throws {@link IllegalStateException} saying which file is missing when the Java or
   * the jar is not there.
   */
  public static List<String> arguments(Path javaHome, Path pluginDir) {
    Path java = javaHome.resolve("bin").resolve("java");
    if (!Files.isExecutable(java)) {
      throw new IllegalStateException("no Java at " + java + " (the IDE's java.home): the go-env-doctor server cannot start");
    }
    Path jar = pluginDir.resolve(SERVER_JAR);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the go-env-doctor server jar is missing from the plugin: " + jar
          + "; reinstall the plugin (a build must copy it there: see intellij-plugin/README.md)");
    }
    List<String> args = new ArrayList<>();
    args.add(java.toString());
    args.addAll(JVM_FLAGS);
    Path archive = jar.resolveSibling("go-env-doctor.jsa");
    if (Files.isRegularFile(archive)) {
      // -Xshare:auto: an archive made by another Java is skipped, not an error.
      args.add("-XX:SharedArchiveFile=" + archive);
      args.add("-Xshare:auto");
    }
    args.add("-jar");
    args.add(jar.toString());
    args.add("serve");
    args.add("--stdio");
    return List.copyOf(args);
  }
}
