package dev.goenvdoctor.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.goenvdoctor.probe.Root;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File URIs as clients write them, to machine paths and back, on the real root and under --root. */
class UriMapperTest {
  @Test
  void systemRootRoundTripsEncodedNames() {
    UriMapper uris = new UriMapper(Root.system());
    assertEquals("file:///home/u/my%20proj/.vscode/settings.json", uris.uri("/home/u/my proj/.vscode/settings.json"));
    assertEquals(Optional.of("/home/u/my proj/.vscode/settings.json"), uris.machinePath("file:///home/u/my%20proj/.vscode/settings.json"));
    assertEquals(Optional.of("/home/u/Projekt \u00e4/go.mod"), uris.machinePath(uris.uri("/home/u/Projekt \u00e4/go.mod")));
    // VS Code encodes more than it must (a colon, say); the path is the same.
    assertEquals(Optional.of("/home/u/a:b/go.mod"), uris.machinePath("file:///home/u/a%3Ab/go.mod"));
    assertEquals(Optional.of("/home/u/go.mod"), uris.machinePath("file://localhost/home/u/./x/../go.mod"));
  }

  @Test
  void whatIsNotALocalFileHasNoPath() {
    UriMapper uris = new UriMapper(Root.system());
    for (String uri : new String[] {"untitled:Untitled-1", "http://example.com/go.mod", "file://otherhost/etc/passwd",
        "file:relative/go.mod", "not a uri at all %%", "", null}) {
      assertEquals(Optional.empty(), uris.machinePath(uri), String.valueOf(uri));
    }
  }

  @Test
  void underARootUrisNameTheRealFiles(@TempDir Path tmp) {
    Root root = Root.of(tmp.resolve("root"));
    UriMapper uris = new UriMapper(root);
    String uri = uris.uri("/home/u/.bashrc");
    assertEquals(tmp.resolve("root/home/u/.bashrc").toUri().toString(), uri);
    assertEquals(Optional.of("/home/u/.bashrc"), uris.machinePath(uri));
    assertEquals(Optional.empty(), uris.machinePath(tmp.resolve("elsewhere/go.mod").toUri().toString()), "outside the root");
  }
}
