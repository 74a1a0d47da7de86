package dev.goenvdoctor.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.goenvdoctor.fix.SettingsFixes;
import dev.goenvdoctor.model.FileCreation;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.TextRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The code actions of a range: a quick fix per fix of each finding there (the preferred one marked), "Disable
 * rule X for this workspace", and a source action that applies every preferred fix of the workspace at once.
 */
final class CodeActions {
  static final String FIX_ALL = CodeActionKind.SourceFixAll + ".goEnvDoctor";
  static final String DISABLED_RULES = ServerSettings.SECTION + ".disabledRules";

  private final FindingConverter converter;

  CodeActions(FindingConverter converter) {
    this.converter = converter;
  }

  List<Either<Command, CodeAction>> actions(String path, Range range, List<Diagnostic> context, List<String> only,
      Checked checked, WorkspaceEdits edits) {
    List<Either<Command, CodeAction>> actions = new ArrayList<>();
    List<Finding> here = findingsAt(path, range, context, checked.findings());
    if (wanted(CodeActionKind.QuickFix, only)) {
      // Two findings on one line can propose the very same change (e.g. "move this line to ~/.profile"):
      // the menu shows it once, under the first finding that offered it.
      Set<List<Object>> offered = new HashSet<>();
      for (Finding f : here) {
        Diagnostic d = converter.diagnostic(f);
        for (Fix fix : f.fixes()) {
          if (!offered.add(List.of(fix.edits(), fix.creations()))) {
            continue;
          }
          edits.of(List.of(fix)).ifPresent(edit -> actions.add(Either.forRight(action(fix.title(), CodeActionKind.QuickFix,
              d, fix.preferred(), edit))));
        }
      }
      Set<String> slugs = new LinkedHashSet<>();
      here.forEach(f -> slugs.add(f.slug()));
      for (String slug : slugs) {
        Diagnostic d = here.stream().filter(f -> f.slug().equals(slug)).findFirst().map(converter::diagnostic).orElseThrow();
        disableRule(checked, slug).flatMap(fix -> edits.of(List.of(fix))).ifPresent(edit -> actions.add(Either.forRight(
            action("Disable rule " + slug + " for this workspace", CodeActionKind.QuickFix, d, false, edit))));
      }
    }
    if (wanted(FIX_ALL, only)) {
      List<Fix> all = compatiblePreferredFixes(checked.findings());
      // Unasked (no filter), "fix all" is offered only when it does more than the quick fix beside it.
      boolean asked = only != null && !only.isEmpty();
      if (asked ? !all.isEmpty() : all.size() > 1) {
        edits.of(all).ifPresent(edit -> actions.add(Either.forRight(action(
            "Fix all go-env-doctor problems (" + all.size() + (all.size() == 1 ? " fix)" : " fixes)"), FIX_ALL, null, false, edit))));
      }
    }
    return actions;
  }

  /**
   * The preferred fix of every finding, once each, leaving out a fix that touches a span another kept fix
   * already edits (two insertions at one place would not compose): running "Fix all" again applies the rest.
   */
  static List<Fix> compatiblePreferredFixes(List<Finding> findings) {
    List<Fix> kept = new ArrayList<>();
    Map<String, List<TextRange>> touched = new HashMap<>();
    Set<String> created = new HashSet<>();
    for (Finding f : findings) {
      Optional<Fix> preferred = f.fixes().stream().filter(Fix::preferred).findFirst();
      if (preferred.isEmpty() || kept.contains(preferred.get())) {
        continue;
      }
      Fix fix = preferred.get();
      boolean clash = fix.creations().stream().map(FileCreation::file).anyMatch(file -> created.contains(file) || touched.containsKey(file))
          || fix.edits().stream().anyMatch(e -> created.contains(e.file())
              || touched.getOrDefault(e.file(), List.of()).stream().anyMatch(r -> meet(r, e.range())));
      if (clash) {
        continue;
      }
      kept.add(fix);
      fix.creations().forEach(c -> created.add(c.file()));
      fix.edits().forEach(e -> touched.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e.range()));
    }
    return kept;
  }

  /** Adds {@code slug} to goEnvDoctor.disabledRules in the first folder's settings (created when absent). */
  private static Optional<Fix> disableRule(Checked checked, String slug) {
    List<Object> rules = new ArrayList<>();
    checked.view().workspace().folders().stream().findFirst().flatMap(f -> f.folderSettings())
        .flatMap(s -> s.entry(DISABLED_RULES)).map(e -> e.value())
        .filter(List.class::isInstance).ifPresent(v -> rules.addAll((List<?>) v));
    if (rules.contains(slug)) {
      return Optional.empty();
    }
    rules.add(slug);
    return SettingsFixes.set(checked.view(), "Disable rule " + slug + " for this workspace", false, List.of(DISABLED_RULES), rules);
  }

  private List<Finding> findingsAt(String path, Range range, List<Diagnostic> context, List<Finding> findings) {
    Set<String> asked = new HashSet<>();
    for (Diagnostic d : context == null ? List.<Diagnostic>of() : context) {
      fingerprint(d.getData()).ifPresent(asked::add);
    }
    List<Finding> here = new ArrayList<>();
    for (Finding f : findings) {
      if (!f.location().file().equals(path)) {
        continue;
      }
      if (asked.contains(FindingConverter.fingerprint(f)) || overlaps(FindingConverter.range(f.location().range()), range)) {
        here.add(f);
      }
    }
    return here;
  }

  private static Optional<String> fingerprint(Object data) {
    if (data instanceof JsonElement e && e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      if (o.has("fingerprint") && o.get("fingerprint").isJsonPrimitive()) {
        return Optional.of(o.get("fingerprint").getAsString());
      }
    }
    return Optional.empty();
  }

  /** Ranges that share a position (a cursor at either end of a diagnostic counts as on it). */
  private static boolean overlaps(Range a, Range b) {
    return b != null && compare(a.getStart(), b.getEnd()) <= 0 && compare(b.getStart(), a.getEnd()) <= 0;
  }

  private static boolean meet(TextRange a, TextRange b) {
    return !(before(a.endLine(), a.endColumn(), b.startLine(), b.startColumn())
        || before(b.endLine(), b.endColumn(), a.startLine(), a.startColumn()));
  }

  private static boolean before(int line, int column, int otherLine, int otherColumn) {
    return line < otherLine || (line == otherLine && column < otherColumn);
  }

  private static int compare(Position a, Position b) {
    return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine()) : Integer.compare(a.getCharacter(), b.getCharacter());
  }

  /** An action kind is wanted when no filter is given or a filter entry is it or its parent kind. */
  static boolean wanted(String kind, List<String> only) {
    return only == null || only.isEmpty() || only.stream().anyMatch(o -> kind.equals(o) || kind.startsWith(o + "."));
  }

  private static CodeAction action(String title, String kind, Diagnostic diagnostic, boolean preferred, WorkspaceEdit edit) {
    CodeAction a = new CodeAction(title);
    a.setKind(kind);
    if (diagnostic != null) {
      a.setDiagnostics(List.of(diagnostic));
    }
    if (preferred) {
      a.setIsPreferred(true);
    }
    a.setEdit(edit);
    return a;
  }
}
