package dev.goenvdoctor.jsonc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits JSONC text into tokens, skipping whitespace (including a byte order mark) and comments, which it
 * records. Never throws: malformed strings and comments become errors and the scan goes on.
 */
final class JsoncScanner {
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
  private static final int SHOWN_WORD_LENGTH = 40;

  private final String text;
  private final ErrorSink errors;
  private final List<JsoncComment> comments = new ArrayList<>();
  private int pos;

  private Token kind = Token.EOF;
  private int tokenStart;
  private int tokenEnd;
  private String stringValue = "";

  JsoncScanner(String text, ErrorSink errors) {
    this.text = text;
    this.errors = errors;
  }

  Token kind() {
    return kind;
  }

  int start() {
    return tokenStart;
  }

  int end() {
    return tokenEnd;
  }

  /** The decoded value of a STRING token. */
  String stringValue() {
    return stringValue;
  }

  /** The raw text of the current token, shortened for messages. */
  String shownText() {
    String raw = text.substring(tokenStart, tokenEnd);
    return raw.length() <= SHOWN_WORD_LENGTH ? raw : raw.substring(0, SHOWN_WORD_LENGTH) + "...";
  }

  List<JsoncComment> comments() {
    return comments;
  }

  int length() {
    return text.length();
  }

  /** Moves to the next token. */
  Token next() {
    skipTrivia();
    tokenStart = pos;
    if (pos >= text.length() || errors.saturated()) {
      tokenStart = tokenEnd = text.length();
      return kind = Token.EOF;
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{': return single(Token.OPEN_BRACE);
      case '}': return single(Token.CLOSE_BRACE);
      case '[': return single(Token.OPEN_BRACKET);
      case ']': return single(Token.CLOSE_BRACKET);
      case ':': return single(Token.COLON);
      case ',': return single(Token.COMMA);
      case '"': return scanString();
      case '/': return single(Token.UNKNOWN); // a lone slash: not the start of a comment
      default: return scanWord();
    }
  }

  private Token single(Token token) {
    pos++;
    tokenEnd = pos;
    return kind = token;
  }

  private void skipTrivia() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (isWhitespace(c)) {
        pos++;
      } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
        int start = pos;
        pos += 2;
        while (pos < text.length() && !isLineBreak(text.charAt(pos))) {
          pos++;
        }
        comments.add(new JsoncComment(start, pos, false));
      } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
        int start = pos;
        int close = text.indexOf("*/", pos + 2);
        if (close < 0) {
          pos = text.length();
          errors.addPlain(start, pos - start, "unterminated comment: the '/*' at " + errors.describe(start)
              + " is never closed with '*/'");
        } else {
          pos = close + 2;
        }
        comments.add(new JsoncComment(start, pos, true));
      } else {
        return;
      }
    }
  }

  private Token scanString() {
    int start = pos;
    pos++;
    StringBuilder value = null;
    int runStart = pos;
    while (true) {
      if (pos >= text.length()) {
        errors.addPlain(start, pos - start, "unterminated string: the string that starts at " + errors.describe(start)
            + " has no closing '\"'");
        break;
      }
      char c = text.charAt(pos);
      if (c == '"') {
        break;
      }
      if (isLineBreak(c)) {
        errors.addPlain(start, pos - start, "unterminated string: the string that starts at " + errors.describe(start)
            + " is cut by a line break (a string cannot span lines)");
        break;
      }
      if (c == '\\') {
        if (value == null) {
          value = new StringBuilder();
        }
        value.append(text, runStart, pos);
        pos = readEscape(value);
        runStart = pos;
        continue;
      }
      if (c < 0x20) {
        errors.add(pos, 1, String.format("control character U+%04X must be escaped in a string", (int) c));
      }
      pos++;
    }
    String tail = text.substring(runStart, Math.min(pos, text.length()));
    stringValue = value == null ? tail : value.append(tail).toString();
    if (pos < text.length() && text.charAt(pos) == '"') {
      pos++;
    }
    tokenEnd = pos;
    return kind = Token.STRING;
  }

  /** Decodes the escape at {@code pos} (a backslash) into {@code out}; returns the offset after it. */
  private int readEscape(StringBuilder out) {
    int at = pos;
    if (at + 1 >= text.length()) {
      return at + 1; // the unterminated-string error follows
    }
    char e = text.charAt(at + 1);
    switch (e) {
      case '"': out.append('"'); return at + 2;
      case '\\': out.append('\\'); return at + 2;
      case '/': out.append('/'); return at + 2;
      case 'b': out.append('\b'); return at + 2;
      case 'f': out.append('\f'); return at + 2;
      case 'n': out.append('\n'); return at + 2;
      case 'r': out.append('\r'); return at + 2;
      case 't': out.append('\t'); return at + 2;
      case 'u': {
        int code = 0;
        int i = at + 2;
        for (; i < at + 6 && i < text.length(); i++) {
          int digit = Character.digit(text.charAt(i), 16);
          if (digit < 0 || text.charAt(i) > 0x7f) {
            break;
          }
          code = code * 16 + digit;
        }
        if (i < at + 6) {
          errors.add(at, i - at, "invalid unicode escape '" + text.substring(at, i) + "' (needs 4 hex digits)");
          return i;
        }
        out.append((char) code); // lone surrogates are kept as written, as JavaScript keeps them
        return i;
      }
      default:
        if (isLineBreak(e)) {
          return at + 1; // the unterminated-string error follows
        }
        errors.add(at, 2, "invalid escape '\\" + e + "' in a string");
        out.append(e);
        return at + 2;
    }
  }

  private Token scanWord() {
    while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
      pos++;
    }
    if (pos == tokenStart) {
      pos++; // never stall on a character that is its own delimiter
    }
    tokenEnd = pos;
    if (tokenEnd - tokenStart > 5) {
      return kind = looksLikeNumber() ? Token.NUMBER : Token.UNKNOWN;
    }
    switch (text.substring(tokenStart, tokenEnd)) {
      case "true": return kind = Token.TRUE;
      case "false": return kind = Token.FALSE;
      case "null": return kind = Token.NULL;
      default: return kind = looksLikeNumber() ? Token.NUMBER : Token.UNKNOWN;
    }
  }

  private boolean looksLikeNumber() {
    char first = text.charAt(tokenStart);
    boolean numeric = first == '-' || (first >= '0' && first <= '9');
    return numeric && tokenEnd - tokenStart < 1000
        && JSON_NUMBER.matcher(text.subSequence(tokenStart, tokenEnd)).matches();
  }

  private static boolean isDelimiter(char c) {
    return switch (c) {
      case '{', '}', '[', ']', ',', ':', '"', '/' -> true;
      default -> isWhitespace(c);
    };
  }

  static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /** JSON whitespace plus what VS Code's JSONC reader also skips: a byte order mark and Unicode spaces. */
  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\ufeff'
        || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.SPACE_SEPARATOR;
  }
}
