package dev.goenvdoctor.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The rule pages (docs/rules/SLUG.md), shipped inside the jar so {@code explain} and SARIF help work offline. */
public final class RuleDocs {
  private RuleDocs() {}

  public static Optional<String> page(String slug) {
    if (!slug.matches("[a-z0-9-]+")) {
      return Optional.empty();
    }
    try (InputStream in = RuleDocs.class.getResourceAsStream("/docs/rules/" + slug + ".md")) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The page's first paragraph under "What is wrong", for short help texts. */
  public static String summary(String slug) {
    return page(slug).map(p -> {
      int at = p.indexOf("What is wrong");
      if (at < 0) {
        return "";
      }
      String rest = p.substring(p.indexOf('\n', at) + 1).strip();
      int end = rest.indexOf("\n\n");
      return (end < 0 ? rest : rest.substring(0, end)).replace('\n', ' ').strip();
    }).orElse("");
  }
}
