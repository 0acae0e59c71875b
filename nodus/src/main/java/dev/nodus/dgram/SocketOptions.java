package dev.nodus.dgram;

/**
 * Options of {@link Dgram#createSocket(SocketOptions)}. Node: the {@code options} object of
 * {@code dgram.createSocket(options[, callback])}. Defaults are Node's: no address reuse,
 * dual-stack udp6 sockets, the kernel's buffer sizes, and {@code dns.lookup} for host names.
 *
 * <pre>{@code
 * DatagramSocket s = Dgram.createSocket(new SocketOptions("udp4").reuseAddr(true));
 * }</pre>
 */
public final class SocketOptions {
  /**
   * A host-name resolver, called instead of the default one for every address the socket binds,
   * connects or sends to (IP literals included, as in Node). Node: {@code options.lookup}, a
   * function like {@code dns.lookup}.
   */
  @FunctionalInterface
  public interface Lookup {
    /**
     * Resolves {@code hostname}; must call {@code callback} exactly once, at any later time.
     *
     * @param hostname the name or address to resolve
     * @param family 4 for udp4 sockets, 6 for udp6
     * @param callback receives the error, or the address and its family
     */
    void lookup(String hostname, int family, LookupCallback callback);
  }

  /** The callback of a {@link Lookup}. Node: {@code (err, address, family) => …}. */
  @FunctionalInterface
  public interface LookupCallback {
    /**
     * Delivers the lookup's result.
     *
     * @param err the error, or null on success
     * @param address the address as text, such as {@code "127.0.0.1"}
     * @param family 4 or 6
     */
    void done(Throwable err, String address, int family);
  }

  private final String type;
  private boolean reuseAddr;
  private boolean ipv6Only;
  private long recvBufferSize;
  private long sendBufferSize;
  private Lookup lookup;

  /**
   * Creates options for a socket of the given type.
   *
   * @param type {@code "udp4"} or {@code "udp6"} (checked by {@link Dgram#createSocket(SocketOptions)})
   */
  public SocketOptions(String type) {
    this.type = type;
  }

  /**
   * Returns the socket type. Node: {@code options.type}.
   *
   * @return {@code "udp4"} or {@code "udp6"}
   */
  public String type() {
    return type;
  }

  /**
   * Sets whether {@code bind} reuses the address even if another socket has bound it ({@code
   * SO_REUSEADDR}). Node: {@code options.reuseAddr}.
   *
   * @param reuseAddr true to reuse
   * @return these options
   */
  public SocketOptions reuseAddr(boolean reuseAddr) {
    this.reuseAddr = reuseAddr;
    return this;
  }

  /**
   * Returns whether the address is reused.
   *
   * @return the flag
   */
  public boolean reuseAddr() {
    return reuseAddr;
  }

  /**
   * Sets whether a udp6 socket bound to {@code ::} accepts IPv6 only, not IPv4 too ({@code
   * IPV6_V6ONLY}). Node: {@code options.ipv6Only}.
   *
   * @param ipv6Only true for IPv6 only
   * @return these options
   */
  public SocketOptions ipv6Only(boolean ipv6Only) {
    this.ipv6Only = ipv6Only;
    return this;
  }

  /**
   * Returns whether the socket is IPv6 only.
   *
   * @return the flag
   */
  public boolean ipv6Only() {
    return ipv6Only;
  }

  /**
   * Sets the receive buffer size ({@code SO_RCVBUF}) applied when the socket is bound; 0 keeps
   * the kernel's. Node: {@code options.recvBufferSize}.
   *
   * @param size the size in bytes, 0 to 4294967295
   * @return these options
   */
  public SocketOptions recvBufferSize(long size) {
    this.recvBufferSize = size;
    return this;
  }

  /**
   * Returns the receive buffer size to apply, 0 for the kernel's.
   *
   * @return the size
   */
  public long recvBufferSize() {
    return recvBufferSize;
  }

  /**
   * Sets the send buffer size ({@code SO_SNDBUF}) applied when the socket is bound; 0 keeps
   * the kernel's. Node: {@code options.sendBufferSize}.
   *
   * @param size the size in bytes, 0 to 4294967295
   * @return these options
   */
  public SocketOptions sendBufferSize(long size) {
    this.sendBufferSize = size;
    return this;
  }

  /**
   * Returns the send buffer size to apply, 0 for the kernel's.
   *
   * @return the size
   */
  public long sendBufferSize() {
    return sendBufferSize;
  }

  /**
   * Sets a custom resolver; null restores the default. Node: {@code options.lookup}.
   *
   * @param lookup the resolver, or null
   * @return these options
   */
  public SocketOptions lookup(Lookup lookup) {
    this.lookup = lookup;
    return this;
  }

  /**
   * Returns the custom resolver, or null for the default ({@code dns.lookup}).
   *
   * @return the resolver
   */
  public Lookup lookup() {
    return lookup;
  }
}
