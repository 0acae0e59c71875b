package dev.nodus.net;

/**
 * Options for {@link Net#connect(ConnectOptions, Runnable)} and
 * {@link Socket#connect(ConnectOptions, Runnable)}. Node: the {@code options} of
 * {@code net.connect(options[, connectListener])} and {@code socket.connect(options)}. As in
 * Node, {@code socket.connect} reads only where to connect (host, port, path, localAddress,
 * localPort, family); the socket settings here ({@code noDelay}, {@code keepAlive},
 * {@code keepAliveInitialDelay}, {@code allowHalfOpen}, {@code highWaterMark}, {@code timeout})
 * are read by {@code net.connect}, which makes the socket ({@link SocketOptions} for
 * {@code new Socket(options)}).
 */
public final class ConnectOptions {
  int port = -1;
  /** Node tells an absent port (ERR_MISSING_ARGS) from a bad one (ERR_SOCKET_BAD_PORT). */
  boolean portSet;
  String host = "localhost";
  String path;
  String localAddress;
  int localPort;
  int family;
  int timeout;
  boolean noDelay;
  boolean keepAlive;
  int keepAliveInitialDelay;
  boolean allowHalfOpen;
  int highWaterMark = -1;
  Boolean autoSelectFamily;
  Integer autoSelectFamilyAttemptTimeout;
  Lookup lookup;

  /**
   * A host name resolver in place of the system's. Node: the {@code lookup} option, a function
   * like {@code dns.lookup}.
   */
  @FunctionalInterface
  public interface Lookup {
    /**
     * Resolves {@code hostname}; must call {@code callback} exactly once, at any later time (from
     * any thread: the result is handed to the socket's loop).
     *
     * @param hostname the name to resolve
     * @param family 4 or 6 to ask for one family, 0 for both
     * @param all whether every address is wanted (with {@code autoSelectFamily}); when false the
     *     first one delivered is used
     * @param callback receives the error, or the addresses
     */
    void lookup(String hostname, int family, boolean all, LookupCallback callback);
  }

  /** The callback of a {@link Lookup}. Node: {@code (err, address, family)} or {@code (err, addresses)}. */
  @FunctionalInterface
  public interface LookupCallback {
    /**
     * Delivers the lookup's result.
     *
     * @param err the error, or null on success
     * @param addresses the addresses found, in order of preference
     */
    void done(Throwable err, java.util.List<LookupAddress> addresses);
  }

  /**
   * One address a {@link Lookup} found. Node: {@code { address, family }}.
   *
   * @param address the IP address as text, such as {@code "::1"}
   * @param family 4 or 6
   */
  public record LookupAddress(String address, int family) {}

  /** Creates options with Node's defaults (host {@code localhost}). */
  public ConnectOptions() {}

  /**
   * Sets the port to connect to. Node: {@code port}.
   *
   * @param port the port
   * @return these options
   */
  public ConnectOptions port(int port) {
    this.port = port;
    this.portSet = true;
    return this;
  }

  /**
   * Sets the host to connect to. Node: {@code host}, default {@code 'localhost'}.
   *
   * @param host an address or name
   * @return these options
   */
  public ConnectOptions host(String host) {
    this.host = host;
    return this;
  }

  /**
   * Connects to a Unix-domain socket instead of TCP. Node: {@code path}.
   *
   * @param path the socket file
   * @return these options
   */
  public ConnectOptions path(String path) {
    this.path = path;
    return this;
  }

  /**
   * Sets the local address to bind before connecting. Node: {@code localAddress}.
   *
   * @param address the address
   * @return these options
   */
  public ConnectOptions localAddress(String address) {
    this.localAddress = address;
    return this;
  }

  /**
   * Sets the local port to bind before connecting. Node: {@code localPort}.
   *
   * @param port the port
   * @return these options
   */
  public ConnectOptions localPort(int port) {
    this.localPort = port;
    return this;
  }

  /**
   * Restricts name resolution to one IP family: 4, 6, or 0 for both. Node: {@code family}.
   *
   * @param family 0, 4 or 6
   * @return these options
   */
  public ConnectOptions family(int family) {
    this.family = family;
    return this;
  }

  /**
   * Sets the idle timeout, as {@code socket.setTimeout(ms)}. Node: {@code timeout}.
   *
   * @param ms the timeout in milliseconds
   * @return these options
   */
  public ConnectOptions timeout(int ms) {
    this.timeout = ms;
    return this;
  }

  /**
   * Disables Nagle's algorithm. Node: {@code noDelay}, default false.
   *
   * @param on whether to set TCP_NODELAY
   * @return these options
   */
  public ConnectOptions noDelay(boolean on) {
    this.noDelay = on;
    return this;
  }

  /**
   * Enables TCP keep-alive. Node: {@code keepAlive}, default false.
   *
   * @param on whether to enable keep-alive
   * @return these options
   */
  public ConnectOptions keepAlive(boolean on) {
    this.keepAlive = on;
    return this;
  }

  /**
   * Sets the keep-alive initial delay in milliseconds. Node: {@code keepAliveInitialDelay}.
   *
   * @param ms the delay
   * @return these options
   */
  public ConnectOptions keepAliveInitialDelay(int ms) {
    this.keepAliveInitialDelay = ms;
    return this;
  }

  /**
   * When true, the socket stays writable after the peer's FIN. Node: {@code allowHalfOpen}.
   *
   * @param on whether to allow half-open
   * @return these options
   */
  public ConnectOptions allowHalfOpen(boolean on) {
    this.allowHalfOpen = on;
    return this;
  }

  /**
   * Sets both high-water marks. Node: {@code highWaterMark}.
   *
   * @param bytes the mark in bytes
   * @return these options
   */
  public ConnectOptions highWaterMark(int bytes) {
    this.highWaterMark = bytes;
    return this;
  }

  /**
   * Whether a host name's addresses are all tried, alternating families, each for
   * {@link #autoSelectFamilyAttemptTimeout(int)} before the next starts (happy eyeballs). Node:
   * {@code autoSelectFamily}, default true in v20 ({@code net.getDefaultAutoSelectFamily()}).
   * It applies when {@code family} is 0 and there is no {@code localAddress}.
   *
   * @param on whether to try every address
   * @return these options
   */
  public ConnectOptions autoSelectFamily(boolean on) {
    this.autoSelectFamily = on;
    return this;
  }

  /**
   * How long each attempt of {@link #autoSelectFamily(boolean)} may take before the next address
   * is tried, in milliseconds; values under 10 count as 10. Node:
   * {@code autoSelectFamilyAttemptTimeout}, default 250.
   *
   * @param ms the time per attempt, at least 1
   * @return these options
   */
  public ConnectOptions autoSelectFamilyAttemptTimeout(int ms) {
    this.autoSelectFamilyAttemptTimeout = ms;
    return this;
  }

  /**
   * Resolves host names with {@code lookup} instead of the system resolver. Node: {@code lookup}.
   *
   * @param lookup the resolver
   * @return these options
   */
  public ConnectOptions lookup(Lookup lookup) {
    this.lookup = lookup;
    return this;
  }
}
