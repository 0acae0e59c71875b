package dev.nodus.http;

import dev.nodus.NodeError;
import dev.nodus.Timers;
import dev.nodus.buffer.Buffer;
import dev.nodus.internal.http.HttpParseError;
import dev.nodus.internal.http.HttpParser;
import dev.nodus.internal.http.HttpParserCallbacks;
import dev.nodus.net.Socket;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One connection of an HTTP server: Node's {@code connectionListenerInternal} and its {@code
 * state} ({@code _http_server.js}), with the parser's callbacks ({@code _http_common.js}). Bytes
 * reach the parser through the socket's {@code 'data'} listener.
 */
final class HttpConnection implements HttpParserCallbacks {
  private static final Buffer BAD_REQUEST =
      Buffer.from("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n", "latin1");
  private static final Buffer REQUEST_TIMEOUT =
      Buffer.from("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n", "latin1");
  private static final Buffer HEADERS_TOO_LARGE =
      Buffer.from("HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n", "latin1");
  private static final Buffer CHUNK_EXT_TOO_LARGE =
      Buffer.from("HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n", "latin1");
  private static final Consumer<Throwable> NOOP = e -> { };
  private static final int MAX_HEADER_PAIRS = 2000;
  private static final int HTTP_SERVER_KEEP_ALIVE_TIMEOUT_BUFFER = 1000;

  final Server server;
  final Socket socket;
  private HttpParser parser;
  private final ArrayDeque<ServerResponse> outgoing = new ArrayDeque<>(0);
  private final ArrayDeque<IncomingMessage> incoming = new ArrayDeque<>(1);
  private int outgoingData;
  private int requestsCount;
  private boolean keepAliveTimeoutSet;
  /** Node's socket._paused: paused because responses are not being consumed. */
  private boolean paused;
  /** Node's socket._httpMessage. */
  ServerResponse httpMessage;
  /** Node's parser.incoming. */
  private IncomingMessage parserIncoming;
  boolean socketHadError;
  /** last_message_start_: when the current message began (nanoTime), 0 between messages. */
  private long messageStart;
  private List<String> pendingTrailers;
  private final int maxHeaderPairs;
  /** The input of the running execute, to slice body pieces without copying. */
  private Buffer current;
  private byte[] currentArray;
  private int currentOffset;

  private final Consumer<Buffer> onData = this::socketOnData;
  private final Runnable onEnd = this::socketOnEnd;
  private final Consumer<Boolean> onClose = hadError -> socketOnClose();
  private final Runnable onDrain = this::socketOnDrain;
  private final Consumer<Throwable> onError = this::socketOnError;
  private final Runnable onTimeout = this::socketOnTimeout;
  private final Consumer<Boolean> onResponseClose = this::onServerResponseClose;

  HttpConnection(Server server, Socket socket) {
    this.server = server;
    this.socket = socket;
    if (server.timeout > 0) {
      socket.setTimeout(server.timeout);
    }
    socket.on(Socket.TIMEOUT, onTimeout);
    ServerOptions o = server.options;
    parser = new HttpParser(HttpParser.Type.REQUEST, o.maxHeaderSize,
        o.insecureHTTPParser ? HttpParser.LENIENT_ALL : 0, this);
    int mhc = server.maxHeadersCount;
    maxHeaderPairs = mhc >= 0 ? mhc << 1 : MAX_HEADER_PAIRS;
    server.connections.add(this);
    socket.on(Socket.DATA, onData);
    socket.on(Socket.ERROR, onError);
    socket.on(Socket.END, onEnd);
    socket.on(Socket.CLOSE, onClose);
    socket.on(Socket.DRAIN, onDrain);
  }

  // ---- socket events -------------------------------------------------------------------------

  private void socketOnData(Buffer d) {
    if (parser == null) {
      return;
    }
    current = d;
    currentArray = d.buffer();
    currentOffset = d.byteOffset();
    int ret;
    try {
      ret = parser.execute(currentArray, currentOffset, d.length());
    } finally {
      current = null;
      currentArray = null;
    }
    onParserExecuteCommon(ret, d);
  }

  private void onParserExecuteCommon(int ret, Buffer d) {
    resetSocketTimeout();
    if (ret < 0) {
      socketOnError(parseError(parser.error()));
    } else if (parserIncoming != null && parserIncoming.upgrade) {
      IncomingMessage req = parserIncoming;
      socket.off(Socket.DATA, onData);
      socket.off(Socket.END, onEnd);
      socket.off(Socket.CLOSE, onClose);
      socket.off(Socket.DRAIN, onDrain);
      socket.off(Socket.ERROR, onError);
      socket.off(Socket.TIMEOUT, onTimeout);
      parser.finish();
      freeParser();
      boolean connect = "CONNECT".equals(req.method);
      if (!connect || server.listenerCount(Server.CONNECT) > 0) {
        Buffer head = Buffer.from(d.subarray(ret, d.length()));
        socket.readableFlowing(null);
        server.emit(connect ? Server.CONNECT : Server.UPGRADE, req, socket, head);
      } else {
        socket.destroy();
      }
    } else if (parserIncoming != null && "PRI".equals(parserIncoming.method)) {
      socket.destroy();
    }
  }

  private static NodeError parseError(HttpParseError e) {
    return new NodeError(e.code(), "Parse Error: " + e.reason());
  }

  private void socketOnError(Throwable e) {
    socket.off(Socket.ERROR, onError);
    socketHadError = true;
    if (socket.listenerCount(Socket.ERROR, NOOP) == 0) {
      socket.on(Socket.ERROR, NOOP);
    }
    if (!server.emit(Server.CLIENT_ERROR, e, socket)) {
      if (socket.writable() && (httpMessage == null || !httpMessage.headerWritten())) {
        String code = e instanceof NodeError n ? n.code() : "";
        Buffer response = switch (code) {
          case "HPE_HEADER_OVERFLOW" -> HEADERS_TOO_LARGE;
          case "HPE_CHUNK_EXTENSIONS_OVERFLOW" -> CHUNK_EXT_TOO_LARGE;
          case "ERR_HTTP_REQUEST_TIMEOUT" -> REQUEST_TIMEOUT;
          default -> BAD_REQUEST;
        };
        socket.write(response);
      }
      socket.destroy(e);
    }
  }

  private void socketOnEnd() {
    HttpParseError ret = parser != null ? parser.finish() : null;
    if (ret != null) {
      socketOnError(parseError(ret));
    } else {
      // httpAllowHalfOpen is false in Node's server
      socket.end();
    }
  }

  private void socketOnClose() {
    freeParser();
    while (!incoming.isEmpty()) {
      IncomingMessage req = incoming.poll();
      req.destroy(new NodeError("ECONNRESET", "aborted"));
    }
  }

  /** onServerResponseClose: on the socket from assignSocket to detachSocket. */
  private void onServerResponseClose(Boolean hadError) {
    ServerResponse m = httpMessage;
    if (m != null) {
      m.emitClose();
    }
  }

  private void socketOnDrain() {
    boolean needPause = outgoingData > socket.writableHighWaterMark();
    if (paused && !needPause) {
      paused = false;
      socket.resume();
    }
    ServerResponse m = httpMessage;
    if (m != null) {
      m.socketDrained();
    }
  }

  void updateOutgoingData(int delta) {
    outgoingData += delta;
    socketOnDrain();
  }

  private void socketOnTimeout() {
    IncomingMessage req = parser != null ? parserIncoming : null;
    boolean reqTimeout = req != null && !req.complete && req.emit(IncomingMessage.TIMEOUT, socket);
    ServerResponse res = httpMessage;
    boolean resTimeout = res != null && res.emit(ServerResponse.TIMEOUT, socket);
    boolean serverTimeout = server.emit(Server.TIMEOUT, socket);
    if (!reqTimeout && !resTimeout && !serverTimeout) {
      socket.destroy();
    }
  }

  private void resetSocketTimeout() {
    if (!keepAliveTimeoutSet) {
      return;
    }
    socket.setTimeout(server.timeout);
    keepAliveTimeoutSet = false;
  }

  private void freeParser() {
    if (parser != null) {
      parser = null;
      server.connections.remove(this);
    }
  }

  // ---- connections list ----------------------------------------------------------------------

  boolean idle() {
    return messageStart == 0;
  }

  boolean expired(long now, int headersTimeoutMs, int requestTimeoutMs) {
    if (messageStart == 0 || parser == null) {
      return false;
    }
    long age = now - messageStart;
    if ((!parser.headersCompleted() && headersTimeoutMs > 0 && age > headersTimeoutMs * 1_000_000L)
        || (requestTimeoutMs > 0 && age > requestTimeoutMs * 1_000_000L)) {
      messageStart = 0;
      return true;
    }
    return false;
  }

  void onRequestTimeout() {
    socketOnError(new NodeError("ERR_HTTP_REQUEST_TIMEOUT", "Request timeout"));
  }

  // ---- reading -------------------------------------------------------------------------------

  void readStart() {
    if (!paused && socket.readable()) {
      socket.resume();
    }
  }

  private void readStop() {
    socket.pause();
  }

  // ---- parser callbacks ------------------------------------------------------------------------

  @Override
  public void onMessageBegin() {
    messageStart = System.nanoTime();
    if (messageStart == 0) {
      messageStart = 1;
    }
    pendingTrailers = null;
  }

  @Override
  public int onHeadersComplete(int versionMajor, int versionMinor, List<String> rawHeaders,
      String method, String url, int statusCode, String statusMessage, boolean upgrade,
      boolean shouldKeepAlive) {
    IncomingMessage req = new IncomingMessage(this, socket, server.options.joinDuplicateHeaders);
    req.httpVersionMajor = versionMajor;
    req.httpVersionMinor = versionMinor;
    req.httpVersion = versionMajor + "." + versionMinor;
    req.url = url;
    req.upgrade = upgrade;
    List<String> raw = spilled(rawHeaders, false);
    req.rawHeaders = raw;
    req.headersCount = maxHeaderPairs > 0 ? Math.min(raw.size(), maxHeaderPairs) : raw.size();
    req.method = method;
    parserIncoming = req;
    return onIncoming(req, shouldKeepAlive);
  }

  @Override
  public void onBody(byte[] data, int offset, int length) {
    IncomingMessage stream = parserIncoming;
    if (stream == null || length == 0 || stream.dumped) {
      return;
    }
    Buffer piece = IncomingMessage.bodyPiece(current, currentArray, currentOffset, data, offset, length);
    if (!stream.push(piece)) {
      readStop();
    }
  }

  @Override
  public void onTrailers(List<String> rawTrailers) {
    pendingTrailers = spilled(rawTrailers, true);
  }

  /** Pairs per kOnHeaders call: the binding flushes when the 32nd field of a batch starts. */
  private static final int SPILL_ENTRIES = 31 * 2;

  /**
   * What Node's parser hands to JavaScript of a long head: node_http_parser spills headers to
   * {@code parserOnHeaders} in batches of 31 pairs (trailers always go that way), which keeps a
   * batch only while fewer than {@code maxHeaderPairs} entries were kept; so {@code rawHeaders}
   * of a head with more headers than the limit ends at a batch boundary (2046 entries by
   * default).
   */
  private List<String> spilled(List<String> raw, boolean always) {
    if (maxHeaderPairs <= 0 || raw.size() < maxHeaderPairs || (!always && raw.size() < 2 * 32)) {
      return raw;
    }
    int kept = 0;
    while (kept < raw.size() && kept < maxHeaderPairs) {
      kept = Math.min(kept + SPILL_ENTRIES, raw.size());
    }
    return kept == raw.size() ? raw : new java.util.ArrayList<>(raw.subList(0, kept));
  }

  @Override
  public void onMessageComplete() {
    messageStart = 0;
    IncomingMessage stream = parserIncoming;
    if (stream != null) {
      stream.complete = true;
      if (pendingTrailers != null) {
        stream.rawTrailers = pendingTrailers;
        pendingTrailers = null;
      }
      stream.push(null);
    }
    readStart();
  }

  /** _http_server parserOnIncoming. */
  private int onIncoming(IncomingMessage req, boolean keepAlive) {
    resetSocketTimeout();
    if (req.upgrade) {
      req.upgrade = "CONNECT".equals(req.method) || server.listenerCount(Server.UPGRADE) > 0;
      if (req.upgrade) {
        return 2;
      }
    }
    incoming.add(req);
    if (!paused) {
      if (socket.writableNeedDrain() || outgoingData >= socket.writableHighWaterMark()) {
        paused = true;
        socket.pause();
      }
    }
    ServerResponse res = new ServerResponse(req, this, socket.writableHighWaterMark());
    res.keepAliveTimeout = server.keepAliveTimeout;
    res.maxRequestsPerSocket = server.maxRequestsPerSocket;
    res.shouldKeepAlive = keepAlive;
    if (httpMessage != null) {
      outgoing.add(res);
    } else {
      assignSocket(res);
    }
    res.on(ServerResponse.FINISH, () -> resOnFinish(req, res));
    boolean handled = false;
    if (req.httpVersionMajor == 1 && req.httpVersionMinor == 1) {
      if (server.options.requireHostHeader && req.header("host") == null) {
        res.writeHead(400, java.util.List.of("Connection", "close"));
        res.end();
        return 0;
      }
      int max = server.maxRequestsPerSocket;
      if (max > 0) {
        requestsCount++;
        res.maxRequestsOnConnectionReached = max <= requestsCount;
      }
      Object expect = req.header("expect");
      if (max > 0 && max < requestsCount) {
        handled = true;
        server.emit(Server.DROP_REQUEST, req, socket);
        res.writeHead(503);
        res.end();
      } else if (expect != null) {
        handled = true;
        if (ServerResponse.containsToken(expect.toString(), "100-continue")) {
          res.expectContinue = true;
          if (server.listenerCount(Server.CHECK_CONTINUE) > 0) {
            server.emit(Server.CHECK_CONTINUE, req, res);
          } else {
            res.writeContinue();
            server.emit(Server.REQUEST, req, res);
          }
        } else if (server.listenerCount(Server.CHECK_EXPECTATION) > 0) {
          server.emit(Server.CHECK_EXPECTATION, req, res);
        } else {
          res.writeHead(417);
          res.end();
        }
      }
    }
    if (!handled) {
      server.emit(Server.REQUEST, req, res);
    }
    return 0;
  }

  private void assignSocket(ServerResponse res) {
    httpMessage = res;
    socket.on(Socket.CLOSE, onResponseClose);
    res.socket = socket;
    res.emit(ServerResponse.SOCKET, socket);
    res.flush();
  }

  /** _http_server resOnFinish. */
  private void resOnFinish(IncomingMessage req, ServerResponse res) {
    incoming.remove(req);
    if (!req.consuming && req.readableFlowing() != Boolean.TRUE) {
      req.dump();
    }
    // detachSocket
    socket.off(Socket.CLOSE, onResponseClose);
    httpMessage = null;
    res.socket = null;
    clearIncoming(req);
    Timers.nextTick(res::emitClose);
    if (res.last) {
      socket.destroySoon();
    } else if (outgoing.isEmpty()) {
      int kat = server.keepAliveTimeout;
      if (kat > 0) {
        socket.setTimeout(kat + HTTP_SERVER_KEEP_ALIVE_TIMEOUT_BUFFER);
        keepAliveTimeoutSet = true;
      }
    } else {
      ServerResponse m = outgoing.poll();
      if (m != null) {
        assignSocket(m);
      }
    }
  }

  private void clearIncoming(IncomingMessage req) {
    if (parser != null && parserIncoming == req) {
      if (req.readableEnded()) {
        parserIncoming = null;
      } else {
        req.once(IncomingMessage.END, () -> clearIncoming(req));
      }
    }
  }
}
