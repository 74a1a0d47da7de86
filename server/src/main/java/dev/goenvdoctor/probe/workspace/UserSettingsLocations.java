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
 * config inside the app's sandbox directory {@code ~/.var/app/com.visualstudio.code/config}. A
 * non-default VS Code profile keeps its own {@code User/profiles/<id>/settings.json} next to the default one.
 */
final class UserSettingsLocations {
  /** One candidate file and the editor flavour it belongs to. */
  record Candidate(String editor, String path) {}

  private static final int MAX_PROFILES = 50;

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

  /**
   * Returns the candidates followed, for each, by the settings files of its profiles that exist
   * ({@code <User>/profiles/<id>/settings.json}), labelled "<editor> profile <id>".
   */
  static List<Candidate> withProfiles(Root root, List<Candidate> candidates) {
    List<Candidate> all = new ArrayList<>();
    for (Candidate c : candidates) {
      all.add(c);
      String profiles = Root.join(Root.parent(c.path()), "profiles");
      int count = 0;
      for (String id : root.list(profiles)) {
        String file = Root.join(Root.join(profiles, id), "settings.json");
        if (count < MAX_PROFILES && root.isRegularFile(file)) {
          all.add(new Candidate(c.editor() + " profile " + id, file));
          count++;
        }
      }
    }
    return all;
  }

  private static String settings(String base, String product) {
    return Root.normalize(base + "/" + product + "/User/settings.json");
  }

  private static String absoluteOr(String value, String fallback) {
    return value != null && value.startsWith("/") && value.indexOf('\0') < 0 ? value : fallback;
  }
}
