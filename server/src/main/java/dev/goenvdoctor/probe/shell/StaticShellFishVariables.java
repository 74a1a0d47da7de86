package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fish's variables as the simulation keeps them: list values in local (per file or function), global and
 * universal scopes, PATH-like variables split on ':', and PATH rebuilt from {@code fish_user_paths} the way
 * fish's {@code __fish_reconstruct_path} does whenever that variable changes.
 */
final class StaticShellFishVariables {
  /** One fish variable: a list of values. */
  static final class Var {
    List<StaticShellValue> elements = List.of();
    boolean exported;
    Provenance setBy;
    boolean conditional;
  }

  /** Where {@code set} puts a variable. */
  enum Scope { LOCAL, GLOBAL, UNIVERSAL, LOCAL_OR_EXISTING }

  final Map<String, Var> globals = new LinkedHashMap<>();
  final Map<String, Var> universals = new LinkedHashMap<>();
  final Deque<Map<String, Var>> locals = new ArrayDeque<>();
  private List<StaticShellValue> addedUserPaths = List.of();
  private int functionDepth;

  int functionDepth() {
    return functionDepth;
  }

  void enterFunction() {
    functionDepth++;
  }

  void leaveFunction() {
    functionDepth--;
  }

  /**
   * Sets a variable; values are stamped with the line. Returns true when a global of the same name hides the
   * universal value just set.
   */
  boolean set(String name, List<StaticShellValue> values, Scope scope, Boolean export, boolean path,
      Provenance here, boolean conditional) {
    Map<String, Var> target = switch (scope) {
      case LOCAL -> locals.isEmpty() ? globals : locals.peek();
      case GLOBAL -> globals;
      case UNIVERSAL -> universals;
      case LOCAL_OR_EXISTING -> existingScope(name);
    };
    Var previous = target.get(name);
    Var v = new Var();
    List<StaticShellValue> stamped = new ArrayList<>();
    for (StaticShellValue value : values) {
      stamped.add(value.assignedTo(name.equals("fish_user_paths") ? "PATH" : name, here, conditional));
    }
    v.elements = path || StaticShellFishExpander.isPathVariable(name) ? splitColons(stamped) : List.copyOf(stamped);
    Var visible = lookup(name, null);
    v.exported = export != null ? export : previous != null ? previous.exported
        : name.equals("PATH") || (visible != null && visible.exported);
    v.setBy = here;
    v.conditional = conditional;
    target.put(name, v);
    if (name.equals("fish_user_paths")) {
      reconstructPath();
    }
    return scope == Scope.UNIVERSAL && globals.containsKey(name);
  }

  private Map<String, Var> existingScope(String name) {
    for (Map<String, Var> scope : locals) {
      if (scope.containsKey(name)) {
        return scope;
      }
      if (functionDepth > 0) {
        break;
      }
    }
    if (globals.containsKey(name)) {
      return globals;
    }
    if (universals.containsKey(name)) {
      return universals;
    }
    return functionDepth > 0 && !locals.isEmpty() ? locals.peek() : globals;
  }

  void erase(String name, Scope scope) {
    if (scope == null || scope == Scope.LOCAL_OR_EXISTING) {
      existingScope(name).remove(name);
    } else if (scope == Scope.GLOBAL) {
      globals.remove(name);
    } else if (scope == Scope.UNIVERSAL) {
      universals.remove(name);
    } else if (!locals.isEmpty()) {
      locals.peek().remove(name);
    }
    if (name.equals("fish_user_paths")) {
      reconstructPath();
    }
  }

  /** The visible variable (local, then global, then universal), or the one in the given scope; null if unset. */
  Var lookup(String name, Scope scope) {
    if (scope == Scope.GLOBAL) {
      return globals.get(name);
    }
    if (scope == Scope.UNIVERSAL) {
      return universals.get(name);
    }
    for (Map<String, Var> s : locals) {
      if (s.containsKey(name)) {
        return s.get(name);
      }
    }
    if (scope == Scope.LOCAL) {
      return null;
    }
    Var g = globals.get(name);
    return g != null ? g : universals.get(name);
  }

  /** What fish's __fish_reconstruct_path does whenever fish_user_paths changes. */
  void reconstructPath() {
    Var pathVar = globals.computeIfAbsent("PATH", n -> {
      Var v = new Var();
      v.exported = true;
      return v;
    });
    List<StaticShellValue> local = new ArrayList<>(pathVar.elements);
    for (StaticShellValue added : addedUserPaths) {
      removeFirst(local, added.text());
    }
    Var user = lookup("fish_user_paths", null);
    List<StaticShellValue> userPaths = user == null ? List.of() : splitColons(user.elements);
    Map<String, StaticShellValue> unique = new LinkedHashMap<>();
    userPaths.forEach(p -> unique.putIfAbsent(p.text(), p));
    List<StaticShellValue> ordered = new ArrayList<>(unique.values());
    List<StaticShellValue> added = new ArrayList<>();
    for (int k = ordered.size() - 1; k >= 0; k--) {
      StaticShellValue x = ordered.get(k);
      if (!removeFirst(local, x.text())) {
        added.add(x);
      }
      local.add(0, x);
    }
    addedUserPaths = added;
    pathVar.elements = List.copyOf(local);
    pathVar.exported = true;
    if (user != null && !userPaths.isEmpty()) {
      pathVar.setBy = user.setBy;
    }
  }

  private static boolean removeFirst(List<StaticShellValue> list, String text) {
    for (int k = 0; k < list.size(); k++) {
      if (list.get(k).text().equals(text)) {
        list.remove(k);
        return true;
      }
    }
    return false;
  }

  static List<StaticShellValue> splitColons(List<StaticShellValue> values) {
    List<StaticShellValue> out = new ArrayList<>();
    for (StaticShellValue v : values) {
      out.addAll(v.split(':'));
    }
    return out;
  }
}
