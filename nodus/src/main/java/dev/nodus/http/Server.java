package dev.nodus.http;

import dev.nodus.NodeError;
import dev.nodus.Timeout;
import dev.nodus.Timers;
import dev.nodus.buffer.Buffer;
import dev.nodus.events.Event1;
import dev.nodus.events.Event2;
import dev.nodus.events.Event3;
import dev.nodus.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * An HTTP server: Node's {@code http.Server}, a {@link dev.nodus.net.Server} (listen, close,
 * address, ref/unref, maxConnections work as for net) that parses requests on its connections.
 * Made by {@link Http#createServer}.
 *
 * <p>Events (besides net's {@code 'listening'}, {@code 'connection'}, {@code 'close'}, {@code
 * 'error'}): {@link #REQUEST}, {@link #CHECK_CONTINUE}, {@link #CHECK_EXPECTATION}, {@link
 * #UPGRADE}, {@link #CONNECT}, {@link #CLIENT_ERROR}, {@link #TIMEOUT}, {@link #DROP_REQUEST}.
 * With no listener each does what Node does: automatic {@code 100 Continue}, 417 for another
 * expectation, an ordinary request for an Upgrade, the connection closed for CONNECT, and for a
 * malformed request {@code HTTP/1.1 400 Bad Request} (431 for an oversized head, 413 for
 * oversized chunk extensions, 408 on a timeout) and the connection closed.
 *
 * <p>Threading: events fire on the server's loop; {@code listen}, {@code close} and the setters
 * may be called from any thread.
 */
public class Server extends dev.nodus.net.Server {
  /** Node's {@code 'request'}: a request head arrived; payload the request and its response. */
  public static final Event2<IncomingMessage, ServerResponse> REQUEST = Event2.of("request");

  /** Node's {@code 'checkContinue'}: a request with {@code Expect: 100-continue}. */
  public static final Event2<IncomingMessage, ServerResponse> CHECK_CONTINUE =
      Event2.of("checkContinue");

  /** Node's {@code 'checkExpectation'}: a request with another {@code Expect}. */
  public static final Event2<IncomingMessage, ServerResponse> CHECK_EXPECTATION =
      Event2.of("checkExpectation");

  /** Node's {@code 'upgrade'}: (request, socket, head: the bytes read past the request head). */
  public static final Event3<IncomingMessage, Socket, Buffer> UPGRADE = Event3.of("upgrade");

  /** Node's {@code 'connect'}: a CONNECT request (request, socket, head). */
  public static final Event3<IncomingMessage, Socket, Buffer> CONNECT = Event3.of("connect");

  /** Node's {@code 'clientError'}: a connection sent something malformed or timed out. */
  public static final Event2<Throwable, Socket> CLIENT_ERROR = Event2.of("clientError");

  /** Node's {@code 'timeout'}: a connection was idle for {@link #timeout()} ms. */
  public static final Event1<Socket> TIMEOUT = Event1.of("timeout");

  /** Node's {@code 'dropRequest'}: a request over {@code maxRequestsPerSocket} got 503. */
  public static final Event2<IncomingMessage, Socket> DROP_REQUEST = Event2.of("dropRequest");

  final ServerOptions options;
  volatile int timeout;
  volatile int maxHeadersCount = -1;
  volatile int maxRequestsPerSocket;
  volatile int headersTimeout;
  volatile int requestTimeout;
  volatile int keepAliveTimeout;
  /** Node's ConnectionsList: every connection with a parser. */
  final LinkedHashSet<HttpConnection> connections = new LinkedHashSet<>();
  private Timeout checker;
  private final dev.nodus.internal.loop.Loop loop;

  Server(ServerOptions options, BiConsumer<IncomingMessage, ServerResponse> requestListener) {
    super(netOptions(options));
    this.loop = dev.nodus.internal.loop.Loop.require();
    this.options = options;
    this.requestTimeout = options.requestTimeout;
    this.headersTimeout = options.headersTimeout != null ? options.headersTimeout
        : Math.min(60_000, options.requestTimeout);
    if (requestTimeout > 0 && headersTimeout > 0 && headersTimeout > requestTimeout) {
      throw NodeError.rangeError("ERR_OUT_OF_RANGE",
          "The value of \"headersTimeout\" is out of range. It must be <= requestTimeout. Received "
              + headersTimeout);
    }
    this.keepAliveTimeout = options.keepAliveTimeout;
    if (requestListener != null) {
      on(REQUEST, requestListener);
    }
    on(CONNECTION, socket -> new HttpConnection(this, socket));
    on(LISTENING, this::setupConnectionsTracking);
  }

  private static dev.nodus.net.ServerOptions netOptions(ServerOptions o) {
    dev.nodus.net.ServerOptions n = new dev.nodus.net.ServerOptions()
        .allowHalfOpen(true).noDelay(o.noDelay).keepAlive(o.keepAlive)
        .keepAliveInitialDelay(o.keepAliveInitialDelay);
    if (o.highWaterMark >= 0) {
      n.highWaterMark(o.highWaterMark);
    }
    return n;
  }

  private void setupConnectionsTracking() {
    if (checker != null) {
      checker.close();
    }
    checker = Timers.setInterval(this::checkConnections, options.connectionsCheckingInterval).unref();
  }

  private void checkConnections() {
    int ht = headersTimeout;
    int rt = requestTimeout;
    if (ht == 0 && rt == 0) {
      return;
    }
    long now = System.nanoTime();
    List<HttpConnection> expired = new ArrayList<>();
    for (HttpConnection c : connections) {
      if (c.expired(now, ht, rt)) {
        expired.add(c);
      }
    }
    for (HttpConnection c : expired) {
      c.onRequestTimeout();
    }
  }

  /**
   * Stops accepting connections, closes idle keep-alive connections (Node 19+), and emits
   * {@code 'close'} once every connection has ended. Node: {@code server.close(callback)}.
   *
   * @param callback called on {@code 'close'}, or null
   * @return this server
   */
  @Override
  public Server close(Consumer<Throwable> callback) {
    if (!loop.inLoop()) {
      loop.execute(() -> close(callback));
      return this;
    }
    closeIdleConnections();
    if (checker != null) {
      checker.close();
      checker = null;
    }
    super.close(callback);
    return this;
  }

  /**
   * Node: {@code server.close()}.
   *
   * @return this server
   */
  @Override
  public Server close() {
    return close(null);
  }

  /**
   * Destroys every connection. Node: {@code server.closeAllConnections()}.
   */
  public void closeAllConnections() {
    if (!loop.inLoop()) {
      loop.execute(this::closeAllConnections);
      return;
    }
    for (HttpConnection c : new ArrayList<>(connections)) {
      c.socket.destroy();
    }
  }

  /**
   * Destroys the connections that are not sending a request or awaiting a response. Node:
   * {@code server.closeIdleConnections()}.
   */
  public void closeIdleConnections() {
    if (!loop.inLoop()) {
      loop.execute(this::closeIdleConnections);
      return;
    }
    for (HttpConnection c : new ArrayList<>(connections)) {
      if (!c.idle()) {
        continue;
      }
      if (c.httpMessage != null && !c.httpMessage.finished()) {
        continue;
      }
      c.socket.destroy();
    }
  }

  /**
   * Sets the idle timeout of new connections and adds a {@link #TIMEOUT} listener. Node:
   * {@code server.setTimeout(msecs, callback)}.
   *
   * @param ms milliseconds, 0 for none
   * @param callback a listener, or null
   * @return this server
   */
  public Server setTimeout(int ms, Consumer<Socket> callback) {
    this.timeout = ms;
    if (callback != null) {
      on(TIMEOUT, callback);
    }
    return this;
  }

  /**
   * Node's {@code server.timeout} (0 by default).
   *
   * @return milliseconds
   */
  public int timeout() {
    return timeout;
  }

  /**
   * Node's {@code server.timeout = ms}: the idle timeout of new connections.
   *
   * @param ms milliseconds, 0 for none
   * @return this server
   */
  public Server timeout(int ms) {
    this.timeout = ms;
    return this;
  }

  /**
   * Node's {@code server.headersTimeout}.
   *
   * @return milliseconds
   */
  public int headersTimeout() {
    return headersTimeout;
  }

  /**
   * Node's {@code server.headersTimeout = ms}.
   *
   * @param ms milliseconds, 0 for none
   * @return this server
   */
  public Server headersTimeout(int ms) {
    this.headersTimeout = ms;
    return this;
  }

  /**
   * Node's {@code server.requestTimeout}.
   *
   * @return milliseconds
   */
  public int requestTimeout() {
    return requestTimeout;
  }

  /**
   * Node's {@code server.requestTimeout = ms}.
   *
   * @param ms milliseconds, 0 for none
   * @return this server
   */
  public Server requestTimeout(int ms) {
    this.requestTimeout = ms;
    return this;
  }

  /**
   * Node's {@code server.keepAliveTimeout}.
   *
   * @return milliseconds
   */
  public int keepAliveTimeout() {
    return keepAliveTimeout;
  }

  /**
   * Node's {@code server.keepAliveTimeout = ms}.
   *
   * @param ms milliseconds, 0 for none
   * @return this server
   */
  public Server keepAliveTimeout(int ms) {
    this.keepAliveTimeout = ms;
    return this;
  }

  /**
   * Node's {@code server.maxHeadersCount} (-1: the default, 1000).
   *
   * @return the limit
   */
  public int maxHeadersCount() {
    return maxHeadersCount;
  }

  /**
   * Node's {@code server.maxHeadersCount = n}: headers beyond it are left out of {@code
   * req.headers} (not of {@code rawHeaders}).
   *
   * @param n the limit, 0 for none
   * @return this server
   */
  public Server maxHeadersCount(int n) {
    this.maxHeadersCount = n;
    return this;
  }

  /**
   * Node's {@code server.maxRequestsPerSocket} (0: no limit).
   *
   * @return the limit
   */
  public int maxRequestsPerSocket() {
    return maxRequestsPerSocket;
  }

  /**
   * Node's {@code server.maxRequestsPerSocket = n}: requests over it get 503.
   *
   * @param n the limit, 0 for none
   * @return this server
   */
  public Server maxRequestsPerSocket(int n) {
    this.maxRequestsPerSocket = n;
    return this;
  }
}
