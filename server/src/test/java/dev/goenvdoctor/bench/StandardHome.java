package dev.goenvdoctor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A reproducible user for the trusted figures: a HOME made from {@code /etc/skel} (the distribution's stock
 * {@code .profile} and {@code .bashrc}) plus the line the Go tarball instructions add to {@code ~/.profile},
 * the environment a desktop session gives the editor, and a workspace folder with a go.mod. Every machine
 * with the same distribution gets the same startup files, so the shell floor means the same thing there.
 */
record StandardHome(Path home, Path workspace, Map<String, String> environment) {
  static final String SKEL = "/etc/skel";
  static final String PROFILE_LINE = "export PATH=$PATH:/usr/lib/go-1.19/bin";
  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  static StandardHome create(Path tmp) throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home"));
    try (Stream<Path> skel = Files.list(Path.of(SKEL))) {
      for (Path file : skel.filter(Files::isRegularFile).toList()) {
        Files.copy(file, home.resolve(file.getFileName()));
      }
    }
    Files.writeString(home.resolve(".profile"), "\n" + PROFILE_LINE + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Path workspace = Files.createDirectories(home.resolve("proj"));
    Files.writeString(workspace.resolve("go.mod"), "module example.com/proj\n\ngo 1.19\n");
    Files.createDirectories(workspace.resolve(".vscode"));
    Files.writeString(workspace.resolve(".vscode/settings.json"), "{\n  \"editor.tabSize\": 4\n}\n");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", home.toString());
    String user = System.getProperty("user.name");
    env.put("USER", user);
    env.put("LOGNAME", user);
    env.put("SHELL", "/bin/bash");
    env.put("PATH", DEFAULT_PATH);
    env.put("LANG", "C.UTF-8");
    return new StandardHome(home, workspace, Map.copyOf(env));
  }

  /** This machine's real user: the bench's own environment and HOME, with a workspace folder in {@code tmp}. */
  static StandardHome real(Path tmp) throws IOException {
    Path workspace = Files.createDirectories(tmp.resolve("real-proj"));
    Files.writeString(workspace.resolve("go.mod"), "module example.com/proj\n\ngo 1.19\n");
    Map<String, String> env = System.getenv();
    return new StandardHome(Path.of(env.getOrDefault("HOME", "/")), workspace, env);
  }

  String shell() {
    return environment.getOrDefault("SHELL", "/bin/bash");
  }

  List<String> workspaceFolders() {
    return List.of(workspace.toString());
  }
}
