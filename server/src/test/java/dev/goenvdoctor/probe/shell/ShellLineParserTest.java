package dev.goenvdoctor.probe.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellLineParserTest {
  @Test
  void realSystemFilesParseWithoutUnsupportedParts() throws Exception {
    for (String file : List.of("/etc/skel/.bashrc", "/etc/skel/.profile", "/etc/profile", "/etc/bash.bashrc",
        "/etc/zsh/zshrc", "/etc/zsh/zshenv")) {
      Path p = Path.of(file);
      if (!Files.isRegularFile(p)) {
        continue;
      }
      ShellLineNode.Sequence seq = ShellLineParser.parse(Files.readString(p));
      assertTrue(seq.items().stream().noneMatch(n -> n instanceof ShellLineNode.Unsupported),
          file + ": " + seq.items().stream().filter(n -> n instanceof ShellLineNode.Unsupported).toList());
    }
  }

  @Test
  void heredocsArraysAndSubstitutionsStayInsideTheirCommands() {
    String text = String.join("\n",
        "cat <<'EOF' > /tmp/x",
        "export PATH=/not/a/command",
        "EOF",
        "arr=(a \"b c\" $(echo ')'))",
        "x=\"$(printf '%s' \"$HOME\")\" # comment",
        "f() { export GOPATH=/x; }",
        "function g { :; }",
        "[[ $a == b && ( $c < d ) ]] && echo ok",
        "(( n += 1 ))",
        "");
    ShellLineNode.Sequence seq = ShellLineParser.parse(text);
    assertEquals(7, seq.items().size(), seq.items().toString());
    ShellLineNode.Simple cat = assertInstanceOf(ShellLineNode.Simple.class, seq.items().get(0));
    assertEquals("cat", cat.commandName());
    ShellLineNode.Simple arr = assertInstanceOf(ShellLineNode.Simple.class, seq.items().get(1));
    assertEquals("arr=(a \"b c\" $(echo ')'))", arr.assignments().get(0).raw());
    assertEquals(3, seq.items().get(1).span().line());
    assertInstanceOf(ShellLineNode.FunctionDef.class, seq.items().get(3));
    assertInstanceOf(ShellLineNode.FunctionDef.class, seq.items().get(4));
    assertInstanceOf(ShellLineNode.AndOr.class, seq.items().get(5));
  }

  @Test
  void aBrokenBlockIsSkippedWholeAndParsingResumes() {
    String text = "if true; then\n  export PATH=/inside\n  done\nfi\nexport GOPATH=/after\n";
    ShellLineNode.Sequence seq = ShellLineParser.parse(text);
    assertInstanceOf(ShellLineNode.Unsupported.class, seq.items().get(0));
    ShellLineNode.Simple after = assertInstanceOf(ShellLineNode.Simple.class, seq.items().get(seq.items().size() - 1));
    assertEquals("export", after.commandName());
    assertEquals(4, after.span().line());
  }
}
