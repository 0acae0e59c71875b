package dev.nodus.net;

/**
 * Options for {@link Server#listen(ListenOptions, Runnable)}. Node: the {@code options} of
 * {@code server.listen(options[, callback])}.
 */
public final class ListenOptions {
  int port;
  String host;
  String path;
  int backlog = 511;
  boolean ipv6Only;
  boolean exclusive;

  /** Creates options: port 0, no host (dual-stack {@code ::}), backlog 511 as Node. */
  public ListenOptions() {}

  /**
   * Sets the port; 0 picks a free one. Node: {@code port}.
   *
   * @param port the port
   * @return these options
   */
  public ListenOptions port(int port) {
    this.port = port;
    return this;
  }

  /**
   * Sets the address to listen on. Node: {@code host}; without it, {@code ::} or {@code 0.0.0.0}.
   *
   * @param host an address or name
   * @return these options
   */
  public ListenOptions host(String host) {
    this.host = host;
    return this;
  }

  /**
   * Listens on a Unix-domain socket at {@code path} instead of TCP. Node: {@code path}.
   *
   * @param path the socket file
   * @return these options
   */
  public ListenOptions path(String path) {
    this.path = path;
    return this;
  }

  /**
   * Sets the accept queue length. Node: {@code backlog}, default 511.
   *
   * @param backlog the length
   * @return these options
   */
  public ListenOptions backlog(int backlog) {
    this.backlog = backlog;
    return this;
  }

  /**
   * With host {@code ::}, accepts IPv6 only. Node: {@code ipv6Only}.
   *
   * @param on whether to disable dual-stack
   * @return these options
   */
  public ListenOptions ipv6Only(boolean on) {
    this.ipv6Only = on;
    return this;
  }

  /**
   * In Node's cluster, refuses to share the port with other workers. Node: {@code exclusive}.
   * With several loops, an exclusive server listens on its own loop only.
   *
   * @param on whether to listen exclusively
   * @return these options
   */
  public ListenOptions exclusive(boolean on) {
    this.exclusive = on;
    return this;
  }
}
