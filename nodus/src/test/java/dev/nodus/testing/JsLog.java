package dev.nodus.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the Node snippets print, Java side: {@code log(a, b)} records {@code [a, b].join(' ')}
 * as the snippets' {@code log} does, and {@link #json(List)} is {@code JSON.stringify} of an
 * array of strings and numbers.
 */
public final class JsLog {
  /** The lines printed so far. */
  public final List<String> lines = new CopyOnWriteArrayList<>();

  /**
   * Prints one line.
   *
   * @param parts the values, joined with spaces
   */
  public void log(Object... parts) {
    List<String> s = new ArrayList<>(parts.length);
    for (Object p : parts) {
      s.add(String.valueOf(p));
    }
    lines.add(String.join(" ", s));
  }

  /**
   * {@code JSON.stringify} of an array of strings and numbers.
   *
   * @param values the values
   * @return the JSON text
   */
  public static String json(List<?> values) {
    List<String> s = new ArrayList<>(values.size());
    for (Object v : values) {
      s.add(v instanceof String str ? "\"" + str + "\"" : String.valueOf(v));
    }
    return "[" + String.join(",", s) + "]";
  }
}
