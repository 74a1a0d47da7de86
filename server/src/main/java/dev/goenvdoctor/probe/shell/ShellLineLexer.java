package dev.goenvdoctor.probe.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a POSIX-family shell file (sh, bash, zsh) into tokens with line and column. Quotes, {@code $(...)},
 * {@code ${...}}, backquotes, arrays {@code a=(...)} and process substitutions stay inside one word; heredoc
 * bodies are skipped; {@code [[ ... ]]} and {@code ((...))} are read in their own modes. It never fails:
 * an unterminated quote simply runs to the end of the file.
 */
final class ShellLineLexer {
  private static final Pattern REDIRECT = Pattern.compile("[0-9]*(<<<|<<-|<<|<>|<&|>&|>>|>\\||&>>|&>|<|>)");
  private static final Pattern ASSIGNMENT_START = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[[^\\]]*])?\\+?=");
  private static final Set<String> COMMAND_START_WORDS =
      Set.of("then", "do", "else", "elif", "if", "while", "until", "{", "!", "time");
  private static final String[] OPERATORS = {
      ";;&", ";;", ";&", ";|", "&&", "||", "|&", "<<<", "<<-", "<<", "<>", "<&", ">&", ">>", ">|", "&>>", "&>",
      ";", "&", "|", "(", ")", "<", ">"};

  private final String s;
  private int pos;
  private int line;
  private int lineStart;
  private boolean commandStart = true;
  private boolean doubleBracket;
  private final List<ShellLineToken> tokens = new ArrayList<>();
  private final Deque<String[]> heredocs = new ArrayDeque<>();

  private ShellLineLexer(String text) {
    this.s = text;
  }

  static List<ShellLineToken> tokenize(String text) {
    ShellLineLexer lexer = new ShellLineLexer(text);
    lexer.run();
    return lexer.tokens;
  }

  static boolean isRedirectOperator(String op) {
    return REDIRECT.matcher(op).matches();
  }

  private void run() {
    while (true) {
      skipBlanks();
      if (pos >= s.length()) {
        add(ShellLineToken.Type.EOF, "", pos, line, column());
        return;
      }
      char c = s.charAt(pos);
      int start = pos;
      int startLine = line;
      int startCol = column();
      if (c == '#') {
        while (pos < s.length() && s.charAt(pos) != '\n') {
          pos++;
        }
        continue;
      }
      if (c == '\n') {
        pos++;
        add(ShellLineToken.Type.NEWLINE, "\n", start, startLine, startCol);
        newLine();
        readHeredocBodies();
        commandStart = true;
        continue;
      }
      if (doubleBracket) {
        String special = doubleBracketOperator();
        if (special != null) {
          pos += special.length();
          add(ShellLineToken.Type.WORD, special, start, startLine, startCol);
          continue;
        }
      }
      String op = doubleBracket ? null : operatorAt();
      if (op != null && !((op.equals("<") || op.equals(">")) && processSubstitutionAt())) {
        pos += op.length();
        add(ShellLineToken.Type.OP, op, start, startLine, startCol);
        if (op.equals("<<") || op.equals("<<-")) {
          readHeredocDelimiter(op.equals("<<-"));
        }
        commandStart = !isRedirectOperator(op);
        continue;
      }
      if (commandStart && s.startsWith("((", pos)) {
        pos += 2;
        skipBalanced(2);
        add(ShellLineToken.Type.WORD, s.substring(start, pos), start, startLine, startCol);
        commandStart = false;
        continue;
      }
      String word = scanWord();
      add(ShellLineToken.Type.WORD, word, start, startLine, startCol);
      if (doubleBracket && word.equals("]]")) {
        doubleBracket = false;
        commandStart = false;
      } else if (commandStart && word.equals("[[")) {
        doubleBracket = true;
        commandStart = false;
      } else {
        commandStart = commandStart && COMMAND_START_WORDS.contains(word);
      }
    }
  }

  private boolean processSubstitutionAt() {
    return pos + 1 < s.length() && s.charAt(pos + 1) == '(' && (s.charAt(pos) == '<' || s.charAt(pos) == '>');
  }

  private String operatorAt() {
    int digits = pos;
    while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
      digits++;
    }
    if (digits > pos) {
      // "2>" is a redirection only when the digits start the token and touch the operator.
      for (String op : OPERATORS) {
        if (s.startsWith(op, digits) && isRedirectOperator(op)) {
          return s.substring(pos, digits) + op;
        }
      }
      return null;
    }
    for (String op : OPERATORS) {
      if (s.startsWith(op, pos)) {
        return op;
      }
    }
    return null;
  }

  private String doubleBracketOperator() {
    for (String op : new String[] {"&&", "||", "(", ")", "<", ">"}) {
      if (s.startsWith(op, pos)) {
        return op;
      }
    }
    return null;
  }

  private String scanWord() {
    int start = pos;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n') {
        break;
      }
      if (c == '(' && pos > start && ASSIGNMENT_START.matcher(s.substring(start, pos)).matches()) {
        pos++;
        skipBalanced(1);
        continue;
      }
      if (c == '(' && pos > start && "@!+*?".indexOf(s.charAt(pos - 1)) >= 0) {
        pos++;
        skipBalanced(1);
        continue;
      }
      if ((c == '<' || c == '>') && pos == start && processSubstitutionAt()) {
        pos += 2;
        skipBalanced(1);
        continue;
      }
      if (";&|()<>".indexOf(c) >= 0) {
        if (!(doubleBracket && (c == '(' || c == ')') && pos > start)) {
          break;
        }
      }
      if (doubleBracket && (s.startsWith("&&", pos) || s.startsWith("||", pos))) {
        break;
      }
      scanUnit();
    }
    if (pos == start) {
      pos++; // a lone character no rule took: keep moving
    }
    return s.substring(start, pos);
  }

  /** Consumes one quoting unit or plain character starting at pos. */
  private void scanUnit() {
    char c = s.charAt(pos);
    switch (c) {
      case '\\' -> {
        if (pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
          pos += 2;
          newLine();
        } else {
          pos = Math.min(s.length(), pos + 2);
        }
      }
      case '\'' -> {
        pos++;
        skipUntil('\'');
      }
      case '"' -> {
        pos++;
        skipDoubleQuoted();
      }
      case '`' -> {
        pos++;
        skipBackquoted();
      }
      case '$' -> {
        if (s.startsWith("$((", pos)) {
          pos += 3;
          skipBalanced(2);
        } else if (s.startsWith("$(", pos)) {
          pos += 2;
          skipBalanced(1);
        } else if (s.startsWith("${", pos)) {
          pos += 2;
          skipBraces();
        } else if (s.startsWith("$'", pos)) {
          pos += 2;
          skipAnsiC();
        } else {
          pos++;
        }
      }
      default -> pos++;
    }
  }

  private void skipUntil(char end) {
    while (pos < s.length() && s.charAt(pos) != end) {
      if (s.charAt(pos) == '\n') {
        pos++;
        newLine();
      } else {
        pos++;
      }
    }
    pos = Math.min(s.length(), pos + 1);
  }

  private void skipAnsiC() {
    while (pos < s.length() && s.charAt(pos) != '\'') {
      if (s.charAt(pos) == '\\') {
        pos++;
      }
      if (pos < s.length() && s.charAt(pos) == '\n') {
        pos++;
        newLine();
      } else {
        pos++;
      }
    }
    pos = Math.min(s.length(), pos + 1);
  }

  private void skipDoubleQuoted() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '\\') {
        pos = Math.min(s.length(), pos + 2);
        if (s.charAt(pos - 1) == '\n') {
          newLine();
        }
        continue;
      }
      if (c == '`' || (c == '$' && (s.startsWith("$(", pos) || s.startsWith("${", pos)))) {
        scanUnit();
        continue;
      }
      if (c == '\n') {
        pos++;
        newLine();
        continue;
      }
      pos++;
    }
  }

  private void skipBackquoted() {
    while (pos < s.length() && s.charAt(pos) != '`') {
      if (s.charAt(pos) == '\\') {
        pos++;
      }
      if (pos < s.length() && s.charAt(pos) == '\n') {
        pos++;
        newLine();
      } else {
        pos++;
      }
    }
    pos = Math.min(s.length(), pos + 1);
  }

  private void skipBraces() {
    int depth = 1;
    while (pos < s.length() && depth > 0) {
      char c = s.charAt(pos);
      if (c == '}') {
        depth--;
        pos++;
      } else if (c == '{') {
        depth++;
        pos++;
      } else if (c == '\n') {
        pos++;
        newLine();
      } else {
        scanUnit();
      }
    }
  }

  /** Skips to the parenthesis that closes {@code depth} open ones (quotes respected). */
  private void skipBalanced(int depth) {
    int open = depth;
    while (pos < s.length() && open > 0) {
      char c = s.charAt(pos);
      if (c == '(') {
        open++;
        pos++;
      } else if (c == ')') {
        open--;
        pos++;
      } else if (c == '\n') {
        pos++;
        newLine();
      } else if (c == '$' && pos + 1 < s.length() && s.charAt(pos + 1) == '(') {
        pos++; // the '(' is counted on the next turn
      } else {
        scanUnit();
      }
    }
  }

  private void readHeredocDelimiter(boolean stripTabs) {
    skipBlanks();
    int start = pos;
    int startLine = line;
    int startCol = column();
    if (pos >= s.length() || s.charAt(pos) == '\n') {
      return;
    }
    String raw = scanWord();
    add(ShellLineToken.Type.WORD, raw, start, startLine, startCol);
    heredocs.add(new String[] {raw.replace("\"", "").replace("'", "").replace("\\", ""), stripTabs ? "-" : ""});
  }

  private void readHeredocBodies() {
    while (!heredocs.isEmpty()) {
      String[] doc = heredocs.poll();
      while (pos < s.length()) {
        int end = s.indexOf('\n', pos);
        String body = end < 0 ? s.substring(pos) : s.substring(pos, end);
        pos = end < 0 ? s.length() : end + 1;
        if (end >= 0) {
          newLine();
        }
        String candidate = doc[1].isEmpty() ? body : body.replaceFirst("^\t+", "");
        if (candidate.equals(doc[0])) {
          break;
        }
      }
    }
  }

  private void skipBlanks() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t') {
        pos++;
      } else if (c == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
        pos += 2;
        newLine();
      } else {
        return;
      }
    }
  }

  private void newLine() {
    line++;
    lineStart = pos;
  }

  private int column() {
    return pos - lineStart;
  }

  private void add(ShellLineToken.Type type, String text, int start, int startLine, int startCol) {
    tokens.add(new ShellLineToken(type, text, startLine, startCol, line, column(), start, pos));
  }
}
