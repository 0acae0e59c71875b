package dev.nodus.net;

import dev.nodus.NodeError;
import dev.nodus.internal.errors.NodeErrors;
import dev.nodus.internal.errors.NodeInspect;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * An IP address, port and IPv6 flow label, checked and normalized once. Node:
 * {@code net.SocketAddress} (v20), made with {@code new SocketAddress(options)}.
 *
 * <pre>{@code
 * SocketAddress a = new SocketAddress(new SocketAddress.Options().address("::1").family("ipv6"));
 * a.address();   // "::1"
 * }</pre>
 *
 * <p>The address is kept in the form libuv prints it ({@code 0:0::1} becomes {@code ::1}); an
 * IPv6 zone ({@code %eth0}) is accepted and dropped, as Node drops it. Instances are immutable.
 */
public final class SocketAddress {
  /** The largest IPv6 flow label: 20 bits. */
  private static final long MAX_FLOWLABEL = 0xFFFFF;

  private final byte[] bytes;
  private final String address;
  private final int port;
  private final String family;
  private final int flowlabel;

  /**
   * Options for {@link SocketAddress#SocketAddress(Options)}. Node: the {@code options} of
   * {@code new net.SocketAddress([options])}. A setter called with null passes JavaScript's
   * {@code null}, which Node refuses; a setter not called leaves Node's default.
   */
  public static final class Options {
    private String address;
    private boolean addressSet;
    private int port;
    private String family = "ipv4";
    private long flowlabel;

    /** Creates options with Node's defaults: family {@code ipv4}, port 0, flow label 0. */
    public Options() {}

    /**
     * Sets the address. Node: {@code address}, default {@code '127.0.0.1'} when the family is
     * exactly {@code 'ipv4'}, else {@code '::'}.
     *
     * @param address an IPv4 or IPv6 address, in the form the family calls for
     * @return these options
     */
    public Options address(String address) {
      this.address = address;
      this.addressSet = true;
      return this;
    }

    /**
     * Sets the port. Node: {@code port}, default 0.
     *
     * @param port 0 to 65535
     * @return these options
     */
    public Options port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Sets the family. Node: {@code family}, default {@code 'ipv4'}; compared case-insensitively.
     *
     * @param family {@code "ipv4"} or {@code "ipv6"}
     * @return these options
     */
    public Options family(String family) {
      this.family = family;
      return this;
    }

    /**
     * Sets the IPv6 flow label; ignored (read back as 0) for IPv4. Node: {@code flowlabel},
     * default 0.
     *
     * @param flowlabel 0 to 1048575 for IPv6; any uint32 for IPv4
     * @return these options
     */
    public Options flowlabel(long flowlabel) {
      this.flowlabel = flowlabel;
      return this;
    }
  }

  /** Creates {@code 127.0.0.1} port 0, as Node's {@code new SocketAddress()}. */
  public SocketAddress() {
    this(new Options());
  }

  /**
   * Creates an address from options, checking them in Node's order: family, address type,
   * port, flow label, then the address itself.
   *
   * @param options the options
   * @throws NodeError {@code ERR_INVALID_ARG_VALUE} for a family other than ipv4/ipv6,
   *     {@code ERR_INVALID_ARG_TYPE} for a null address, {@code ERR_SOCKET_BAD_PORT},
   *     {@code ERR_OUT_OF_RANGE} for a flow label outside uint32 (or, for IPv6, above 20 bits),
   *     {@code ERR_INVALID_ADDRESS} for an address that is not an IP address of the family
   */
  public SocketAddress(Options options) {
    if (options == null) {
      throw NodeError.typeError("ERR_INVALID_ARG_TYPE",
          "The \"options\" argument must be of type object. Received null");
    }
    String requested = options.family;
    // Node picks the default address before lower-casing the family, so "IPv4" gets "::".
    String text = options.addressSet ? options.address : "ipv4".equals(requested) ? "127.0.0.1" : "::";
    String fam = requested == null ? null : requested.toLowerCase(Locale.ROOT);
    if (!"ipv4".equals(fam) && !"ipv6".equals(fam)) {
      throw invalidArgValue("options.family", requested == null ? "null" : inspect(requested));
    }
    if (text == null) {
      throw NodeError.typeError("ERR_INVALID_ARG_TYPE",
          "The \"options.address\" property must be of type string. Received null");
    }
    if (options.port < 0 || options.port > 65535) {
      throw NodeError.rangeError("ERR_SOCKET_BAD_PORT",
          "options.port should be >= 0 and < 65536. Received type number (" + options.port + ").");
    }
    if (options.flowlabel < 0 || options.flowlabel > 0xFFFFFFFFL) {
      throw outOfRange("options.flowlabel", ">= 0 && <= 4294967295", options.flowlabel);
    }
    boolean v6 = fam.equals("ipv6");
    byte[] parsed = IpAddresses.parse(text, v6);
    if (parsed == null) {
      throw new NodeError("ERR_INVALID_ADDRESS", "Invalid socket address");
    }
    if (v6 && options.flowlabel > MAX_FLOWLABEL) {
      // Node v20 aborts the process here (a failed C++ assertion); a range error is kinder.
      throw outOfRange("options.flowlabel", ">= 0 && <= " + MAX_FLOWLABEL, options.flowlabel);
    }
    this.bytes = parsed;
    this.address = IpAddresses.format(parsed);
    this.port = options.port;
    this.family = fam;
    this.flowlabel = v6 ? (int) options.flowlabel : 0;
  }

  /**
   * Returns whether {@code value} is a SocketAddress. Node: {@code SocketAddress.isSocketAddress}.
   *
   * @param value anything
   * @return true for a SocketAddress
   */
  public static boolean isSocketAddress(Object value) {
    return value instanceof SocketAddress;
  }

  /**
   * Returns the address in libuv's normal form. Node: {@code socketAddress.address}.
   *
   * @return the address, such as {@code "::ffff:1.2.3.4"}
   */
  public String address() {
    return address;
  }

  /**
   * Returns the port. Node: {@code socketAddress.port}.
   *
   * @return 0 to 65535
   */
  public int port() {
    return port;
  }

  /**
   * Returns the family. Node: {@code socketAddress.family}.
   *
   * @return {@code "ipv4"} or {@code "ipv6"}
   */
  public String family() {
    return family;
  }

  /**
   * Returns the IPv6 flow label, 0 for IPv4. Node: {@code socketAddress.flowlabel}.
   *
   * @return the flow label
   */
  public int flowlabel() {
    return flowlabel;
  }

  /** The raw address, 4 or 16 bytes; the caller must not change it. */
  byte[] bytes() {
    return bytes;
  }

  boolean isV6() {
    return bytes.length == 16;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SocketAddress s && Arrays.equals(bytes, s.bytes) && port == s.port
        && flowlabel == s.flowlabel;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(bytes), port, flowlabel);
  }

  /** Returns Node's {@code util.inspect} form, which Node also puts in error messages. */
  @Override
  public String toString() {
    return "SocketAddress { address: '" + address + "', port: " + port + ", family: '" + family
        + "', flowlabel: " + flowlabel + " }";
  }

  // ---- Node's error messages, shared with BlockList ----------------------------------------

  static NodeError invalidArgValue(String name, String inspected) {
    return NodeErrors.invalidArgValue(name, inspected);
  }

  static NodeError nullArgument(String name, String type) {
    return NodeError.typeError("ERR_INVALID_ARG_TYPE",
        "The \"" + name + "\" argument must be of type " + type + ". Received null");
  }

  static NodeError outOfRange(String name, String range, long received) {
    return NodeErrors.outOfRange(name, range, NodeErrors.received(received));
  }

  static String inspect(String s) {
    return NodeInspect.string(s);
  }
}
