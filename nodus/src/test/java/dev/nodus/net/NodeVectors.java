package dev.nodus.net;

import dev.nodus.NodeError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated vector files that the {@code gen-*.js} scripts record from Node: each
 * field is JSON (a string, a number or null) or {@code -} for an argument left out.
 */
final class NodeVectors {
  /** Stands for an argument left out, so the overload without it is called. */
  static final Object ABSENT = new Object();

  private NodeVectors() {}

  static List<String> lines(String resource) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        NodeVectors.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        out.add(line);
      }
    }
    return out;
  }

  /** A field as a value: String, Long, null, or {@link #ABSENT}. */
  static Object value(String field) {
    if (field.equals("-")) {
      return ABSENT;
    }
    if (field.equals("null")) {
      return null;
    }
    if (field.startsWith("\"")) {
      return unjson(field);
    }
    return Long.parseLong(field);
  }

  /** A result field as text: JSON strings decoded, anything else as it stands. */
  static String text(String field) {
    return field.startsWith("\"") ? unjson(field) : field;
  }

  /** How a failure is written in the vector files, after the {@code =>}. */
  static List<String> thrown(NodeError e) {
    return List.of("throws", e.name(), e.code(), e.getMessage());
  }

  static String unjson(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> sb.append(e);
      }
    }
    return sb.toString();
  }
}
