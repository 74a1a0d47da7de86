package dev.goenvdoctor.probe.go;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.goenvdoctor.probe.Root;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dpkg's lists are kept between readers only while the info directory is unchanged: an install or removal shows. */
class DpkgListsTest {
  @TempDir Path tmp;

  @Test
  void aPackageInstalledOrRemovedAfterAReadIsSeenByTheNextReader() throws Exception {
    Path info = Files.createDirectories(tmp.resolve("var/lib/dpkg/info"));
    Files.writeString(info.resolve("golang-1.18-go.list"), "/usr/lib/go-1.18\n/usr/lib/go-1.18/bin/go\n");
    Root root = Root.of(tmp);
    List<String> paths = List.of("/usr/lib/go-1.18", "/usr/lib/go-1.22");
    assertEquals(List.of("/var/lib/dpkg/info/golang-1.18-go.list:2 lists /usr/lib/go-1.18/bin/go (package golang-1.18-go)"),
        new DpkgLists(root).evidenceFor(paths));

    // dpkg writes a new list under a temporary name and renames it into place.
    Path fresh = Files.writeString(info.resolve("golang-1.22-go.list.new"), "/usr/lib/go-1.22\n/usr/lib/go-1.22/bin/go\n");
    Files.move(fresh, info.resolve("golang-1.22-go.list"));
    assertEquals(List.of(
        "/var/lib/dpkg/info/golang-1.18-go.list:2 lists /usr/lib/go-1.18/bin/go (package golang-1.18-go)",
        "/var/lib/dpkg/info/golang-1.22-go.list:2 lists /usr/lib/go-1.22/bin/go (package golang-1.22-go)"),
        new DpkgLists(root).evidenceFor(paths));

    Files.delete(info.resolve("golang-1.18-go.list"));
    assertEquals(List.of("/var/lib/dpkg/info/golang-1.22-go.list:2 lists /usr/lib/go-1.22/bin/go (package golang-1.22-go)"),
        new DpkgLists(root).evidenceFor(paths));
  }

  @Test
  void eachMachineRootHasItsOwnLists() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Files.createDirectories(a.resolve("var/lib/dpkg/info"));
    Files.writeString(Files.createDirectories(b.resolve("var/lib/dpkg/info")).resolve("golang-1.19-go.list"),
        "/usr/lib/go-1.19/bin/go\n");
    List<String> paths = List.of("/usr/lib/go-1.19");
    assertEquals(List.of(), new DpkgLists(Root.of(a)).evidenceFor(paths));
    assertEquals(1, new DpkgLists(Root.of(b)).evidenceFor(paths).size());
    assertEquals(List.of(), new DpkgLists(Root.of(a)).evidenceFor(paths));
  }
}
