package dev.goenvdoctor.probe.workspace;

import dev.goenvdoctor.probe.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where each VS Code flavour keeps user settings on Linux. VS Code's user data directory is
 * {@code $VSCODE_APPDATA/<product>}, else {@code $XDG_CONFIG_HOME/<product>}, else
 * {@code ~/.config/<product>} (src/vs/platform/environment/node/userDataPath.ts); code-server uses
 * {@code $XDG_DATA_HOME/code-server}, else {@code ~/.local/share/code-server}; Flatpak VS Code keeps its
 * config inside the app's sandbox directory {@code ~/.var/app/com.visualstudio.code/config}.
 */
final class UserSettingsLocations {
  /** One candidate file and the editor flavour it belongs to. */
  record Candidate(String editor, String path) {}

  private UserSettingsLocations() {}

  static List<Candidate> candidates(String home, Map<String, String> env) {
    String configHome = absoluteOr(env.get("XDG_CONFIG_HOME"), Root.join(home, ".config"));
    String appData = absoluteOr(env.get("VSCODE_APPDATA"), configHome);
    String dataHome = absoluteOr(env.get("XDG_DATA_HOME"), Root.join(home, ".local/share"));
    List<Candidate> list = new ArrayList<>();
    list.add(new Candidate("VS Code", settings(appData, "Code")));
    list.add(new Candidate("Code - OSS", settings(appData, "Code - OSS")));
    list.add(new Candidate("VSCodium", settings(appData, "VSCodium")));
    list.add(new Candidate("VS Code Insiders", settings(appData, "Code - Insiders")));
    list.add(new Candidate("code-server", settings(dataHome, "code-server")));
    list.add(new Candidate("VS Code (Flatpak)", settings(Root.join(home, ".var/app/com.visualstudio.code/config"), "Code")));
    return list;
  }

  private static String settings(String base, String product) {
    return Root.normalize(base + "/" + product + "/User/settings.json");
  }

  private static String absoluteOr(String value, String fallback) {
    return value != null && value.startsWith("/") ? value : fallback;
  }
}
