package dev.nodus.net;

/**
 * One rule of a {@link BlockList}. Comparisons follow Node's {@code SocketAddress} in C++: an
 * IPv4 address equals, and orders against, its IPv4-mapped IPv6 form; any other mix of families
 * is not comparable, so neither {@code <=} nor {@code >=} holds.
 */
sealed interface BlockListRule {
  int LESS = -1;
  int SAME = 0;
  int GREATER = 1;
  int NOT_COMPARABLE = 2;

  boolean matches(SocketAddress a);

  /** A single blocked address. */
  record Single(SocketAddress address) implements BlockListRule {
    @Override
    public boolean matches(SocketAddress a) {
      return compare(a, address) == SAME;
    }

    @Override
    public String toString() {
      return "Address: " + name(address) + " " + address.address();
    }
  }

  /** The addresses from start to end, both included. */
  record Range(SocketAddress start, SocketAddress end) implements BlockListRule {
    @Override
    public boolean matches(SocketAddress a) {
      int low = compare(a, start);
      int high = compare(a, end);
      return (low == SAME || low == GREATER) && (high == SAME || high == LESS);
    }

    @Override
    public String toString() {
      return "Range: " + name(start) + " " + start.address() + "-" + end.address();
    }
  }

  /** The addresses sharing the first {@code prefix} bits of the network's own family. */
  record Subnet(SocketAddress network, int prefix) implements BlockListRule {
    @Override
    public boolean matches(SocketAddress a) {
      byte[] net = network.bytes();
      byte[] b = a.bytes();
      if (net.length == 4 && b.length == 16) {
        // An IPv6 address can only be in an IPv4 subnet through its mapped form.
        return isMapped(b) && samePrefix(net, 0, b, 12, prefix);
      }
      if (net.length == 16 && b.length == 4) {
        return samePrefix(net, 0, mapped(b), 0, prefix);
      }
      return samePrefix(net, 0, b, 0, prefix);
    }

    @Override
    public String toString() {
      return "Subnet: " + name(network) + " " + network.address() + "/" + prefix;
    }
  }

  /**
   * Orders {@code a} against {@code b}: {@link #LESS}, {@link #SAME}, {@link #GREATER} or
   * {@link #NOT_COMPARABLE}.
   */
  static int compare(SocketAddress a, SocketAddress b) {
    byte[] x = a.bytes();
    byte[] y = b.bytes();
    if (x.length == y.length) {
      return compareBytes(x, 0, y, 0, x.length);
    }
    if (x.length == 4) {
      return isMapped(y) ? compareBytes(x, 0, y, 12, 4) : NOT_COMPARABLE;
    }
    return isMapped(x) ? compareBytes(x, 12, y, 0, 4) : NOT_COMPARABLE;
  }

  private static int compareBytes(byte[] x, int xi, byte[] y, int yi, int n) {
    for (int i = 0; i < n; i++) {
      int c = Integer.compare(x[xi + i] & 0xff, y[yi + i] & 0xff);
      if (c != 0) {
        return c < 0 ? LESS : GREATER;
      }
    }
    return SAME;
  }

  private static boolean samePrefix(byte[] x, int xi, byte[] y, int yi, int bits) {
    int whole = bits / 8;
    for (int i = 0; i < whole; i++) {
      if (x[xi + i] != y[yi + i]) {
        return false;
      }
    }
    int rest = bits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xff << (8 - rest) & 0xff;
    return (x[xi + whole] & mask) == (y[yi + whole] & mask);
  }

  /** Whether a 16-byte address is {@code ::ffff:a.b.c.d}. */
  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  private static byte[] mapped(byte[] v4) {
    byte[] b = new byte[16];
    b[10] = (byte) 0xff;
    b[11] = (byte) 0xff;
    System.arraycopy(v4, 0, b, 12, 4);
    return b;
  }

  private static String name(SocketAddress a) {
    return a.isV6() ? "IPv6" : "IPv4";
  }
}
