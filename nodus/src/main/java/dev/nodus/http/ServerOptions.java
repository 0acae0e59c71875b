package dev.nodus.http;

import dev.nodus.NodeError;

/**
 * The options of {@link Http#createServer(ServerOptions)}, with Node v20's defaults.
 */
public final class ServerOptions {
  int maxHeaderSize;
  boolean insecureHTTPParser;
  int requestTimeout = 300_000;
  Integer headersTimeout;
  int keepAliveTimeout = 5_000;
  int connectionsCheckingInterval = 30_000;
  boolean requireHostHeader = true;
  boolean joinDuplicateHeaders;
  boolean noDelay = true;
  boolean keepAlive;
  int keepAliveInitialDelay;
  int highWaterMark = -1;
  boolean rejectNonStandardBodyWrites;
  java.util.Set<String> uniqueHeaders;

  /** Options with Node's defaults. */
  public ServerOptions() {}

  /**
   * The request-head size limit; a larger head gets 431. Node: {@code maxHeaderSize}, default
   * 16384.
   *
   * @param bytes the limit, 0 for the default
   * @return these options
   */
  public ServerOptions maxHeaderSize(int bytes) {
    if (bytes < 0) {
      throw NodeError.rangeError("ERR_OUT_OF_RANGE",
          "The value of \"maxHeaderSize\" is out of range. It must be >= 0 && <= 9007199254740991. Received " + bytes);
    }
    this.maxHeaderSize = bytes;
    return this;
  }

  /**
   * Accepts malformed requests as Node's lenient parser does. Node: {@code insecureHTTPParser},
   * default false.
   *
   * @param on whether
   * @return these options
   */
  public ServerOptions insecureHTTPParser(boolean on) {
    this.insecureHTTPParser = on;
    return this;
  }

  /**
   * How long a whole request may take before 408. Node: {@code requestTimeout}, default 300000
   * ms; 0 disables.
   *
   * @param ms milliseconds
   * @return these options
   */
  public ServerOptions requestTimeout(int ms) {
    this.requestTimeout = ms;
    return this;
  }

  /**
   * How long a request head may take before 408. Node: {@code headersTimeout}, default the
   * smaller of 60000 ms and {@code requestTimeout}.
   *
   * @param ms milliseconds
   * @return these options
   */
  public ServerOptions headersTimeout(int ms) {
    this.headersTimeout = ms;
    return this;
  }

  /**
   * How long an idle keep-alive connection is kept. Node: {@code keepAliveTimeout}, default
   * 5000 ms.
   *
   * @param ms milliseconds, 0 for no limit
   * @return these options
   */
  public ServerOptions keepAliveTimeout(int ms) {
    this.keepAliveTimeout = ms;
    return this;
  }

  /**
   * How often request and head timeouts are checked. Node: {@code connectionsCheckingInterval},
   * default 30000 ms.
   *
   * @param ms milliseconds
   * @return these options
   */
  public ServerOptions connectionsCheckingInterval(int ms) {
    this.connectionsCheckingInterval = ms;
    return this;
  }

  /**
   * Whether an HTTP/1.1 request without Host gets 400. Node: {@code requireHostHeader}, default
   * true.
   *
   * @param on whether
   * @return these options
   */
  public ServerOptions requireHostHeader(boolean on) {
    this.requireHostHeader = on;
    return this;
  }

  /**
   * Joins every duplicate header with {@code ", "} instead of dropping single-valued ones. Node:
   * {@code joinDuplicateHeaders}, default false.
   *
   * @param on whether
   * @return these options
   */
  public ServerOptions joinDuplicateHeaders(boolean on) {
    this.joinDuplicateHeaders = on;
    return this;
  }

  /**
   * TCP_NODELAY on accepted sockets. Node: {@code noDelay}, default true.
   *
   * @param on whether
   * @return these options
   */
  public ServerOptions noDelay(boolean on) {
    this.noDelay = on;
    return this;
  }

  /**
   * TCP keep-alive on accepted sockets. Node: {@code keepAlive}, default false.
   *
   * @param on whether
   * @return these options
   */
  public ServerOptions keepAlive(boolean on) {
    this.keepAlive = on;
    return this;
  }

  /**
   * The TCP keep-alive delay. Node: {@code keepAliveInitialDelay}, default 0.
   *
   * @param ms milliseconds
   * @return these options
   */
  public ServerOptions keepAliveInitialDelay(int ms) {
    this.keepAliveInitialDelay = ms;
    return this;
  }

  /**
   * The sockets' high-water marks. Node: {@code highWaterMark}.
   *
   * @param bytes the mark
   * @return these options
   */
  public ServerOptions highWaterMark(int bytes) {
    this.highWaterMark = bytes;
    return this;
  }

  /**
   * Makes a body write to a response that has none (HEAD, 204, 304, 1xx) throw {@code
   * ERR_HTTP_BODY_NOT_ALLOWED} instead of being ignored. Node: {@code
   * rejectNonStandardBodyWrites}, default false.
   *
   * @param on whether
   * @return these options
   */
  public ServerOptions rejectNonStandardBodyWrites(boolean on) {
    this.rejectNonStandardBodyWrites = on;
    return this;
  }

  /**
   * Headers whose list values are sent as one line joined with {@code "; "} instead of one line
   * per value. Node: {@code uniqueHeaders}.
   *
   * @param names the header names, any case
   * @return these options
   */
  public ServerOptions uniqueHeaders(java.util.List<String> names) {
    java.util.Set<String> set = new java.util.HashSet<>();
    for (String n : names) {
      set.add(n.toLowerCase(java.util.Locale.ROOT));
    }
    this.uniqueHeaders = set;
    return this;
  }
}
