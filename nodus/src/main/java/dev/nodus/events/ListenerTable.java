package dev.nodus.events;

import java.util.ArrayList;
import java.util.List;

/**
 * An emitter's listener lists by event name, in one immutable array of name and list pairs:
 * changes build a new array, so an emission iterates a snapshot (Node's arrayClone in emit).
 * Emitters have a handful of names, so a scan beats a map. As in Node's {@code _events}, a lone
 * listener is stored as itself and only two or more take an array: most events of a socket have
 * one listener, and thousands of sockets make the saved arrays count.
 */
final class ListenerTable {
  static final Object[] EMPTY = {};

  private ListenerTable() {}

  /** The listeners of {@code name}: a {@link ListenerEntry}, a {@code ListenerEntry[]} of two or more, or null. */
  static Object find(Object[] table, String name) {
    for (int i = 0; i < table.length; i += 2) {
      Object n = table[i];
      // Keys are constants, so identity usually matches before equals is needed.
      if (n == name || n.equals(name)) {
        return table[i + 1];
      }
    }
    return null;
  }

  /** How many listeners a value of {@link #find} holds. */
  static int size(Object listeners) {
    if (listeners == null) {
      return 0;
    }
    return listeners instanceof ListenerEntry ? 1 : ((ListenerEntry[]) listeners).length;
  }

  /** A value of {@link #find} as an array (a new one for a lone listener), or null. */
  static ListenerEntry[] list(Object listeners) {
    if (listeners == null || listeners instanceof ListenerEntry[]) {
      return (ListenerEntry[]) listeners;
    }
    return new ListenerEntry[] {(ListenerEntry) listeners};
  }

  /** A table with {@code name}'s list replaced; an empty or null list removes the name. */
  static Object[] with(Object[] table, String name, ListenerEntry[] list) {
    Object value = list == null || list.length == 0 ? null : list.length == 1 ? list[0] : list;
    int i = indexOf(table, name);
    if (i < 0) {
      if (value == null) {
        return table;
      }
      Object[] t = new Object[table.length + 2];
      System.arraycopy(table, 0, t, 0, table.length);
      t[table.length] = name;
      t[table.length + 1] = value;
      return t;
    }
    if (value == null) {
      if (table.length == 2) {
        return EMPTY;
      }
      Object[] t = new Object[table.length - 2];
      System.arraycopy(table, 0, t, 0, i);
      System.arraycopy(table, i + 2, t, i, table.length - i - 2);
      return t;
    }
    Object[] t = table.clone();
    t[i + 1] = value;
    return t;
  }

  private static int indexOf(Object[] table, String name) {
    for (int i = 0; i < table.length; i += 2) {
      if (table[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The names in JavaScript's own-property order, which Node's eventNames() returns: array
   * indices ascending, then the other names in insertion order.
   */
  static List<String> names(Object[] table) {
    List<String> indices = null;
    List<String> others = new ArrayList<>(table.length / 2);
    for (int i = 0; i < table.length; i += 2) {
      String n = (String) table[i];
      if (arrayIndex(n) >= 0) {
        if (indices == null) {
          indices = new ArrayList<>(2);
        }
        indices.add(n);
      } else {
        others.add(n);
      }
    }
    if (indices == null) {
      return List.copyOf(others);
    }
    indices.sort((a, b) -> Long.compare(arrayIndex(a), arrayIndex(b)));
    indices.addAll(others);
    return List.copyOf(indices);
  }

  /** ECMA-262 array index: a canonical decimal integer below 2^32 - 1, or -1. */
  static long arrayIndex(String s) {
    int len = s.length();
    if (len == 0 || len > 10 || (len > 1 && s.charAt(0) == '0')) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v <= 4_294_967_294L ? v : -1;
  }
}
