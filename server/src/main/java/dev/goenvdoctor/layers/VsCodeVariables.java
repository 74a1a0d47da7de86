package dev.goenvdoctor.layers;

import dev.goenvdoctor.probe.Root;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variable expansion the VS Code Go extension applies to path-like settings ({@code go.goroot},
 * {@code go.alternateTools.*}, {@code go.gopath}, string values of {@code go.toolsEnvVars}): first
 * {@code ${env:NAME}} (unset becomes empty), then {@code ${workspaceFolder}}, {@code ${workspaceRoot}},
 * {@code ${workspaceFolderBasename}}, then a leading {@code ~} becomes the home directory.
 * (vscode-go extension/src/util.ts substituteEnv and resolvePath.)
 */
public final class VsCodeVariables {
  private static final Pattern ENV = Pattern.compile("\\$\\{env:([^}]+)}");

  private VsCodeVariables() {}

  /** {@code value} expanded; null and blank values come back unchanged. */
  public static String expand(String value, Map<String, String> environment, String workspaceFolder, String home) {
    if (value == null || value.isBlank()) {
      return value;
    }
    Matcher m = ENV.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(environment.getOrDefault(m.group(1).trim(), "")));
    }
    m.appendTail(out);
    String result = out.toString();
    if (workspaceFolder != null) {
      String base = workspaceFolder.substring(workspaceFolder.lastIndexOf('/') + 1);
      result = result.replace("${workspaceFolder}", workspaceFolder)
          .replace("${workspaceRoot}", workspaceFolder)
          .replace("${workspaceFolderBasename}", base);
    }
    if (result.startsWith("~") && home != null) {
      // Node's path.join(homedir, rest) normalises the joined path.
      result = Root.normalize(home + "/" + result.substring(1));
    }
    return result;
  }
}
