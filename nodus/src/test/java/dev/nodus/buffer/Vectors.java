package dev.nodus.buffer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads {@code buffer/vectors.txt}, recorded from Node by {@code buffer/gen-vectors.js}. */
final class Vectors {
  private Vectors() {}

  private static List<String[]> all;

  /** Returns the records of one kind (D, E, W, S, C), each split into tab-separated fields. */
  static synchronized List<String[]> of(String kind) {
    if (all == null) {
      all = load();
    }
    List<String[]> out = new ArrayList<>();
    for (String[] r : all) {
      if (r[0].equals(kind)) {
        out.add(r);
      }
    }
    return out;
  }

  private static List<String[]> load() {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = Vectors.class.getResourceAsStream("/buffer/vectors.txt")) {
      if (in == null) {
        throw new IllegalStateException("buffer/vectors.txt is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isEmpty()) {
          out.add(line.split("\t", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static String hex(Buffer b) {
    return hex(b.toByteArray());
  }

  /** The generator's string syntax: printable ASCII as is, anything else as \\uXXXX. */
  static String string(String escaped) {
    StringBuilder sb = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c == '\\') {
        sb.append((char) Integer.parseInt(escaped.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The inverse of {@link #string(String)}, for readable failure messages and comparisons. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0x20 && c < 0x7f && c != '\\' && c != ',') {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }
}
