package dev.goenvdoctor.probe.go;

import java.util.Optional;

/**
 * A golang.org/dl wrapper binary ({@code go1.22.5}, {@code gotip}) and the SDK directory it runs.
 * The wrapper sets GOROOT to {@code $HOME/sdk/<name>} and refuses to run until
 * {@code .unpacked-success} exists there.
 *
 * @param path where the wrapper is (machine path)
 * @param name its name, which is also the version it runs
 * @param sdkDir {@code $HOME/sdk/<name>}
 * @param downloaded whether {@code <sdkDir>/.unpacked-success} exists
 * @param message what the wrapper prints when it is not downloaded
 */
public record DlWrapper(String path, String name, String sdkDir, boolean downloaded, Optional<String> message) {

  /** The exact text the wrapper prints (golang.org/dl internal/version: Run) when the SDK is not downloaded. */
  static String notDownloadedMessage(String name, String sdkDir) {
    return name + ": not downloaded. Run '" + name + " download' to install to " + sdkDir;
  }

  /** True for the names golang.org/dl publishes: {@code go1.22.5}, {@code go1.23rc1}, {@code gotip}. */
  static boolean isWrapperName(String fileName) {
    return fileName.equals("gotip") || fileName.matches("go1(\\.\\d+){1,2}((rc|beta)\\d+)?|go1\\.\\d+(rc|beta)\\d+");
  }
}
