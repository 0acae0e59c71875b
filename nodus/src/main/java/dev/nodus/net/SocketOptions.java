package dev.nodus.net;

/**
 * Options for {@link Socket#Socket(SocketOptions)}. Node: the {@code options} of
 * {@code new net.Socket([options])}. Defaults are Node v20's. ({@code fd}, {@code readable},
 * {@code writable} and {@code signal} are not supported.)
 */
public final class SocketOptions {
  boolean allowHalfOpen;
  boolean noDelay;
  boolean keepAlive;
  int keepAliveInitialDelay;
  int highWaterMark = -1;

  /** Creates options with Node's defaults. */
  public SocketOptions() {}

  /**
   * When true, the socket stays writable after the peer's FIN until {@code end()} is called.
   * Node: {@code allowHalfOpen}, default false.
   *
   * @param on whether to allow half-open
   * @return these options
   */
  public SocketOptions allowHalfOpen(boolean on) {
    this.allowHalfOpen = on;
    return this;
  }

  /**
   * Disables Nagle's algorithm once connected. Node: {@code noDelay}, default false.
   *
   * @param on whether to set TCP_NODELAY
   * @return these options
   */
  public SocketOptions noDelay(boolean on) {
    this.noDelay = on;
    return this;
  }

  /**
   * Enables TCP keep-alive once connected. Node: {@code keepAlive}, default false.
   *
   * @param on whether to enable keep-alive
   * @return these options
   */
  public SocketOptions keepAlive(boolean on) {
    this.keepAlive = on;
    return this;
  }

  /**
   * Sets the idle time before the first keep-alive probe, in milliseconds (whole seconds are
   * used; 0 keeps the system's). Node: {@code keepAliveInitialDelay}, default 0.
   *
   * @param ms the delay
   * @return these options
   */
  public SocketOptions keepAliveInitialDelay(int ms) {
    this.keepAliveInitialDelay = ms;
    return this;
  }

  /**
   * Sets both high-water marks. Node: {@code highWaterMark} (a stream option).
   *
   * @param bytes the mark in bytes
   * @return these options
   */
  public SocketOptions highWaterMark(int bytes) {
    this.highWaterMark = bytes;
    return this;
  }
}
