package dev.goenvdoctor.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Fix;
import dev.goenvdoctor.model.Location;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.model.TextEdit;
import dev.goenvdoctor.model.TextRange;
import dev.goenvdoctor.rules.Rule;
import dev.goenvdoctor.rules.RuleDocs;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Findings as SARIF 2.1.0 for code-scanning dashboards: every rule with its help text, every finding with
 * its location (absolute file URIs), related locations for the evidence, and fixes as replacements.
 */
public final class SarifReport {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifReport() {}

  /** {@code hostPath} maps a machine path to the real file (under --root). */
  public static String render(List<Finding> findings, List<Rule> rules, String toolVersion, UnaryOperator<String> hostPath) {
    JsonObject driver = new JsonObject();
    driver.addProperty("name", "go-env-doctor");
    driver.addProperty("version", toolVersion);
    driver.addProperty("informationUri", "https://go.dev/doc/manage-install");
    JsonArray rulesJson = new JsonArray();
    for (Rule rule : rules) {
      JsonObject r = new JsonObject();
      r.addProperty("id", rule.info().slug());
      r.addProperty("name", rule.info().code());
      r.add("shortDescription", text(rule.info().summary()));
      String summary = RuleDocs.summary(rule.info().slug());
      r.add("fullDescription", text(summary.isEmpty() ? rule.info().summary() : summary));
      JsonObject help = text("go-env-doctor explain " + rule.info().slug());
      RuleDocs.page(rule.info().slug()).ifPresent(page -> help.addProperty("markdown", page));
      r.add("help", help);
      JsonObject config = new JsonObject();
      config.addProperty("level", level(rule.info().severity()));
      r.add("defaultConfiguration", config);
      rulesJson.add(r);
    }
    driver.add("rules", rulesJson);
    JsonObject tool = new JsonObject();
    tool.add("driver", driver);

    JsonArray results = new JsonArray();
    for (Finding f : findings) {
      JsonObject result = new JsonObject();
      result.addProperty("ruleId", f.slug());
      int index = indexOf(rules, f.slug());
      if (index >= 0) {
        result.addProperty("ruleIndex", index);
      }
      result.addProperty("level", level(f.severity()));
      result.add("message", text(f.message()));
      JsonArray locations = new JsonArray();
      locations.add(location(f.location(), hostPath));
      result.add("locations", locations);
      if (!f.evidence().isEmpty()) {
        JsonArray related = new JsonArray();
        int id = 0;
        for (Provenance p : f.evidence()) {
          JsonObject l = location(p.location(), hostPath);
          l.addProperty("id", id++);
          l.add("message", text(p.text()));
          related.add(l);
        }
        result.add("relatedLocations", related);
      }
      JsonArray fixes = new JsonArray();
      for (Fix fix : f.fixes()) {
        if (fix.edits().isEmpty()) {
          continue; // file creations have no SARIF replacement form; the text report shows them
        }
        JsonObject fixJson = new JsonObject();
        fixJson.add("description", text(fix.title()));
        JsonArray changes = new JsonArray();
        for (TextEdit edit : fix.edits()) {
          JsonObject change = new JsonObject();
          change.add("artifactLocation", artifact(edit.file(), hostPath));
          JsonObject replacement = new JsonObject();
          replacement.add("deletedRegion", region(edit.range()));
          replacement.add("insertedContent", text(edit.newText()));
          JsonArray replacements = new JsonArray();
          replacements.add(replacement);
          change.add("replacements", replacements);
          changes.add(change);
        }
        fixJson.add("artifactChanges", changes);
        fixes.add(fixJson);
      }
      if (!fixes.isEmpty()) {
        result.add("fixes", fixes);
      }
      results.add(result);
    }
    JsonObject run = new JsonObject();
    run.add("tool", tool);
    run.add("results", results);
    JsonArray runs = new JsonArray();
    runs.add(run);
    JsonObject log = new JsonObject();
    log.addProperty("$schema", SCHEMA);
    log.addProperty("version", "2.1.0");
    log.add("runs", runs);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(log) + "\n";
  }

  private static int indexOf(List<Rule> rules, String slug) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).info().slug().equals(slug)) {
        return i;
      }
    }
    return -1;
  }

  private static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  private static JsonObject text(String s) {
    JsonObject o = new JsonObject();
    o.addProperty("text", s);
    return o;
  }

  private static JsonObject location(Location location, UnaryOperator<String> hostPath) {
    JsonObject physical = new JsonObject();
    physical.add("artifactLocation", artifact(location.file(), hostPath));
    physical.add("region", region(location.range()));
    JsonObject l = new JsonObject();
    l.add("physicalLocation", physical);
    return l;
  }

  private static JsonObject artifact(String machinePath, UnaryOperator<String> hostPath) {
    JsonObject a = new JsonObject();
    a.addProperty("uri", java.nio.file.Path.of(hostPath.apply(machinePath)).toUri().toString());
    return a;
  }

  /** SARIF regions are 1-based; columns count UTF-16 code units by default, as ours do. */
  private static JsonObject region(TextRange r) {
    JsonObject region = new JsonObject();
    region.addProperty("startLine", r.startLine() + 1);
    region.addProperty("startColumn", r.startColumn() + 1);
    region.addProperty("endLine", r.endLine() + 1);
    region.addProperty("endColumn", r.endColumn() + 1);
    return region;
  }
}
