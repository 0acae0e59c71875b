package dev.nodus.http;

import dev.nodus.NodeError;
import dev.nodus.Timers;
import dev.nodus.buffer.Buffer;
import dev.nodus.events.Event0;
import dev.nodus.events.Event1;
import dev.nodus.events.Event3;
import dev.nodus.events.EventEmitter;
import dev.nodus.internal.http.HttpParseError;
import dev.nodus.internal.http.HttpParser;
import dev.nodus.internal.http.HttpParserCallbacks;
import dev.nodus.net.Socket;
import dev.nodus.stream.Writable;
import dev.nodus.stream.WritableStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An HTTP request in progress: Node's {@code http.ClientRequest}, made by {@link Http#request}.
 * A writable stream of the request body: headers may change until the first {@link #write} or
 * {@link #end} (or {@link #flushHeaders}); the head and the body are then sent as Node sends
 * them (Host, then the caller's headers in order, {@code Connection}, and {@code Content-Length}
 * when the whole body was given to {@code end()}, {@code Transfer-Encoding: chunked} otherwise).
 *
 * <p>Events, in Node's order: {@link #SOCKET} when a connection is assigned, {@link #FINISH}
 * when the request was handed to the operating system, {@link #RESPONSE} with the response (an
 * {@link IncomingMessage}: {@code statusCode}, {@code headers}, then its body as {@code 'data'}
 * and {@code 'end'}), {@link #CLOSE} when the request is done with its socket; {@link #ERROR}
 * for a connection error ({@code ECONNREFUSED}, {@code ECONNRESET} "socket hang up" when the
 * server closed before responding) or a malformed response ({@code HPE_*}); {@link #TIMEOUT}
 * when the socket was idle for {@link #setTimeout}'s time; {@link #CONTINUE} and {@link
 * #INFORMATION} for 1xx responses.
 *
 * <p>Threading: create and use a request on one loop; its events fire there.
 */
public final class ClientRequest extends EventEmitter implements WritableStream {
  /** Node's {@code 'socket'}: a socket was assigned to this request. */
  public static final Event1<Socket> SOCKET = Event1.of("socket");
  /** Node's {@code 'response'}: the response's head arrived. */
  public static final Event1<IncomingMessage> RESPONSE = Event1.of("response");
  /** Node's {@code 'finish'}: the whole request was written to the socket. */
  public static final Event0 FINISH = Writable.FINISH;
  /** Node's {@code 'prefinish'}. */
  public static final Event0 PREFINISH = Writable.PREFINISH;
  /** Node's {@code 'close'}: the request is done (its socket closed or went back to the pool). */
  public static final Event0 CLOSE = Writable.CLOSE;
  /** Node's {@code 'drain'}: the socket's buffer emptied after a write returned false. */
  public static final Event0 DRAIN = Writable.DRAIN;
  /** Node's {@code 'abort'} (deprecated in Node): {@link #abort()} was called. */
  public static final Event0 ABORT = Event0.of("abort");
  /** Node's {@code 'timeout'}: the socket was idle for the request's timeout. */
  public static final Event0 TIMEOUT = Event0.of("timeout");
  /** Node's {@code 'continue'}: the server answered {@code 100 Continue}. */
  public static final Event0 CONTINUE = Event0.of("continue");
  /**
   * Node's {@code 'information'}: a 1xx response other than 101; the message carries its
   * {@code statusCode}, {@code statusMessage}, {@code httpVersion}, {@code headers} and {@code
   * rawHeaders} (Node passes a plain object with these fields).
   */
  public static final Event1<IncomingMessage> INFORMATION = Event1.of("information");

  /**
   * Node's {@code 'upgrade'} (response, socket, head): the server switched protocols (101). The
   * socket leaves the request and its Agent; {@code head} holds the bytes read past the response
   * head. Without a listener the socket is destroyed, as in Node.
   */
  public static final Event3<IncomingMessage, Socket, Buffer> UPGRADE = Event3.of("upgrade");
  /**
   * Node's {@code 'connect'} (response, socket, head): the server answered a {@code CONNECT}
   * request; as {@link #UPGRADE}.
   */
  public static final Event3<IncomingMessage, Socket, Buffer> CONNECT = Event3.of("connect");

  private static final Pattern INVALID_PATH = Pattern.compile("[^\\u0021-\\u00ff]");
  private static final Pattern CONN_CLOSE =
      Pattern.compile("(?:^|\\W)close(?:$|\\W)", Pattern.CASE_INSENSITIVE);
  private static final Pattern TE_CHUNKED =
      Pattern.compile("(?:^|\\W)chunked(?:$|\\W)", Pattern.CASE_INSENSITIVE);
  private static final byte[] CRLF = {'\r', '\n'};
  private static final int HIGH_WATER_MARK = 16384;

  final Agent agent;
  private final Agent.Target target;
  final String method;
  final String path;
  final String host;
  final String protocol;
  final Integer timeout;
  private final Integer maxHeaderSize;
  private final boolean insecureHTTPParser;
  private final boolean joinDuplicateHeaders;
  private final boolean useChunkedEncodingByDefault;
  boolean shouldKeepAlive;
  boolean reusedSocket;

  /** kOutHeaders: lower-cased name to {name, value}. */
  private final LinkedHashMap<String, Object[]> outHeaders = new LinkedHashMap<>();
  private String header;
  private boolean headerSent;
  private boolean chunkedEncoding;
  private Integer contentLength;
  private boolean finished;
  private boolean finishEmitted;
  private boolean destroyed;
  private boolean aborted;
  private boolean closed;
  private boolean needDrain;
  private boolean ended;
  private Throwable error;
  private final List<Object[]> outputData = new ArrayList<>();
  private int outputSize;

  Socket socket;
  private HttpParser parser;
  IncomingMessage res;
  private IncomingMessage parserIncoming;
  private boolean hadError;
  private boolean timeoutListening;
  private List<String> pendingTrailers;
  private Buffer current;
  private byte[] currentArray;
  private int currentOffset;

  private final Consumer<Buffer> onData = this::socketOnData;
  private final Runnable onEnd = this::socketOnEnd;
  private final Consumer<Boolean> onClose = b -> socketCloseListener();
  private final Consumer<Throwable> onError = this::socketErrorListener;
  private final Runnable onDrain = this::onDrain;
  private final Runnable onSocketTimeout = () -> emit(TIMEOUT);
  private final Runnable onResponseTimeout = this::responseOnTimeout;

  ClientRequest(RequestOptions o, Consumer<IncomingMessage> cb) {
    Agent a = o.agent;
    if (o.noAgent) {
      a = new Agent();
    } else if (a == null) {
      a = Http.globalAgent();
    }
    this.agent = a;
    String protocol = o.protocol != null ? o.protocol : "http:";
    if (o.path != null && !o.path.isEmpty() && INVALID_PATH.matcher(o.path).find()) {
      throw NodeError.typeError("ERR_UNESCAPED_CHARACTERS",
          "Request path contains unescaped characters");
    }
    if (!"http:".equals(protocol)) {
      throw NodeError.typeError("ERR_INVALID_PROTOCOL",
          "Protocol \"" + protocol + "\" not supported. Expected \"http:\"");
    }
    int port = o.port != null && o.port != 0 ? o.port : 80;
    String host = o.hostname != null && !o.hostname.isEmpty() ? o.hostname
        : o.host != null && !o.host.isEmpty() ? o.host : "localhost";
    String m = o.method;
    if (m != null && !m.isEmpty()) {
      if (!OutgoingHeaders.isToken(m)) {
        throw NodeError.typeError("ERR_INVALID_HTTP_TOKEN",
            "Method must be a valid HTTP token [\"" + m + "\"]");
      }
      m = m.toUpperCase(Locale.ROOT);
    } else {
      m = "GET";
    }
    this.method = m;
    this.timeout = o.timeout;
    this.maxHeaderSize = o.maxHeaderSize;
    this.insecureHTTPParser = Boolean.TRUE.equals(o.insecureHTTPParser);
    this.joinDuplicateHeaders = o.joinDuplicateHeaders;
    this.path = o.path != null && !o.path.isEmpty() ? o.path : "/";
    if (cb != null) {
      once(RESPONSE, cb);
    }
    useChunkedEncodingByDefault = !(m.equals("GET") || m.equals("HEAD") || m.equals("DELETE")
        || m.equals("OPTIONS") || m.equals("TRACE") || m.equals("CONNECT"));
    this.host = host;
    this.protocol = protocol;
    shouldKeepAlive = a.keepAlive() || !Double.isInfinite(a.maxSockets());
    if (o.rawHeaders == null) {
      if (o.headers != null) {
        o.headers.forEach(this::setHeader);
      }
      if (getHeader("host") == null && o.setHost) {
        String hostHeader = host;
        int colon = hostHeader.indexOf(':');
        if (colon != -1 && hostHeader.indexOf(':', colon + 1) != -1
            && hostHeader.charAt(0) != '[') {
          hostHeader = "[" + hostHeader + "]";
        }
        if (port != 80) {
          hostHeader += ":" + port;
        }
        setHeader("Host", hostHeader);
      }
      if (o.auth != null && !o.auth.isEmpty() && getHeader("Authorization") == null) {
        setHeader("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(o.auth.getBytes(StandardCharsets.UTF_8)));
      }
      if (getHeader("expect") != null) {
        storeHeader(null);
        send(new byte[0], null);
      }
    } else {
      if (o.rawHeaders.size() % 2 != 0) {
        throw NodeError.typeError("ERR_INVALID_ARG_VALUE",
            "The argument 'headers' is invalid. Received " + o.rawHeaders);
      }
      storeHeader(o.rawHeaders);
    }
    target = new Agent.Target(host, port, o.localAddress, o.family, o.socketPath, o.timeout);
    agent.addRequest(this, target);
  }

  // ---- Node's properties -------------------------------------------------------------------

  /**
   * Node's {@code request.method}, upper-cased.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * Node's {@code request.path}.
   *
   * @return the request target
   */
  public String path() {
    return path;
  }

  /**
   * Node's {@code request.host}.
   *
   * @return the host the request goes to
   */
  public String host() {
    return host;
  }

  /**
   * Node's {@code request.protocol}.
   *
   * @return {@code "http:"}
   */
  public String protocol() {
    return protocol;
  }

  /**
   * Node's {@code request.reusedSocket}: the request was sent on a pooled keep-alive socket (so
   * a reset may mean the server closed it while idle; retrying is safe for idempotent requests).
   *
   * @return whether
   */
  public boolean reusedSocket() {
    return reusedSocket;
  }

  /**
   * Node's {@code request.socket}.
   *
   * @return the socket, or null before {@link #SOCKET}
   */
  public Socket socket() {
    return socket;
  }

  /**
   * Node's {@code request.agent}.
   *
   * @return the Agent
   */
  public Agent agent() {
    return agent;
  }

  /**
   * Node's {@code request.res}.
   *
   * @return the response, or null before {@link #RESPONSE}
   */
  public IncomingMessage res() {
    return res;
  }

  /**
   * Node's {@code request.headersSent}.
   *
   * @return whether the head was stored (it can no longer change)
   */
  public boolean headersSent() {
    return header != null;
  }

  // ---- headers -------------------------------------------------------------------------------

  /**
   * Node's {@code request.setHeader(name, value)}.
   *
   * @param name the name (an HTTP token)
   * @param value a String, a number, or a list of them (one line each)
   * @return this request
   * @throws NodeError {@code ERR_HTTP_HEADERS_SENT}, {@code ERR_INVALID_HTTP_TOKEN}, {@code
   *     ERR_HTTP_INVALID_HEADER_VALUE}, {@code ERR_INVALID_CHAR}
   */
  public ClientRequest setHeader(String name, Object value) {
    if (header != null) {
      throw OutgoingHeaders.headersSent("set");
    }
    OutgoingHeaders.validateHeaderName(name);
    OutgoingHeaders.validateHeaderValue(name, value);
    outHeaders.put(name.toLowerCase(Locale.ROOT), new Object[] {name, value});
    return this;
  }

  /**
   * Node's {@code request.getHeader(name)}, case-insensitive.
   *
   * @param name the name
   * @return the value as set, or null
   */
  public Object getHeader(String name) {
    Object[] e = outHeaders.get(name.toLowerCase(Locale.ROOT));
    return e == null ? null : e[1];
  }

  /**
   * Node's {@code request.getHeaders()}: lower-cased names to values.
   *
   * @return a copy
   */
  public Map<String, Object> getHeaders() {
    Map<String, Object> m = new LinkedHashMap<>();
    outHeaders.forEach((k, v) -> m.put(k, v[1]));
    return m;
  }

  /**
   * Node's {@code request.getHeaderNames()}: lower-cased.
   *
   * @return the names
   */
  public List<String> getHeaderNames() {
    return new ArrayList<>(outHeaders.keySet());
  }

  /**
   * Node's {@code request.getRawHeaderNames()}: names as set.
   *
   * @return the names
   */
  public List<String> getRawHeaderNames() {
    List<String> l = new ArrayList<>();
    outHeaders.values().forEach(v -> l.add((String) v[0]));
    return l;
  }

  /**
   * Node's {@code request.hasHeader(name)}.
   *
   * @param name the name
   * @return whether set
   */
  public boolean hasHeader(String name) {
    return outHeaders.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Node's {@code request.removeHeader(name)}.
   *
   * @param name the name
   * @throws NodeError {@code ERR_HTTP_HEADERS_SENT} once the head was stored
   */
  public void removeHeader(String name) {
    if (header != null) {
      throw OutgoingHeaders.headersSent("remove");
    }
    outHeaders.remove(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Node's {@code request.flushHeaders()}: stores the head and sends it now, before any body.
   */
  public void flushHeaders() {
    if (header == null) {
      storeHeader(null);
    }
    send(new byte[0], null);
  }

  /** _http_outgoing _storeHeader; {@code raw} for a headers array, null for setHeader's. */
  private void storeHeader(List<String> raw) {
    StringBuilder h = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    boolean[] state = new boolean[3]; // connection, contLen, te
    if (raw == null) {
      for (Object[] e : outHeaders.values()) {
        processHeader(h, state, (String) e[0], e[1], false);
      }
    } else {
      for (int i = 0; i < raw.size(); i += 2) {
        processHeader(h, state, raw.get(i), raw.get(i + 1), true);
      }
    }
    if (!state[0]) {
      if (shouldKeepAlive) {
        h.append("Connection: keep-alive\r\n");
      } else {
        h.append("Connection: close\r\n");
      }
    }
    if (!state[1] && !state[2] && useChunkedEncodingByDefault) {
      if (contentLength != null) {
        h.append("Content-Length: ").append(contentLength).append("\r\n");
      } else {
        h.append("Transfer-Encoding: chunked\r\n");
        chunkedEncoding = true;
      }
    }
    header = h.append("\r\n").toString();
    headerSent = false;
  }

  private void processHeader(StringBuilder h, boolean[] state, String key, Object value,
      boolean validate) {
    if (validate) {
      OutgoingHeaders.validateHeaderName(key);
    }
    if (value instanceof List<?> l) {
      if (l.size() < 2 || !"cookie".equalsIgnoreCase(key)) {
        for (Object v : l) {
          storeHeaderLine(h, state, key, v, validate);
        }
        return;
      }
      StringBuilder j = new StringBuilder();
      for (Object v : l) {
        if (j.length() > 0) {
          j.append("; ");
        }
        j.append(OutgoingHeaders.jsString(v));
      }
      value = j.toString();
    }
    storeHeaderLine(h, state, key, value, validate);
  }

  private void storeHeaderLine(StringBuilder h, boolean[] state, String key, Object value,
      boolean validate) {
    if (validate) {
      OutgoingHeaders.validateHeaderValue(key, value);
    }
    String v = OutgoingHeaders.jsString(value);
    h.append(key).append(": ").append(v).append("\r\n");
    switch (key.toLowerCase(Locale.ROOT)) {
      case "connection" -> {
        state[0] = true;
        if (!CONN_CLOSE.matcher(v).find()) {
          shouldKeepAlive = true;
        }
      }
      case "content-length" -> state[1] = true;
      case "transfer-encoding" -> {
        state[2] = true;
        if (TE_CHUNKED.matcher(v).find()) {
          chunkedEncoding = true;
        }
      }
      default -> { }
    }
  }

  // ---- writing -------------------------------------------------------------------------------

  private static byte[] bytes(Object chunk) {
    if (chunk instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    if (chunk instanceof Buffer b) {
      byte[] out = new byte[b.length()];
      System.arraycopy(b.buffer(), b.byteOffset(), out, 0, out.length);
      return out;
    }
    if (chunk instanceof byte[] a) {
      return a;
    }
    throw NodeError.typeError("ERR_INVALID_ARG_TYPE",
        "The \"chunk\" argument must be of type string or an instance of Buffer or Uint8Array."
            + " Received " + chunk);
  }

  /** _send: prepends the head if it has not gone yet, then writes or queues. */
  private boolean send(byte[] data, Consumer<Throwable> cb) {
    byte[] out = data;
    if (!headerSent && header != null) {
      byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
      out = new byte[h.length + data.length];
      System.arraycopy(h, 0, out, 0, h.length);
      System.arraycopy(data, 0, out, h.length, data.length);
      headerSent = true;
    }
    Socket s = socket;
    if (s != null && attached && s.writable()) {
      Consumer<Throwable> wcb = cb;
      return s.write(Buffer.wrap(out), wcb == null ? e -> { } : wcb);
    }
    outputData.add(new Object[] {out, cb});
    outputSize += out.length;
    return outputSize < HIGH_WATER_MARK;
  }

  private boolean attached;

  private boolean write(Object chunk, Consumer<Throwable> cb, boolean fromEnd) {
    if (chunk == null) {
      throw NodeError.typeError("ERR_STREAM_NULL_VALUES", "May not write null values to stream");
    }
    NodeError err = finished ? new NodeError("ERR_STREAM_WRITE_AFTER_END", "write after end")
        : destroyed ? new NodeError("ERR_STREAM_DESTROYED",
            "Cannot call write after a stream was destroyed") : null;
    if (err != null) {
      // _http_outgoing write_/emitErrorNt: the callback, then 'error' unless destroyed
      boolean emitError = !destroyed;
      Timers.nextTick(() -> {
        if (cb != null) {
          cb.accept(err);
        }
        if (emitError && !destroyed) {
          emit(ERROR, err);
        }
      });
      return false;
    }
    byte[] data = bytes(chunk);
    if (header == null) {
      if (fromEnd) {
        contentLength = data.length;
      }
      storeHeader(null);
    }
    boolean ret;
    if (chunkedEncoding && data.length > 0) {
      byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
      ByteArrayOutputStream b = new ByteArrayOutputStream(size.length + data.length + 2);
      b.writeBytes(size);
      b.writeBytes(data);
      b.writeBytes(CRLF);
      ret = send(b.toByteArray(), cb);
    } else {
      ret = send(data, cb);
    }
    if (!ret) {
      needDrain = true;
    }
    return ret;
  }

  /**
   * Node's {@code request.write(chunk)}: sends a piece of the body (a String as UTF-8, a Buffer
   * or a byte[]); the head goes with the first piece.
   *
   * @param chunk the piece
   * @return false when the caller should wait for {@link #DRAIN}
   */
  @Override
  public boolean write(Object chunk) {
    return write(chunk, null, false);
  }

  /**
   * Node's {@code request.write(chunk, callback)}.
   *
   * @param chunk the piece
   * @param callback called once the piece was written (with an error or null)
   * @return false when the caller should wait for {@link #DRAIN}
   */
  @Override
  public boolean write(Object chunk, Consumer<Throwable> callback) {
    return write(chunk, callback, false);
  }

  /**
   * Node's {@code request.end()}: finishes the request.
   *
   * @return this request
   */
  @Override
  public ClientRequest end() {
    return end(null, null);
  }

  /**
   * Node's {@code request.end(callback)}.
   *
   * @param onFinish a {@link #FINISH} listener
   * @return this request
   */
  @Override
  public ClientRequest end(Runnable onFinish) {
    return end(null, onFinish);
  }

  /**
   * Node's {@code request.end(data)}: the last piece of the body; with no earlier write, the
   * request carries {@code Content-Length}.
   *
   * @param chunk the piece, or null
   * @return this request
   */
  @Override
  public ClientRequest end(Object chunk) {
    return end(chunk, null);
  }

  /**
   * Node's {@code request.end(data, callback)}.
   *
   * @param chunk the piece, or null
   * @param onFinish a {@link #FINISH} listener, or null
   * @return this request
   */
  public ClientRequest end(Object chunk, Runnable onFinish) {
    if (chunk != null) {
      if (finished) {
        write(chunk, null, true);
        return this;
      }
      write(chunk, null, true);
    } else if (finished) {
      return this;
    } else if (header == null) {
      contentLength = 0;
      storeHeader(null);
    }
    if (onFinish != null) {
      once(FINISH, onFinish);
    }
    Consumer<Throwable> fin = e -> onFinish();
    if (chunkedEncoding) {
      send("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), fin);
    } else if (!headerSent || chunk != null || outputSize > 0) {
      send(new byte[0], fin);
    } else {
      Timers.nextTick(this::onFinish);
    }
    finished = true;
    if (outputData.isEmpty() && socket != null && attached) {
      emit(PREFINISH);
    }
    return this;
  }

  private void onFinish() {
    if (socket != null && hadError) {
      return;
    }
    finishEmitted = true;
    emit(FINISH);
  }

  /** _flush: writes what was queued before the socket came. */
  private void flush() {
    Socket s = socket;
    if (s == null || !s.writable()) {
      return;
    }
    boolean ret = true;
    for (Object[] e : outputData) {
      @SuppressWarnings("unchecked")
      Consumer<Throwable> cb = (Consumer<Throwable>) e[1];
      ret = s.write(Buffer.wrap((byte[]) e[0]), cb == null ? x -> { } : cb);
    }
    outputData.clear();
    outputSize = 0;
    if (finished) {
      emit(PREFINISH);
    } else if (ret && needDrain) {
      needDrain = false;
      emit(DRAIN);
    }
  }

  private void onDrain() {
    if (!finished && needDrain) {
      needDrain = false;
      emit(DRAIN);
    }
  }

  /** Not supported by an HTTP request; does nothing (Node's OutgoingMessage corks its socket). */
  @Override
  public void cork() {
    if (socket != null) {
      socket.cork();
    }
  }

  /** Uncorks the socket, as Node's {@code request.uncork()}. */
  @Override
  public void uncork() {
    if (socket != null) {
      socket.uncork();
    }
  }

  /**
   * Node's {@code request.destroy()}: closes the connection; the request emits {@link #ERROR}
   * {@code ECONNRESET} "socket hang up" (unless a response arrived, whose stream is then
   * aborted) and {@link #CLOSE}.
   *
   * @return this request
   */
  @Override
  public ClientRequest destroy() {
    return destroy(null);
  }

  /**
   * Node's {@code request.destroy(error)}: as {@link #destroy()}, emitting {@code error}.
   *
   * @param err the error, or null
   * @return this request
   */
  @Override
  public ClientRequest destroy(Throwable err) {
    if (destroyed) {
      return this;
    }
    destroyed = true;
    if (res != null) {
      res.dump();
    }
    error = err;
    if (socket != null) {
      socket.destroy(err);
    }
    return this;
  }

  /**
   * Node's {@code request.abort()} (deprecated in Node, use {@link #destroy()}): marks the
   * request aborted, emits {@link #ABORT} on the next tick and destroys it; a request aborted
   * before it had a socket closes without an error.
   */
  public void abort() {
    if (aborted) {
      return;
    }
    aborted = true;
    Timers.nextTick(() -> emit(ABORT));
    destroy();
  }

  /**
   * Node's {@code request.aborted}.
   *
   * @return whether {@link #abort()} was called
   */
  public boolean aborted() {
    return aborted;
  }

  /**
   * Node's {@code request.destroyed}.
   *
   * @return whether destroyed (or done with its socket)
   */
  @Override
  public boolean destroyed() {
    return destroyed;
  }

  /**
   * Node's {@code request.writable}.
   *
   * @return whether {@link #end} was not called yet
   */
  @Override
  public boolean writable() {
    return !destroyed && !finished;
  }

  /**
   * Node's {@code request.writableLength}: bytes queued before a socket came, and the socket's.
   *
   * @return the bytes
   */
  @Override
  public int writableLength() {
    return outputSize + (socket != null ? socket.writableLength() : 0);
  }

  /**
   * Node's {@code request.writableHighWaterMark}.
   *
   * @return the high-water mark
   */
  @Override
  public int writableHighWaterMark() {
    return socket != null ? socket.writableHighWaterMark() : HIGH_WATER_MARK;
  }

  /**
   * Node's {@code request.writableNeedDrain}.
   *
   * @return whether a write returned false and {@link #DRAIN} has not come yet
   */
  @Override
  public boolean writableNeedDrain() {
    return needDrain;
  }

  /**
   * Node's {@code request.writableEnded}: {@link #end} was called.
   *
   * @return whether
   */
  @Override
  public boolean writableEnded() {
    return finished;
  }

  /**
   * Node's {@code request.writableFinished}: ended, and everything was handed to the system.
   *
   * @return whether
   */
  @Override
  public boolean writableFinished() {
    return finished && outputSize == 0 && (socket == null || socket.writableLength() == 0);
  }

  /**
   * Node's {@code request.writableObjectMode}: always false.
   *
   * @return false
   */
  @Override
  public boolean writableObjectMode() {
    return false;
  }

  /**
   * Node's {@code request.closed}: {@link #CLOSE} was emitted.
   *
   * @return whether
   */
  @Override
  public boolean closed() {
    return closed;
  }

  /**
   * Node's {@code request.errored}.
   *
   * @return the error given to {@link #destroy(Throwable)}, or null
   */
  @Override
  public Throwable errored() {
    return error;
  }

  // ---- socket options ------------------------------------------------------------------------

  /**
   * Node's {@code request.setTimeout(msecs[, callback])}: the socket's idle timeout while the
   * request has it; {@link #TIMEOUT} fires (the request is not destroyed).
   *
   * @param ms milliseconds, 0 to disable
   * @param callback a {@link #TIMEOUT} listener, or null
   * @return this request
   */
  public ClientRequest setTimeout(long ms, Runnable callback) {
    if (ended) {
      return this;
    }
    listenSocketTimeout();
    if (callback != null) {
      once(TIMEOUT, callback);
    }
    if (socket != null) {
      socket.setTimeout(ms);
    } else {
      once(SOCKET, s -> s.setTimeout(ms));
    }
    return this;
  }

  /**
   * Node's {@code request.setTimeout(msecs)}.
   *
   * @param ms milliseconds, 0 to disable
   * @return this request
   */
  public ClientRequest setTimeout(long ms) {
    return setTimeout(ms, null);
  }

  /**
   * Node's {@code request.setNoDelay(noDelay)}, applied once a socket is assigned.
   *
   * @param noDelay whether to disable Nagle's algorithm
   */
  public void setNoDelay(boolean noDelay) {
    deferToSocket(s -> s.setNoDelay(noDelay));
  }

  /**
   * Node's {@code request.setSocketKeepAlive(enable, initialDelay)}, applied once a socket is
   * assigned.
   *
   * @param enable whether
   * @param initialDelayMs the delay before the first probe
   */
  public void setSocketKeepAlive(boolean enable, int initialDelayMs) {
    deferToSocket(s -> s.setKeepAlive(enable, initialDelayMs));
  }

  private void deferToSocket(Consumer<Socket> action) {
    if (socket == null) {
      once(SOCKET, action);
    } else {
      action.accept(socket);
    }
  }

  private void listenSocketTimeout() {
    if (timeoutListening) {
      return;
    }
    timeoutListening = true;
    if (socket != null) {
      socket.once(Socket.TIMEOUT, onSocketTimeout);
    } else {
      once(SOCKET, s -> s.once(Socket.TIMEOUT, onSocketTimeout));
    }
  }

  // ---- socket assignment (_http_client onSocket, tickOnSocket) -------------------------------

  void onSocket(Socket s, Agent from) {
    Timers.nextTick(() -> onSocketNT(s));
  }

  private void onSocketNT(Socket s) {
    if (destroyed) {
      Throwable err = error;
      // onSocketNT's _destroy: an aborted request closes without an error
      Runnable done = () -> {
        if (err != null) {
          emitError(err);
        } else if (!aborted) {
          emitError(new NodeError("ECONNRESET", "socket hang up"));
        }
        emitClose();
      };
      if (err == null && !s.destroyed()) {
        agent.free(s, null);
        done.run();
      } else {
        s.destroy(err);
        if (s.closed()) {
          done.run();
        } else {
          s.once(Socket.CLOSE, b -> done.run());
        }
      }
      return;
    }
    tickOnSocket(s);
    flush();
  }

  private void tickOnSocket(Socket s) {
    socket = s;
    attached = true;
    parser = new HttpParser(HttpParser.Type.RESPONSE,
        maxHeaderSize != null && maxHeaderSize > 0 ? maxHeaderSize : Http.maxHeaderSize,
        insecureHTTPParser ? HttpParser.LENIENT_ALL : 0, callbacks);
    s.on(Socket.ERROR, onError);
    s.on(Socket.DATA, onData);
    s.on(Socket.END, onEnd);
    s.on(Socket.CLOSE, onClose);
    s.on(Socket.DRAIN, onDrain);
    if (timeout != null || agent.timeout() > 0) {
      listenSocketTimeout();
    }
    emit(SOCKET, s);
  }

  private void emitError(Throwable e) {
    emit(ERROR, e);
  }

  private void emitClose() {
    closed = true;
    emit(CLOSE);
  }

  private void freeParser() {
    parser = null;
    parserIncoming = null;
  }

  private void socketCloseListener() {
    Socket s = socket;
    HttpParser p = parser;
    destroyed = true;
    if (res != null) {
      if (!res.complete) {
        res.destroy(new NodeError("ECONNRESET", "aborted"));
      }
      emitClose();
      if (!res.aborted && res.readable()) {
        res.push(null);
      }
    } else {
      if (!hadError) {
        hadError = true;
        emitError(new NodeError("ECONNRESET", "socket hang up"));
      }
      emitClose();
    }
    outputData.clear();
    if (p != null) {
      p.finish();
      freeParser();
    }
    if (s != null) {
      s.off(Socket.DATA, onData);
    }
  }

  private void socketErrorListener(Throwable err) {
    hadError = true;
    emitError(err);
    if (parser != null) {
      parser.finish();
      freeParser();
    }
    socket.off(Socket.DATA, onData);
    socket.off(Socket.END, onEnd);
    socket.destroy();
  }

  private void socketOnEnd() {
    if (res == null && !hadError) {
      hadError = true;
      emitError(new NodeError("ECONNRESET", "socket hang up"));
    }
    if (parser != null) {
      parser.finish();
      freeParser();
    }
    socket.destroy();
  }

  private void socketOnData(Buffer d) {
    HttpParser p = parser;
    if (p == null) {
      return;
    }
    current = d;
    currentArray = d.buffer();
    currentOffset = d.byteOffset();
    int ret;
    try {
      ret = p.execute(currentArray, currentOffset, d.length());
    } finally {
      current = null;
      currentArray = null;
    }
    Socket s = socket;
    if (ret < 0) {
      HttpParseError pe = p.error();
      NodeError err = new NodeError(pe.code(), "Parse Error: " + pe.reason());
      freeParser();
      s.off(Socket.DATA, onData);
      s.off(Socket.END, onEnd);
      s.destroy();
      hadError = true;
      emitError(err);
    } else if (parserIncoming != null && parserIncoming.upgrade) {
      IncomingMessage r = parserIncoming;
      res = r;
      s.off(Socket.DATA, onData);
      s.off(Socket.END, onEnd);
      s.off(Socket.DRAIN, onDrain);
      s.off(Socket.TIMEOUT, onSocketTimeout);
      s.off(Socket.TIMEOUT, onResponseTimeout);
      p.finish();
      freeParser();
      Buffer head = Buffer.from(d.subarray(ret, d.length()));
      Event3<IncomingMessage, Socket, Buffer> event = "CONNECT".equals(method) ? CONNECT : UPGRADE;
      if (listenerCount(event) > 0) {
        agent.detach(s);
        s.off(Socket.CLOSE, onClose);
        s.off(Socket.ERROR, onError);
        attached = false;
        s.readableFlowing(null);
        emit(event, r, s, head);
        destroyed = true;
        emitClose();
      } else {
        s.destroy();
      }
    } else if (parserIncoming != null && parserIncoming.complete
        && !informational(parserIncoming.statusCode)) {
      s.off(Socket.DATA, onData);
      s.off(Socket.END, onEnd);
      s.off(Socket.DRAIN, onDrain);
      freeParser();
    }
  }

  private static boolean informational(int status) {
    return status < 200 && status >= 100 && status != 101;
  }

  private final HttpParserCallbacks callbacks = new HttpParserCallbacks() {
    @Override
    public void onMessageBegin() {
      pendingTrailers = null;
    }

    @Override
    public int onHeadersComplete(int versionMajor, int versionMinor, List<String> rawHeaders,
        String m, String url, int statusCode, String statusMessage, boolean upgrade,
        boolean keepAlive) {
      IncomingMessage r = new IncomingMessage(socket, joinDuplicateHeaders);
      r.httpVersionMajor = versionMajor;
      r.httpVersionMinor = versionMinor;
      r.httpVersion = versionMajor + "." + versionMinor;
      r.rawHeaders = rawHeaders;
      r.headersCount = rawHeaders.size();
      r.upgrade = upgrade;
      r.statusCode = statusCode;
      r.statusMessage = statusMessage;
      parserIncoming = r;
      return onIncoming(r, keepAlive);
    }

    @Override
    public void onBody(byte[] data, int offset, int length) {
      IncomingMessage stream = parserIncoming;
      if (stream == null || length == 0 || stream.dumped) {
        return;
      }
      Buffer piece = IncomingMessage.bodyPiece(current, currentArray, currentOffset, data, offset, length);
      if (!stream.push(piece)) {
        socket.pause();
      }
    }

    @Override
    public void onTrailers(List<String> rawTrailers) {
      pendingTrailers = rawTrailers;
    }

    @Override
    public void onMessageComplete() {
      IncomingMessage stream = parserIncoming;
      if (stream != null) {
        stream.complete = true;
        if (pendingTrailers != null) {
          stream.rawTrailers = pendingTrailers;
          pendingTrailers = null;
        }
        stream.push(null);
      }
      Socket s = socket;
      if (s != null && s.readable()) {
        s.resume();
      }
    }
  };

  /** _http_client parserOnIncomingClient. */
  private int onIncoming(IncomingMessage r, boolean keepAlive) {
    if (res != null) {
      socket.destroy();
      return 0;
    }
    res = r;
    if (r.upgrade) {
      return 2;
    }
    if ("CONNECT".equals(method)) {
      r.upgrade = true;
      return 2;
    }
    if (informational(r.statusCode)) {
      res = null;
      if (r.statusCode == 100) {
        emit(CONTINUE);
      }
      emit(INFORMATION, r);
      return 1;
    }
    if (shouldKeepAlive && !keepAlive) {
      shouldKeepAlive = false;
    }
    r.once(IncomingMessage.END, () -> responseOnEnd(r));
    on(FINISH, this::requestOnFinish);
    socket.on(Socket.TIMEOUT, onResponseTimeout);
    if (aborted || !emit(RESPONSE, r)) {
      r.dump();
    }
    if ("HEAD".equals(method)) {
      return 1;
    }
    if (r.statusCode == 304) {
      r.complete = true;
      return 1;
    }
    return 0;
  }

  private void responseOnTimeout() {
    if (res != null) {
      res.emit(IncomingMessage.TIMEOUT, socket);
    }
  }

  private void responseOnEnd(IncomingMessage r) {
    Socket s = socket;
    if (s != null) {
      s.off(Socket.TIMEOUT, onSocketTimeout);
      s.off(Socket.TIMEOUT, onResponseTimeout);
    }
    ended = true;
    if (!shouldKeepAlive) {
      if (s != null && s.writable()) {
        s.destroySoon();
      }
    } else if (writableFinished() && !r.aborted) {
      responseKeepAlive();
    }
  }

  private void requestOnFinish() {
    if (shouldKeepAlive && ended) {
      responseKeepAlive();
    }
  }

  private boolean keptAlive;

  private void responseKeepAlive() {
    if (keptAlive) {
      return;
    }
    keptAlive = true;
    Socket s = socket;
    if (timeoutListening) {
      s.setTimeout(0);
      s.off(Socket.TIMEOUT, onSocketTimeout);
    }
    s.off(Socket.CLOSE, onClose);
    s.off(Socket.ERROR, onError);
    s.off(Socket.DATA, onData);
    s.off(Socket.END, onEnd);
    s.off(Socket.DRAIN, onDrain);
    attached = false;
    Timers.nextTick(() -> {
      emitClose();
      agent.free(s, this);
    });
    destroyed = true;
    if (res != null) {
      res.socket = null;
    }
  }

  @Override
  public String toString() {
    return "ClientRequest " + method + " " + host + path;
  }

  static List<String> unmodifiable(List<String> l) {
    return Collections.unmodifiableList(l);
  }
}
