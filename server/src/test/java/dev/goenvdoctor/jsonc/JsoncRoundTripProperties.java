package dev.goenvdoctor.jsonc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Any JSON value, written with random whitespace, comments, escapes and trailing commas, reads back the same. */
class JsoncRoundTripProperties {
  /** JSON null inside generated values (jqwik's collections do not take null elements). */
  private static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private static final String[] FILLERS = {
    "", "", " ", "  ", "\t", "\n", "\r\n", "\r", "// a comment\n", "// {\"not\": \"parsed\"}\r\n",
    "/* block */", "/* multi\n * line */", "/**/", "\u00a0", " \n\t "
  };

  @Property(tries = 400)
  void writtenValuesReadBackEqual(@ForAll("jsonValues") Object value, @ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    if (random.nextInt(4) == 0) {
      text.append('\ufeff');
    }
    write(value, text, random);
    text.append(filler(random));
    JsoncDocument doc = Jsonc.parse(text.toString());
    assertEquals(List.of(), doc.errors(), text::toString);
    assertEquals(plain(value), doc.root().orElseThrow().toJava(), text::toString);
    // the root's span ends at its last character: only whitespace and comments follow it
    JsoncDocument tail = Jsonc.parse(text.substring(doc.root().orElseThrow().end()));
    assertTrue(tail.root().isEmpty() && tail.errors().isEmpty(), text::toString);
  }

  @Provide
  Arbitrary<Object> jsonValues() {
    return value(4);
  }

  private static Arbitrary<Object> value(int depth) {
    Arbitrary<Object> leaf = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(12).map(s -> (Object) s),
        Arbitraries.strings().withChars("go.TOOLCHAIN/\\\"\u00e9\u0000\u001f\t").ofMaxLength(8).map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().filter(Double::isFinite).map(d -> (Object) d),
        Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b),
        Arbitraries.just(NULL));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(4).map(l -> (Object) l);
    Arbitrary<Object> map = Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(8), value(depth - 1))
        .ofMaxSize(4).map(m -> (Object) m);
    return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, list), Tuple.of(1, map));
  }

  private static void write(Object value, StringBuilder out, Random random) {
    out.append(filler(random));
    if (value == NULL) {
      out.append("null");
    } else if (value instanceof String s) {
      writeString(s, out, random);
    } else if (value instanceof Double d) {
      out.append(Double.toString(d));
    } else if (value instanceof Long || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        write(list.get(i), out, random);
        out.append(filler(random));
        if (i < list.size() - 1 || random.nextBoolean()) {
          out.append(',');
        }
      }
      out.append(filler(random)).append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(filler(random));
        writeString((String) e.getKey(), out, random);
        out.append(filler(random)).append(':');
        write(e.getValue(), out, random);
        out.append(filler(random));
        if (i++ < map.size() - 1 || random.nextBoolean()) {
          out.append(',');
        }
      }
      out.append(filler(random)).append('}');
    }
  }

  private static void writeString(String s, StringBuilder out, Random random) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n' && random.nextBoolean()) {
        out.append("\\n");
      } else if (c < 0x20 || random.nextInt(8) == 0) {
        out.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
      } else if (c == '/' && random.nextBoolean()) {
        out.append("\\/");
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static String filler(Random random) {
    return FILLERS[random.nextInt(FILLERS.length)];
  }

  /** The generated value as the parser returns it: NULL becomes null. */
  private static Object plain(Object value) {
    if (value == NULL) {
      return null;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(plain(v)));
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, plain(v)));
      return out;
    }
    return value;
  }
}
