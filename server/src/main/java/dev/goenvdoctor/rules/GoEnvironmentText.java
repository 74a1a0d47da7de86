package dev.goenvdoctor.rules;

import dev.goenvdoctor.model.LayerId;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.probe.go.GoSetting;
import java.util.List;
import java.util.regex.Pattern;

/** Wording shared by the Go environment and sandbox rules: layer names, short paths, where a value came from. */
final class GoEnvironmentText {
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private GoEnvironmentText() {}

  /** How a message names a layer. */
  static String layer(LayerId id) {
    return switch (id) {
      case EDITOR -> "the editor";
      case LOGIN -> "the desktop session";
      case TERMINAL -> "your terminal";
      case VSCODE_GO -> "the Go extension";
      case GOPLS -> "gopls";
    };
  }

  /** "every layer" when all {@code known} layers are named, else "your terminal and gopls". */
  static String layers(List<LayerId> ids, int known) {
    if (ids.size() == known && known > 1) {
      return "every layer";
    }
    return join(ids.stream().map(GoEnvironmentText::layer).toList());
  }

  /** "a", "a and b", "a, b and c". */
  static String join(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  /** {@code ~/.profile} for a path in {@code home}, else the path itself. */
  static String path(String path, String home) {
    if (home != null && home.length() > 1 && (path.equals(home) || path.startsWith(home + "/"))) {
      return "~" + path.substring(home.length());
    }
    return path;
  }

  /** {@code ~/.profile:40}. */
  static String where(Provenance p, String home) {
    return path(p.location().file(), home) + ":" + (p.location().range().startLine() + 1);
  }

  /** Where a setting's value comes from, for a message: {@code (~/.profile:40)}, {@code (saved by go env -w in ~/.config/go/env:1)}. */
  static String origin(GoEnvironmentSetting s, String home) {
    if (s.origin().isEmpty()) {
      return s.source() == GoSetting.Source.ENVIRONMENT ? "(in the environment; the line that set it is unknown)" : "";
    }
    String at = where(s.origin().get(), home);
    return switch (s.source()) {
      case USER_ENV_FILE -> "(saved by go env -w in " + at + ")";
      case GOROOT_GO_ENV -> "(the Go installation's default in " + at + ")";
      default -> "(" + at + ")";
    };
  }

  /** A word for a command line shown to the user (never run): single-quoted unless plainly safe. */
  static String quote(String word) {
    if (PLAIN_WORD.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
