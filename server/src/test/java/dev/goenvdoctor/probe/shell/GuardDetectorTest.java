package dev.goenvdoctor.probe.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goenvdoctor.probe.Root;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuardDetectorTest {
  private static final Root ROOT = Root.of(Path.of("/nonexistent-root"));

  @ParameterizedTest
  @ValueSource(strings = {
      "case $- in *i*) ;; *) return;; esac",
      "case $- in\n    *i*) ;;\n      *) return;;\nesac",
      "case \"$-\" in\n*i*)\n;;\n*)\nreturn\n;;\nesac",
      "[ -z \"$PS1\" ] && return",
      "[[ $- != *i* ]] && return",
      "[[ $- == *i* ]] || return",
      "if [[ $- != *i* ]]; then return; fi",
      "if [ -z \"$PS1\" ]; then\n  return\nfi",
      "test -z \"$PS1\" && return 0",
      "[[ \"$-\" != *i* ]] && exit",
  })
  void bashGuardsInAnyLayout(String text) {
    ShellLineNode node = ShellLineParser.parse(text).items().get(0);
    assertTrue(new GuardDetector(ShellKind.BASH, ROOT).isGuard(node), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "return",
      "[ -n \"$BASH_VERSION\" ] && return",
      "case $- in *i*) return;; esac",
      "[ -f ~/.x ] || return",
      "export PATH=$PATH:/x",
  })
  void notGuards(String text) {
    ShellLineNode node = ShellLineParser.parse(text).items().get(0);
    assertFalse(new GuardDetector(ShellKind.BASH, ROOT).isGuard(node), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[[ -o interactive ]] || return", "[[ ! -o interactive ]] && return"})
  void zshOptionGuards(String text) {
    ShellLineNode node = ShellLineParser.parse(text).items().get(0);
    assertTrue(new GuardDetector(ShellKind.ZSH, ROOT).isGuard(node), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "status is-interactive || exit",
      "status --is-interactive; or exit",
      "not status is-interactive && return",
      "if not status is-interactive\n    exit\nend",
  })
  void fishGuards(String text) {
    StaticShellFishNode.Block block = StaticShellFishParser.parse(text);
    boolean found = false;
    for (StaticShellFishNode.Statement st : block.statements()) {
      found |= StartupFishScanner.returns(st, false) == StaticShellStatus.TRUE
          && StartupFishScanner.returns(st, true) == StaticShellStatus.FALSE;
    }
    found |= StartupFishScanner.returnsBlock(block, false) == StaticShellStatus.TRUE
        && StartupFishScanner.returnsBlock(block, true) == StaticShellStatus.FALSE;
    assertTrue(found, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"if [[ $- == *i* ]]; then\n  x=1\nfi", "if [ -n \"$PS1\" ]; then x=1; fi"})
  void interactiveOnlyBlocks(String text) {
    ShellLineNode.If node = (ShellLineNode.If) ShellLineParser.parse(text).items().get(0);
    assertTrue(new GuardDetector(ShellKind.BASH, ROOT).interactiveOnly(node.conditions().get(0)));
    assertEquals(1, node.bodies().size());
  }
}
