package dev.goenvdoctor.lsp;

import dev.goenvdoctor.rules.RuleDocs;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code codeDescription.href} of a diagnostic: a {@code file:} URI of the rule's page. The pages ship
 * inside the jar; an editor needs a file, so the server links, in this order, to the {@code docs/rules}
 * directory of the distribution when there is one (next to the jar or up to two levels above it, or inside
 * the classes directory), else to a copy it extracts once into its own cache directory
 * ({@code $XDG_CACHE_HOME/go-env-doctor/<version>/rules}, else {@code ~/.cache/...}). That cache is the only
 * place the server ever writes; it never writes a project or configuration file.
 */
final class RuleLinks {
  private final Optional<Path> shipped;
  private final Path cache;
  private final ServerLog log;
  private final Map<String, Optional<String>> links = new ConcurrentHashMap<>();

  RuleLinks(Optional<Path> shipped, Path cache, ServerLog log) {
    this.shipped = shipped;
    this.cache = cache;
    this.log = log;
  }

  /** Links for the running distribution. */
  static RuleLinks forThisDistribution(ServerLog log) {
    String version = Optional.ofNullable(RuleLinks.class.getPackage().getImplementationVersion()).orElse("dev");
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cacheHome = xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return new RuleLinks(shippedDocs(), cacheHome.resolve("go-env-doctor").resolve(version).resolve("rules"), log);
  }

  /** Returns the page's URI, or empty when the rule has no page (or it cannot be reached). */
  Optional<String> href(String slug) {
    return links.computeIfAbsent(slug, this::locate);
  }

  private Optional<String> locate(String slug) {
    if (!slug.matches("[a-z0-9-]+")) {
      return Optional.empty();
    }
    Optional<Path> onDisk = shipped.map(d -> d.resolve(slug + ".md")).filter(Files::isRegularFile);
    if (onDisk.isPresent()) {
      return onDisk.map(p -> p.toUri().toString());
    }
    Optional<String> page = RuleDocs.page(slug);
    if (page.isEmpty()) {
      return Optional.empty();
    }
    Path target = cache.resolve(slug + ".md");
    try {
      if (!Files.isRegularFile(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(page.get())) {
        Files.createDirectories(cache);
        Path temp = Files.createTempFile(cache, slug, ".tmp");
        Files.writeString(temp, page.get(), StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return Optional.of(target.toUri().toString());
    } catch (IOException | RuntimeException e) {
      log.warn("cannot extract the page of " + slug + " to " + cache + ": " + e.getMessage() + "; its diagnostics have no link");
      return Optional.empty();
    }
  }

  /** The docs/rules directory of the distribution the classes came from, if there is one. */
  static Optional<Path> shippedDocs() {
    try {
      Path code = Path.of(RuleLinks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path start = Files.isDirectory(code) ? code : code.getParent();
      for (Path dir : candidates(start)) {
        if (Files.isRegularFile(dir.resolve("README.md"))) {
          return Optional.of(dir);
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // No code source (an unusual class loader): the cache copy serves.
    }
    return Optional.empty();
  }

  private static List<Path> candidates(Path start) {
    Path up1 = start.getParent() == null ? start : start.getParent();
    Path up2 = up1.getParent() == null ? up1 : up1.getParent();
    return List.of(start.resolve("docs/rules"), up1.resolve("docs/rules"), up2.resolve("docs/rules"));
  }
}
