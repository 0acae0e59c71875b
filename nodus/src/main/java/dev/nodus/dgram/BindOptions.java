package dev.nodus.dgram;

/**
 * Options of {@link DatagramSocket#bind(BindOptions)}. Node: the {@code options} object of
 * {@code socket.bind(options[, callback])}. Defaults are Node's: port 0 (a random free port),
 * every interface ({@code 0.0.0.0} for udp4, {@code ::} for udp6), not exclusive.
 *
 * <pre>{@code
 * socket.bind(new BindOptions().port(41234).address("127.0.0.1"));
 * }</pre>
 */
public final class BindOptions {
  private int port;
  private String address;
  private boolean exclusive;

  /** Creates options with Node's defaults. */
  public BindOptions() {}

  /**
   * Sets the port; 0 picks a free one. Node: {@code options.port}.
   *
   * @param port the port, 0 for a free one; only its low 16 bits count, as in Node
   * @return these options
   */
  public BindOptions port(int port) {
    this.port = port;
    return this;
  }

  /**
   * Returns the port.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Sets the address or host name to bind to; null or empty means every interface. Node:
   * {@code options.address}.
   *
   * @param address the address, or null
   * @return these options
   */
  public BindOptions address(String address) {
    this.address = address;
    return this;
  }

  /**
   * Returns the address, or null for every interface.
   *
   * @return the address
   */
  public String address() {
    return address;
  }

  /**
   * Sets whether the socket keeps its port to itself when the program runs on several loops
   * (Node's cluster). By default, sockets of the same program on several loops share a port
   * (Nodus sets {@code SO_REUSEPORT}, and the kernel spreads datagrams over the loops); an
   * exclusive socket does not. Node: {@code options.exclusive}.
   *
   * @param exclusive whether the port is not shared
   * @return these options
   */
  public BindOptions exclusive(boolean exclusive) {
    this.exclusive = exclusive;
    return this;
  }

  /**
   * Returns whether the port is not shared between loops.
   *
   * @return the flag
   */
  public boolean exclusive() {
    return exclusive;
  }
}
