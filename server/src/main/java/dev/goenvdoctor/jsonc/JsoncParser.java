package dev.goenvdoctor.jsonc;

import dev.goenvdoctor.text.LineIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recursive descent over {@link JsoncScanner} tokens, with the recovery VS Code's reader uses: a missing
 * comma or colon is reported and parsing goes on; anything else is skipped up to the next comma or closing
 * bracket. Nesting deeper than {@link #MAX_DEPTH} is skipped (iteratively) with an error, so neither this
 * parser nor any recursive walk over its tree can overflow the stack.
 */
final class JsoncParser {
  static final int MAX_DEPTH = 512;

  private final String text;
  private final ErrorSink errors;
  private final JsoncScanner scanner;

  private JsoncParser(String text, LineIndex lines) {
    this.text = text;
    this.errors = new ErrorSink(lines);
    this.scanner = new JsoncScanner(text, errors);
  }

  static JsoncDocument parse(String text, boolean requireObject) {
    LineIndex lines = LineIndex.of(text);
    JsoncParser parser = new JsoncParser(text, lines);
    JsonNode root = parser.parseDocument(requireObject);
    return new JsoncDocument(text, lines, Optional.ofNullable(root), parser.errors.errors(), parser.scanner.comments());
  }

  private JsonNode parseDocument(boolean requireObject) {
    scanner.next();
    if (scanner.kind() == Token.EOF) {
      return null; // empty or comment-only: VS Code reads it as no settings
    }
    int rootStart = scanner.start();
    JsonNode root = parseValue(0);
    if (requireObject && !(root instanceof JsonObject)) {
      errors.addPlain(rootStart, root == null ? 0 : root.end() - root.start(),
          "settings must be a JSON object (found " + (root == null ? "no valid value" : article(root) + root.typeName())
              + " at " + errors.describe(rootStart) + ")");
    }
    if (root != null && scanner.kind() != Token.EOF) {
      errors.add(scanner.start(), scanner.end() - scanner.start(),
          "unexpected '" + scanner.shownText() + "' after the end of the " + root.typeName());
    }
    return root;
  }

  private static boolean startsValue(Token t) {
    return switch (t) {
      case OPEN_BRACE, OPEN_BRACKET, STRING, NUMBER, TRUE, FALSE, NULL, UNKNOWN -> true;
      default -> false;
    };
  }

  /** Parses the value at the current token, or reports and returns null (consuming only a bad word). */
  private JsonNode parseValue(int depth) {
    int start = scanner.start();
    int end = scanner.end();
    switch (scanner.kind()) {
      case OPEN_BRACE:
      case OPEN_BRACKET:
        if (depth >= MAX_DEPTH) {
          errors.add(start, 1, "nesting deeper than " + MAX_DEPTH + " levels; the nested value was skipped");
          skipNested();
          return null;
        }
        return scanner.kind() == Token.OPEN_BRACE ? parseObject(depth + 1) : parseArray(depth + 1);
      case STRING: {
        JsonString s = new JsonString(start, end, scanner.stringValue());
        scanner.next();
        return s;
      }
      case NUMBER:
        scanner.next();
        return new JsonNumber(start, end, text.substring(start, end));
      case TRUE:
      case FALSE: {
        boolean value = scanner.kind() == Token.TRUE;
        scanner.next();
        return new JsonBoolean(start, end, value);
      }
      case NULL:
        scanner.next();
        return new JsonNull(start, end);
      case UNKNOWN: {
        String shown = scanner.shownText();
        errors.add(start, end - start, describeBadWord(shown));
        scanner.next();
        return null;
      }
      default:
        errors.add(start, end - start, "expected a value", found());
        return null;
    }
  }

  private static String describeBadWord(String word) {
    char first = word.charAt(0);
    if (first == '\'') {
      return "invalid value " + word + ": strings must use double quotes";
    }
    if (first == '-' || first == '+' || first == '.' || Character.isDigit(first)) {
      return "invalid number '" + word + "'";
    }
    return "invalid value '" + word + "' (expected a string, number, object, array, true, false or null)";
  }

  private JsonObject parseObject(int depth) {
    int start = scanner.start();
    scanner.next();
    List<JsonProperty> properties = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    while (true) {
      Token t = scanner.kind();
      if (t == Token.CLOSE_BRACE) {
        int end = scanner.end();
        scanner.next();
        return new JsonObject(start, end, properties, true);
      }
      if (t == Token.EOF) {
        errors.addPlain(scanner.start(), 0, "unterminated object: the '{' at " + errors.describe(start)
            + " has no matching '}' (found the end of the file)");
        return new JsonObject(start, scanner.start(), properties, false);
      }
      if (t == Token.COMMA) {
        errors.add(scanner.start(), 1, "unexpected ',' (expected a property name or '}')");
        scanner.next();
        continue;
      }
      if (t != Token.STRING) {
        errors.add(scanner.start(), scanner.end() - scanner.start(),
            "expected a property name in double quotes or '}'", found());
        skipUntil(Token.COMMA, Token.CLOSE_BRACE);
        if (scanner.kind() == Token.COMMA) {
          scanner.next();
        }
        continue;
      }
      JsonProperty property = parseProperty(depth);
      String key = property.key().value();
      if (seen.containsKey(key)) {
        errors.addWarning(property.key().start(), property.key().end() - property.key().start(),
            "duplicate key '" + shorten(key) + "' (the last one wins in VS Code)");
      }
      seen.put(key, properties.size());
      properties.add(property);
    }
  }

  /** Parses {@code "key": value} and the comma after it; the current token is the key. */
  private JsonProperty parseProperty(int depth) {
    JsonString key = new JsonString(scanner.start(), scanner.end(), scanner.stringValue());
    scanner.next();
    int colon = -1;
    if (scanner.kind() == Token.COLON) {
      colon = scanner.start();
      scanner.next();
    } else {
      errors.add(scanner.start(), scanner.end() - scanner.start(),
          "expected ':' after property name '" + shorten(key.value()) + "'", found());
    }
    JsonNode value = null;
    if (startsValue(scanner.kind()) && (colon >= 0 || scanner.kind() != Token.STRING)) {
      value = parseValue(depth);
    } else if (colon >= 0) {
      errors.add(scanner.start(), scanner.end() - scanner.start(),
          "expected a value for '" + shorten(key.value()) + "'", found());
    }
    int end = value != null ? value.end() : colon >= 0 ? colon + 1 : key.end();
    int comma = -1;
    Token t = scanner.kind();
    boolean alreadyReported = colon < 0 && value == null;
    if (t == Token.COMMA) {
      comma = scanner.start();
      scanner.next();
    } else if (t != Token.CLOSE_BRACE && t != Token.EOF) {
      if (!alreadyReported) {
        errors.add(scanner.start(), scanner.end() - scanner.start(),
            "expected ',' or '}' after property value", found());
      }
      if (t != Token.STRING) { // a string here is most likely the next key after a forgotten comma
        skipUntil(Token.COMMA, Token.CLOSE_BRACE);
        if (scanner.kind() == Token.COMMA) {
          comma = scanner.start();
          scanner.next();
        }
      }
    }
    return new JsonProperty(key, Optional.ofNullable(value), key.start(), end, colon, comma);
  }

  private JsonArray parseArray(int depth) {
    int start = scanner.start();
    scanner.next();
    List<JsonNode> elements = new ArrayList<>();
    List<Integer> commas = new ArrayList<>();
    while (true) {
      Token t = scanner.kind();
      if (t == Token.CLOSE_BRACKET) {
        int end = scanner.end();
        scanner.next();
        return new JsonArray(start, end, elements, commas, true);
      }
      if (t == Token.EOF) {
        errors.addPlain(scanner.start(), 0, "unterminated array: the '[' at " + errors.describe(start)
            + " has no matching ']' (found the end of the file)");
        return new JsonArray(start, scanner.start(), elements, commas, false);
      }
      if (t == Token.COMMA) {
        errors.add(scanner.start(), 1, "unexpected ',' (expected a value or ']')");
        scanner.next();
        continue;
      }
      if (!startsValue(t)) {
        errors.add(scanner.start(), scanner.end() - scanner.start(), "expected a value or ']'", found());
        skipUntil(Token.COMMA, Token.CLOSE_BRACKET);
        if (scanner.kind() == Token.COMMA) {
          scanner.next();
        }
        continue;
      }
      JsonNode element = parseValue(depth);
      if (element != null) {
        elements.add(element);
      }
      t = scanner.kind();
      if (t == Token.COMMA) {
        commas.add(scanner.start());
        scanner.next();
      } else if (t != Token.CLOSE_BRACKET && t != Token.EOF) {
        errors.add(scanner.start(), scanner.end() - scanner.start(), "expected ',' or ']' after array element", found());
        if (!startsValue(t)) {
          skipUntil(Token.COMMA, Token.CLOSE_BRACKET);
          if (scanner.kind() == Token.COMMA) {
            commas.add(scanner.start());
            scanner.next();
          }
        }
      }
    }
  }

  /**
   * Skips tokens until one of {@code a}, {@code b} at the current nesting level (or the end). Nested
   * brackets are skipped whole, counted rather than recursed into.
   */
  private void skipUntil(Token a, Token b) {
    int depth = 0;
    while (scanner.kind() != Token.EOF) {
      Token t = scanner.kind();
      if (depth == 0 && (t == a || t == b)) {
        return;
      }
      if (t == Token.OPEN_BRACE || t == Token.OPEN_BRACKET) {
        depth++;
      } else if ((t == Token.CLOSE_BRACE || t == Token.CLOSE_BRACKET) && depth > 0) {
        depth--;
      }
      scanner.next();
    }
  }

  /** Skips a whole object or array (the current token opens it) without building it. */
  private void skipNested() {
    int depth = 0;
    do {
      Token t = scanner.kind();
      if (t == Token.OPEN_BRACE || t == Token.OPEN_BRACKET) {
        depth++;
      } else if (t == Token.CLOSE_BRACE || t == Token.CLOSE_BRACKET) {
        depth--;
      }
      scanner.next();
    } while (depth > 0 && scanner.kind() != Token.EOF);
  }

  /** " (found 'x')" or " (found the end of the file)", for messages. */
  private String found() {
    return scanner.kind() == Token.EOF ? " (found the end of the file)" : " (found '" + scanner.shownText() + "')";
  }

  private static String article(JsonNode node) {
    return node instanceof JsonArray || node instanceof JsonObject ? "an " : "a ";
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
