package dev.nodus.internal.http;

/**
 * A byte trie for llhttp's {@code select} nodes (the request method, the special header names):
 * matches byte by byte, keeps its place across {@code execute()} calls and never backtracks, as
 * llparse's generated tries. Keys are ASCII.
 */
final class ByteTrie {
  private final int[] flat; // node * 128 + byte -> child, -1 for none
  private final int[] value;
  private final boolean[] hasChildren;

  ByteTrie(String[] keys, int[] values) {
    int size = 1;
    for (String k : keys) {
      size += k.length();
    }
    int[][] n = new int[size][];
    int[] v = new int[size];
    java.util.Arrays.fill(v, -1);
    n[0] = newRow();
    int count = 1;
    for (int i = 0; i < keys.length; i++) {
      String k = keys[i];
      int node = 0;
      for (int j = 0; j < k.length(); j++) {
        int c = k.charAt(j);
        if (n[node][c] < 0) {
          n[count] = newRow();
          n[node][c] = count++;
        }
        node = n[node][c];
      }
      v[node] = values[i];
    }
    this.flat = new int[count * 128];
    for (int i = 0; i < count; i++) {
      System.arraycopy(n[i], 0, flat, i * 128, 128);
    }
    this.value = java.util.Arrays.copyOf(v, count);
    this.hasChildren = new boolean[count];
    for (int i = 0; i < count; i++) {
      for (int x : n[i]) {
        if (x >= 0) {
          hasChildren[i] = true;
          break;
        }
      }
    }
  }

  private static int[] newRow() {
    int[] r = new int[128];
    java.util.Arrays.fill(r, -1);
    return r;
  }

  /** The child of {@code node} on byte {@code c} (0..255), or -1. */
  int step(int node, int c) {
    return c < 128 ? flat[(node << 7) | c] : -1;
  }

  /** The value stored at {@code node}, or -1. */
  int value(int node) {
    return value[node];
  }

  /** Whether {@code node} has any child (a key continues past it). */
  boolean hasChildren(int node) {
    return hasChildren[node];
  }
}
