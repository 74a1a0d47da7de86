package dev.goenvdoctor.probe.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.Root;
import dev.goenvdoctor.probe.host.Native;
import dev.goenvdoctor.testing.TestTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real shells on the real machine (root "/") with HOME in a temporary directory, and checks that
 * the static simulation of the same files yields the same PATH and Go variables.
 */
class StaticShellDifferentialTest {
  private static final List<String> COMPARED = List.of("PATH", "GOPATH", "GOBIN", "GOFLAGS", "GOTOOLCHAIN",
      "GOROOT", "GOPROXY");

  @TempDir Path tmp;

  @Test
  void bashMatchesTheRealBash() throws IOException {
    Path bash = TestTools.systemFile("/usr/bin/bash");
    Path home = home();
    Files.createDirectories(home.resolve("sdk/bin"));
    write(home.resolve(".bash_profile"), String.join("\n",
        "export GOPATH=\"$HOME/go\"",
        "[ -d \"$HOME/sdk/bin\" ] && PATH=\"$HOME/sdk/bin:$PATH\"",
        "[ -d \"$HOME/nope\" ] && PATH=\"$HOME/nope:$PATH\"",
        "if [ -f \"$HOME/.goenvrc\" ]; then . \"$HOME/.goenvrc\"; fi",
        "export PATH=\"$PATH:/usr/local/go/bin\"",
        "PATH=\"~/quoted/bin${PATH:+:$PATH}\"",
        "export GOFLAGS=-mod=mod",
        "case $- in *i*) export GOBIN=$HOME/ibin;; esac",
        "pathadd() { case \":$PATH:\" in *\":$1:\"*) ;; *) PATH=\"$PATH:$1\";; esac; }",
        "pathadd /usr/bin",
        "pathadd /opt/extra/bin",
        ". \"$HOME/.bashrc\"",
        ". \"$HOME/addpath.sh\"",
        ". \"$HOME/addpath.sh\"",
        ""));
    // the pattern-removal test Ubuntu's /etc/profile.d uses to add a directory once
    write(home.resolve("addpath.sh"), String.join("\n",
        "tools_dir=\"/opt/tools/bin\"",
        "if [ -n \"${PATH##*${tools_dir}}\" ] && [ -n \"${PATH##*${tools_dir}:*}\" ]; then",
        "    export PATH=\"$PATH:${tools_dir}\"",
        "fi",
        ""));
    write(home.resolve(".goenvrc"), "export GOTOOLCHAIN=local\nexport PATH=$HOME/go/bin:$PATH\n");
    write(home.resolve(".bashrc"), Files.readString(Path.of("/etc/skel/.bashrc"))
        + "\nexport GOPROXY=direct\nexport PATH=$PATH:/usr/local/go/bin\n");
    compare(bash, ShellKind.BASH, home);
  }

  @Test
  void dashMatchesTheRealDash() throws IOException {
    Path dash = TestTools.systemFile("/usr/bin/dash");
    Path home = home();
    Files.createDirectories(home.resolve("bin"));
    write(home.resolve(".profile"), Files.readString(Path.of("/etc/skel/.profile"))
        + "\nexport ENV=$HOME/.shrc\nexport GOPATH=$HOME/go\nexport PATH=\"$PATH:~/go/bin\"\n");
    write(home.resolve(".shrc"), "export GOFLAGS=-from-env\nPATH=/opt/i/bin:$PATH\n");
    compare(dash, ShellKind.SH, home);
  }

  @Test
  void zshMatchesTheRealZsh() throws IOException {
    Path zsh = TestTools.systemFile("/usr/bin/zsh");
    Path home = home();
    write(home.resolve(".zshenv"), "export GOPATH=$HOME/go\n");
    write(home.resolve(".zprofile"), "path=($HOME/zbin $path)\nexport GOTOOLCHAIN=auto\n");
    write(home.resolve(".zshrc"), "[[ -o interactive ]] || return\ntypeset -U path\n"
        + "export PATH=$PATH:/usr/local/go/bin:/usr/bin\nexport GOFLAGS=-zshrc\n");
    write(home.resolve(".zlogin"), "path+=(/opt/zlogin/bin)\n");
    compare(zsh, ShellKind.ZSH, home);
  }

  @Test
  void fishMatchesTheRealFish() throws IOException {
    Path fish = TestTools.systemFile("/usr/bin/fish");
    Path home = home();
    Files.createDirectories(home.resolve("go/bin"));
    Files.createDirectories(home.resolve("sdk/bin"));
    write(home.resolve(".config/fish/conf.d/go.fish"), String.join("\n",
        "set -gx GOPATH $HOME/go",
        "status is-interactive; or exit",
        "set -gx GOBIN $HOME/ibin",
        ""));
    write(home.resolve(".config/fish/config.fish"), String.join("\n",
        "fish_add_path $HOME/go/bin",
        "fish_add_path -a $HOME/sdk/bin",
        "set -gx PATH $PATH /opt/fish/bin",
        "if status is-interactive",
        "    set -gx GOFLAGS -interactive",
        "end",
        ""));
    compare(fish, ShellKind.FISH, home);
  }

  private Path home() throws IOException {
    Path home = tmp.resolve("home");
    Files.createDirectories(home);
    return home;
  }

  private void compare(Path shell, ShellKind kind, Path home) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("PATH", "/usr/bin:/bin");
    env.put("USER", "tester");
    env.put("LOGNAME", "tester");
    env.put("SHELL", shell.toString());
    env.put("TERM", "dumb");
    for (ShellMode mode : ShellMode.values()) {
      Map<String, String> real = runReal(shell, kind, mode, env);
      StaticShellResult simulated = StaticShellEvaluator.evaluate(
          StaticShellRequest.of(Root.system(), kind, mode, env).withUid(Native.effectiveUid()));
      for (String name : COMPARED) {
        String expected = real.get(name);
        String actual = simulated.variable(name).map(StaticShellVariable::value).orElse(null);
        assertEquals(expected, actual, kind + " " + mode + " " + name + "\nnotes: " + simulated.notes());
      }
      assertTrue(simulated.path().stream().noneMatch(StaticShellPathEntry::conditional),
          kind + " " + mode + ": nothing here should be undecidable: " + simulated.notes());
    }
  }

  /** The exported environment printed by the real shell after its startup files ran. */
  private static Map<String, String> runReal(Path shell, ShellKind kind, ShellMode mode, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(shell.toString());
    if (mode.interactive()) {
      command.add("-i");
    }
    command.add("-l");
    command.add("-c");
    command.add("/usr/bin/env -0");
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.directory(Path.of(env.get("HOME")).toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(kind + " did not finish");
      }
      Map<String, String> vars = new HashMap<>();
      for (String entry : new String(out, StandardCharsets.UTF_8).split("\0")) {
        int eq = entry.indexOf('=');
        if (eq > 0) {
          vars.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
      }
      assertTrue(vars.containsKey("PATH"), kind + " " + mode + " printed no environment");
      return vars;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
