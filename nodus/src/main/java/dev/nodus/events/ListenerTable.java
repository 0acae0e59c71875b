package dev.nodus.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An emitter's listener lists by event name, immutable: changes build a new table, so an
 * emission iterates a snapshot (Node's arrayClone in emit). Emitters have a handful of names,
 * so parallel arrays beat a map.
 */
final class ListenerTable {
  static final ListenerTable EMPTY = new ListenerTable(new String[0], new ListenerEntry[0][]);

  private final String[] names;
  private final ListenerEntry[][] lists;

  private ListenerTable(String[] names, ListenerEntry[][] lists) {
    this.names = names;
    this.lists = lists;
  }

  /** The listeners of {@code name}, never empty, or null. */
  ListenerEntry[] get(String name) {
    String[] ns = names;
    for (int i = 0; i < ns.length; i++) {
      // Keys are constants, so identity usually matches before equals is needed.
      if (ns[i] == name || ns[i].equals(name)) {
        return lists[i];
      }
    }
    return null;
  }

  /** A table with {@code name}'s list replaced; an empty or null list removes the name. */
  ListenerTable with(String name, ListenerEntry[] list) {
    int i = indexOf(name);
    boolean empty = list == null || list.length == 0;
    if (i < 0) {
      if (empty) {
        return this;
      }
      String[] ns = Arrays.copyOf(names, names.length + 1);
      ListenerEntry[][] ls = Arrays.copyOf(lists, lists.length + 1);
      ns[names.length] = name;
      ls[lists.length] = list;
      return new ListenerTable(ns, ls);
    }
    if (empty) {
      if (names.length == 1) {
        return EMPTY;
      }
      String[] ns = new String[names.length - 1];
      ListenerEntry[][] ls = new ListenerEntry[lists.length - 1][];
      System.arraycopy(names, 0, ns, 0, i);
      System.arraycopy(names, i + 1, ns, i, names.length - i - 1);
      System.arraycopy(lists, 0, ls, 0, i);
      System.arraycopy(lists, i + 1, ls, i, lists.length - i - 1);
      return new ListenerTable(ns, ls);
    }
    ListenerEntry[][] ls = lists.clone();
    ls[i] = list;
    return new ListenerTable(names, ls);
  }

  private int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The names in JavaScript's own-property order, which Node's eventNames() returns: array
   * indices ascending, then the other names in insertion order.
   */
  List<String> names() {
    List<String> indices = null;
    List<String> others = new ArrayList<>(names.length);
    for (String n : names) {
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
