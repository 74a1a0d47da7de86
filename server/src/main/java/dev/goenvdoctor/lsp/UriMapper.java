package dev.goenvdoctor.lsp;

import dev.goenvdoctor.probe.Root;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Converts between the client's file URIs and machine paths. With {@code --root}, the URIs a client sends and
 * the URIs the server publishes name the real files under the root; the rules only ever see machine paths.
 */
final class UriMapper {
  private final Root root;

  UriMapper(Root root) {
    this.root = root;
  }

  /** Returns the machine path of a {@code file:} URI, or empty when it is not one or lies outside the root. */
  Optional<String> machinePath(String uri) {
    if (uri == null || uri.length() > 8192) {
      return Optional.empty();
    }
    try {
      URI parsed = new URI(uri);
      if (!"file".equalsIgnoreCase(parsed.getScheme()) || parsed.getPath() == null || !parsed.getPath().startsWith("/")) {
        return Optional.empty();
      }
      String authority = parsed.getAuthority();
      if (authority != null && !authority.isEmpty() && !authority.equals("localhost")) {
        return Optional.empty();
      }
      Path host = Path.of(parsed.getPath());
      return root.isSystem() ? Optional.of(Root.normalize(host.toString())) : root.machinePath(host);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Returns the {@code file:} URI of a machine path: its real file under the root. */
  String uri(String machinePath) {
    String host = root.hostPath(machinePath).toString();
    try {
      return new URI("file", "", host, null).toASCIIString();
    } catch (URISyntaxException e) {
      return Path.of(host).toUri().toString();
    }
  }
}
