package dev.nodus.http;

import dev.nodus.NodeError;
import dev.nodus.Timers;
import dev.nodus.buffer.Buffer;
import dev.nodus.events.Event0;
import dev.nodus.events.Event1;
import dev.nodus.events.EventEmitter;
import dev.nodus.internal.loop.Loop;
import dev.nodus.internal.stream.StreamErrors;
import dev.nodus.net.Socket;
import dev.nodus.stream.Writable;
import dev.nodus.stream.WritableStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The response to one request: Node's {@code http.ServerResponse}. Made by the server and handed
 * to {@link Server#REQUEST} listeners. Like Node's (an {@code OutgoingMessage}), it is a writable
 * stream of the body ({@code req.pipe(res)} works), not a {@link Writable} subclass.
 *
 * <p>Wire format as Node v20's: the status line, the headers in the order set and with the case
 * given, {@code Date}, {@code Connection: keep-alive} and {@code Keep-Alive: timeout=5} (or
 * {@code Connection: close}), {@code Content-Length} when {@code end(data)} is called before any
 * {@code write}, else {@code Transfer-Encoding: chunked} for HTTP/1.1; no body for HEAD, 1xx,
 * 204 and 304. The head is sent with the first body bytes, in one write.
 *
 * <p>Events: {@link #FINISH} (the last bytes were handed to the socket), {@link #CLOSE} (after
 * finish, or when the connection closed first), {@link #DRAIN}, {@link #PREFINISH}, {@link
 * #SOCKET}, {@link #TIMEOUT} and {@code 'error'}.
 *
 * <p>Threading: the methods may be called from any thread; off the server's loop a call is
 * handed to it (arguments are validated on the caller's thread, as Node throws).
 */
public class ServerResponse extends EventEmitter implements WritableStream {
  /** Node's {@code 'finish'}: the whole response was handed to the socket. */
  public static final Event0 FINISH = Writable.FINISH;
  /** Node's {@code 'prefinish'}. */
  public static final Event0 PREFINISH = Writable.PREFINISH;
  /** Node's {@code 'close'}: the response is done, or its connection closed first. */
  public static final Event0 CLOSE = Writable.CLOSE;
  /** Node's {@code 'drain'}: write() may be called again after it returned false. */
  public static final Event0 DRAIN = Writable.DRAIN;
  /** Node's {@code 'socket'}: the response was given its socket. */
  public static final Event1<Socket> SOCKET = Event1.of("socket");
  /** Node's {@code 'timeout'} on a response: its socket timed out. */
  public static final Event1<Socket> TIMEOUT = Event1.of("timeout");

  private static final String DEFAULT_KEEP_ALIVE = "Connection: keep-alive\r\nKeep-Alive: timeout=5\r\n";

  final IncomingMessage req;
  final HttpConnection connection;
  private final Loop loop;
  /** Node's res.socket: set by assignSocket, cleared by detachSocket. */
  Socket socket;
  private volatile int statusCode = 200;
  private volatile String statusMessage;
  private volatile boolean sendDate = true;
  /** kOutHeaders: lower-cased name to {name, value}; null until the first setHeader. */
  private LinkedHashMap<String, Object[]> outHeaders;
  /** _header: the head, once stored; null before. */
  private volatile String header;
  private boolean headerSent;
  boolean hasBody = true;
  private boolean chunkedEncoding;
  boolean useChunkedEncodingByDefault = true;
  boolean shouldKeepAlive = true;
  boolean last;
  private volatile boolean finished;
  private boolean removedConnection;
  private boolean removedContLen;
  private boolean removedTE;
  private long contentLength = -1;
  private boolean defaultKeepAlive = true;
  int keepAliveTimeout;
  int maxRequestsPerSocket;
  boolean maxRequestsOnConnectionReached;
  boolean expectContinue;
  private boolean sent100;
  private final ArrayDeque<Object[]> outputData = new ArrayDeque<>(0);
  private int outputSize;
  private boolean needDrain;
  private volatile boolean destroyed;
  private volatile boolean closed;
  private volatile boolean writableFinished;
  private Throwable errored;
  private String trailer = "";
  private volatile boolean strictContentLength;
  /** kBytesWritten: body bytes written, counted only under strictContentLength. */
  private long bytesWritten;
  private final int highWaterMark;

  ServerResponse(IncomingMessage req, HttpConnection connection, int highWaterMark) {
    this.req = req;
    this.connection = connection;
    this.loop = Loop.current();
    this.highWaterMark = highWaterMark;
    if ("HEAD".equals(req.method)) {
      hasBody = false;
    }
    if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
      Object te = req.header("te");
      useChunkedEncodingByDefault = te != null && containsToken(te.toString(), "chunked");
      shouldKeepAlive = false;
    }
  }

  private boolean offLoop() {
    return loop != null && !loop.inLoop();
  }

  // ---- status and headers ----------------------------------------------------------------------

  /**
   * Node's {@code res.statusCode} (200 until set).
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Sets the status sent when the head is sent implicitly. Node: {@code res.statusCode = code}.
   *
   * @param code the status code
   * @return this response
   */
  public ServerResponse statusCode(int code) {
    this.statusCode = code;
    return this;
  }

  /**
   * Node's {@code res.statusMessage} (null until set or sent).
   *
   * @return the reason phrase
   */
  public String statusMessage() {
    return statusMessage;
  }

  /**
   * Sets the reason phrase. Node: {@code res.statusMessage = message}.
   *
   * @param message the reason phrase
   * @return this response
   */
  public ServerResponse statusMessage(String message) {
    this.statusMessage = message;
    return this;
  }

  /**
   * Node's {@code res.sendDate} (true by default).
   *
   * @return whether a Date header is added
   */
  public boolean sendDate() {
    return sendDate;
  }

  /**
   * Whether to add a {@code Date} header when the user set none. Node: {@code res.sendDate = b}.
   *
   * @param send whether
   * @return this response
   */
  public ServerResponse sendDate(boolean send) {
    this.sendDate = send;
    return this;
  }

  /**
   * Node's {@code res.headersSent}: the head was stored (and is being sent).
   *
   * @return whether
   */
  public boolean headersSent() {
    return header != null;
  }

  /**
   * Node's {@code res.req}.
   *
   * @return the request this answers
   */
  public IncomingMessage req() {
    return req;
  }

  /**
   * Node's {@code res.socket}, null once the response is done.
   *
   * @return the socket
   */
  public Socket socket() {
    return socket;
  }

  /**
   * Node's {@code res.finished} (deprecated): {@code end()} was called.
   *
   * @return whether
   */
  public boolean finished() {
    return finished;
  }

  /**
   * Sets a header to send, replacing any of the same name (case-insensitive); its position is
   * where the name was first set. Node: {@code res.setHeader(name, value)}.
   *
   * @param name the name, as it will be sent
   * @param value a String, a number, or a {@code List} of them (one header line each)
   * @return this response
   * @throws NodeError {@code ERR_HTTP_HEADERS_SENT}, {@code ERR_INVALID_HTTP_TOKEN}, {@code
   *     ERR_HTTP_INVALID_HEADER_VALUE}, {@code ERR_INVALID_CHAR}
   */
  public ServerResponse setHeader(String name, Object value) {
    if (header != null) {
      throw OutgoingHeaders.headersSent("set");
    }
    OutgoingHeaders.validateHeaderName(name);
    OutgoingHeaders.validateHeaderValue(name, value);
    if (offLoop()) {
      loop.execute(() -> setHeader(name, value));
      return this;
    }
    if (outHeaders == null) {
      outHeaders = new LinkedHashMap<>();
    }
    String key = name.toLowerCase(Locale.ROOT);
    Object[] e = outHeaders.get(key);
    if (e != null) {
      e[0] = name;
      e[1] = value;
    } else {
      outHeaders.put(key, new Object[] {name, value});
    }
    return this;
  }

  /**
   * Adds a value to a header, keeping those set before. Node: {@code res.appendHeader(name,
   * value)}.
   *
   * @param name the name
   * @param value a String, a number, or a {@code List} of them
   * @return this response
   */
  @SuppressWarnings("unchecked")
  public ServerResponse appendHeader(String name, Object value) {
    if (header != null) {
      throw OutgoingHeaders.headersSent("append");
    }
    OutgoingHeaders.validateHeaderName(name);
    OutgoingHeaders.validateHeaderValue(name, value);
    if (offLoop()) {
      loop.execute(() -> appendHeader(name, value));
      return this;
    }
    String key = name.toLowerCase(Locale.ROOT);
    Object[] e = outHeaders == null ? null : outHeaders.get(key);
    if (e == null) {
      return setHeader(name, value);
    }
    List<Object> values;
    if (e[1] instanceof List<?> l && l instanceof ArrayList) {
      values = (List<Object>) l;
    } else {
      values = new ArrayList<>();
      if (e[1] instanceof List<?> l) {
        values.addAll(l);
      } else {
        values.add(e[1]);
      }
      e[1] = values;
    }
    if (value instanceof List<?> l) {
      values.addAll(l);
    } else {
      values.add(value);
    }
    return this;
  }

  /**
   * Sets several headers. Node: {@code res.setHeaders(headers)}.
   *
   * @param headers names to values
   * @return this response
   */
  public ServerResponse setHeaders(Map<String, ?> headers) {
    if (header != null) {
      throw OutgoingHeaders.headersSent("set");
    }
    for (Map.Entry<String, ?> e : headers.entrySet()) {
      setHeader(e.getKey(), e.getValue());
    }
    return this;
  }

  /**
   * The value set for a header. Node: {@code res.getHeader(name)}.
   *
   * @param name the name, any case
   * @return the value as set, or null
   */
  public Object getHeader(String name) {
    LinkedHashMap<String, Object[]> h = outHeaders;
    if (h == null) {
      return null;
    }
    Object[] e = h.get(name.toLowerCase(Locale.ROOT));
    return e == null ? null : e[1];
  }

  /**
   * The headers set so far, names lower-cased. Node: {@code res.getHeaders()}.
   *
   * @return a copy
   */
  public Map<String, Object> getHeaders() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (outHeaders != null) {
      for (Map.Entry<String, Object[]> e : outHeaders.entrySet()) {
        m.put(e.getKey(), e.getValue()[1]);
      }
    }
    return m;
  }

  /**
   * Node's {@code res.getHeaderNames()}: lower-cased.
   *
   * @return the names
   */
  public List<String> getHeaderNames() {
    return outHeaders == null ? List.of() : new ArrayList<>(outHeaders.keySet());
  }

  /**
   * Node's {@code res.getRawHeaderNames()}: as set.
   *
   * @return the names
   */
  public List<String> getRawHeaderNames() {
    List<String> l = new ArrayList<>();
    if (outHeaders != null) {
      for (Object[] e : outHeaders.values()) {
        l.add((String) e[0]);
      }
    }
    return l;
  }

  /**
   * Whether a header is set. Node: {@code res.hasHeader(name)}.
   *
   * @param name the name, any case
   * @return whether
   */
  public boolean hasHeader(String name) {
    return outHeaders != null && outHeaders.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Removes a header; removing {@code Connection}, {@code Content-Length}, {@code
   * Transfer-Encoding} or {@code Date} also stops Node from adding its own. Node: {@code
   * res.removeHeader(name)}.
   *
   * @param name the name, any case
   */
  public void removeHeader(String name) {
    if (header != null) {
      throw OutgoingHeaders.headersSent("remove");
    }
    if (offLoop()) {
      loop.execute(() -> removeHeader(name));
      return;
    }
    String key = name.toLowerCase(Locale.ROOT);
    switch (key) {
      case "connection" -> removedConnection = true;
      case "content-length" -> removedContLen = true;
      case "transfer-encoding" -> removedTE = true;
      case "date" -> sendDate = false;
      default -> { }
    }
    if (outHeaders != null) {
      outHeaders.remove(key);
    }
  }

  // ---- writeHead --------------------------------------------------------------------------------

  /**
   * Stores the head with this status and its standard reason phrase. Node: {@code
   * res.writeHead(statusCode)}.
   *
   * @param statusCode 100 to 999
   * @return this response
   */
  public ServerResponse writeHead(int statusCode) {
    return writeHead(statusCode, null, null);
  }

  /**
   * Stores the head. Node: {@code res.writeHead(statusCode, headers)}: headers given here are
   * added to those set before (replacing the same names).
   *
   * @param statusCode 100 to 999
   * @param headers a {@code Map} of names to values (in its iteration order; use a {@code
   *     LinkedHashMap} for a chosen order), or a {@code List} of names and values alternating
   * @return this response
   */
  public ServerResponse writeHead(int statusCode, Object headers) {
    return writeHead(statusCode, null, headers);
  }

  /**
   * Stores the head with a reason phrase. Node: {@code res.writeHead(statusCode, statusMessage,
   * headers)}. The head is sent with the first body bytes (or at {@code end()}).
   *
   * @param statusCode 100 to 999
   * @param reason the reason phrase, or null for the standard one
   * @param headers a {@code Map} or a {@code List} of names and values, or null
   * @return this response
   * @throws NodeError {@code ERR_HTTP_HEADERS_SENT}, {@code ERR_HTTP_INVALID_STATUS_CODE}, {@code
   *     ERR_INVALID_CHAR}, {@code ERR_INVALID_HTTP_TOKEN}
   */
  public ServerResponse writeHead(int statusCode, String reason, Object headers) {
    if (offLoop()) {
      if (header != null) {
        throw OutgoingHeaders.headersSent("write");
      }
      loop.execute(() -> writeHead(statusCode, reason, headers));
      return this;
    }
    if (header != null) {
      throw OutgoingHeaders.headersSent("write");
    }
    if (statusCode < 100 || statusCode > 999) {
      throw NodeError.rangeError("ERR_HTTP_INVALID_STATUS_CODE",
          "Invalid status code: " + statusCode);
    }
    if (reason != null) {
      statusMessage = reason;
    } else if (statusMessage == null || statusMessage.isEmpty()) {
      String m = Http.STATUS_CODES.get(statusCode);
      statusMessage = m != null ? m : "unknown";
    }
    this.statusCode = statusCode;
    List<Object[]> list;
    boolean validate;
    if (outHeaders != null) {
      if (headers instanceof List<?> l) {
        if (l.size() % 2 != 0) {
          throw NodeError.typeError("ERR_INVALID_ARG_VALUE",
              "The argument 'headers' is invalid. Received " + l);
        }
        for (int n = 0; n < l.size(); n += 2) {
          removeHeader(String.valueOf(l.get(n)));
        }
        for (int n = 0; n < l.size(); n += 2) {
          String k = String.valueOf(l.get(n));
          if (!k.isEmpty()) {
            appendHeader(k, l.get(n + 1));
          }
        }
      } else if (headers instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          String k = String.valueOf(e.getKey());
          if (!k.isEmpty()) {
            setHeader(k, e.getValue());
          }
        }
      }
      list = new ArrayList<>(outHeaders.values());
      validate = false;
    } else {
      list = toPairs(headers);
      validate = true;
    }
    if (OutgoingHeaders.hasInvalidChar(statusMessage)) {
      throw NodeError.typeError("ERR_INVALID_CHAR", "Invalid character in statusMessage");
    }
    String statusLine = "HTTP/1.1 " + statusCode + " " + statusMessage + "\r\n";
    if (statusCode == 204 || statusCode == 304 || (statusCode >= 100 && statusCode <= 199)) {
      hasBody = false;
    }
    if (expectContinue && !sent100) {
      shouldKeepAlive = false;
    }
    storeHeader(statusLine, list, validate);
    return this;
  }

  private static List<Object[]> toPairs(Object headers) {
    if (headers == null) {
      return List.of();
    }
    List<Object[]> list = new ArrayList<>();
    if (headers instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        list.add(new Object[] {String.valueOf(e.getKey()), e.getValue()});
      }
    } else if (headers instanceof List<?> l) {
      if (l.size() % 2 != 0) {
        throw NodeError.typeError("ERR_INVALID_ARG_VALUE",
            "The argument 'headers' is invalid. Received " + l);
      }
      for (int n = 0; n < l.size(); n += 2) {
        list.add(new Object[] {String.valueOf(l.get(n)), l.get(n + 1)});
      }
    } else {
      throw StreamErrors.invalidArgType("headers", "of type object", headers);
    }
    return list;
  }

  /** _http_outgoing _storeHeader. */
  private void storeHeader(String firstLine, List<Object[]> headers, boolean validate) {
    HeadState state = new HeadState(firstLine);
    for (Object[] e : headers) {
      processHeader(state, (String) e[0], e[1], validate);
    }
    StringBuilder h = state.header;
    if (sendDate && !state.date) {
      h.append("Date: ").append(OutgoingHeaders.utcDate()).append("\r\n");
    }
    if (chunkedEncoding && (statusCode == 204 || statusCode == 304)) {
      chunkedEncoding = false;
      shouldKeepAlive = false;
    }
    if (removedConnection) {
      last = !shouldKeepAlive;
    } else if (!state.connection) {
      boolean shouldSendKeepAlive = shouldKeepAlive && (state.contLen || useChunkedEncodingByDefault);
      if (shouldSendKeepAlive && maxRequestsOnConnectionReached) {
        h.append("Connection: close\r\n");
      } else if (shouldSendKeepAlive) {
        if (keepAliveTimeout != 0 && defaultKeepAlive) {
          if (keepAliveTimeout == 5000 && maxRequestsPerSocket <= 0) {
            h.append(DEFAULT_KEEP_ALIVE);
          } else {
            h.append("Connection: keep-alive\r\nKeep-Alive: timeout=").append(keepAliveTimeout / 1000);
            if (maxRequestsPerSocket > 0) {
              h.append(", max=").append(maxRequestsPerSocket);
            }
            h.append("\r\n");
          }
        } else {
          h.append("Connection: keep-alive\r\n");
        }
      } else {
        last = true;
        h.append("Connection: close\r\n");
      }
    }
    if (!state.contLen && !state.te) {
      if (!hasBody) {
        chunkedEncoding = false;
      } else if (!useChunkedEncodingByDefault) {
        last = true;
      } else if (!state.trailer && !removedContLen && contentLength >= 0) {
        h.append("Content-Length: ").append(contentLength).append("\r\n");
      } else if (!removedTE) {
        h.append("Transfer-Encoding: chunked\r\n");
        chunkedEncoding = true;
      } else {
        last = true;
      }
    }
    if (!chunkedEncoding && state.trailer) {
      throw new NodeError("ERR_HTTP_TRAILER_INVALID",
          "Trailers are invalid with this transfer encoding");
    }
    header = h.append("\r\n").toString();
    headerSent = false;
    if (state.expect) {
      send("", "latin1", null);
    }
  }

  private static final class HeadState {
    final StringBuilder header;
    boolean connection;
    boolean contLen;
    boolean te;
    boolean date;
    boolean expect;
    boolean trailer;

    HeadState(String firstLine) {
      header = new StringBuilder(256).append(firstLine);
    }
  }

  private void processHeader(HeadState state, String key, Object value, boolean validate) {
    if (validate) {
      OutgoingHeaders.validateHeaderName(key);
    }
    if (value instanceof List<?> l) {
      java.util.Set<String> unique = connection.server.options.uniqueHeaders;
      if ((l.size() < 2 || !(key.length() == 6 && key.equalsIgnoreCase("cookie")))
          && (unique == null || !unique.contains(key.toLowerCase(Locale.ROOT)))) {
        for (Object v : l) {
          storeHeader(state, key, v, validate);
        }
        return;
      }
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append("; ");
        }
        b.append(OutgoingHeaders.jsString(l.get(i)));
      }
      value = b.toString();
    }
    storeHeader(state, key, value, validate);
  }

  private void storeHeader(HeadState state, String key, Object value, boolean validate) {
    if (validate) {
      OutgoingHeaders.validateHeaderValue(key, value);
    }
    String v = OutgoingHeaders.jsString(value);
    state.header.append(key).append(": ").append(v).append("\r\n");
    matchHeader(state, key, v);
  }

  private void matchHeader(HeadState state, String field, String value) {
    // _http_outgoing matchHeader, without lower-casing every name: length first, then the name
    switch (field.length()) {
      case 4 -> {
        if (field.equalsIgnoreCase("date")) {
          state.date = true;
        }
      }
      case 6 -> {
        if (field.equalsIgnoreCase("expect")) {
          state.expect = true;
        }
      }
      case 7 -> {
        if (field.equalsIgnoreCase("trailer")) {
          state.trailer = true;
        }
      }
      case 10 -> {
        if (field.equalsIgnoreCase("connection")) {
          state.connection = true;
          removedConnection = false;
          if (containsToken(value, "close")) {
            last = true;
          } else {
            shouldKeepAlive = true;
          }
        } else if (field.equalsIgnoreCase("keep-alive")) {
          defaultKeepAlive = false;
        }
      }
      case 14 -> {
        if (field.equalsIgnoreCase("content-length")) {
          state.contLen = true;
          contentLength = jsNumberAsLong(value);
          removedContLen = false;
        }
      }
      case 17 -> {
        if (field.equalsIgnoreCase("transfer-encoding")) {
          state.te = true;
          removedTE = false;
          if (containsToken(value, "chunked")) {
            chunkedEncoding = true;
          }
        }
      }
      default -> { }
    }
  }

  private static long jsNumberAsLong(String v) {
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** /(?:^|\W)word(?:$|\W)/i, as Node's RE_CONN_CLOSE and chunkExpression. */
  static boolean containsToken(String s, String word) {
    int n = word.length();
    for (int i = 0; i + n <= s.length(); i++) {
      if (s.regionMatches(true, i, word, 0, n)
          && (i == 0 || !isWordChar(s.charAt(i - 1)))
          && (i + n == s.length() || !isWordChar(s.charAt(i + n)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  // ---- body ---------------------------------------------------------------------------------

  /**
   * Sends a piece of the body (the head first, if not sent yet: implicitly with {@link
   * #statusCode()}). Chunked framing is added when the response is chunked. Node: {@code
   * res.write(chunk)}.
   *
   * @param chunk a String (UTF-8), a Buffer or a byte[]
   * @return false when the caller should wait for {@link #DRAIN}
   */
  @Override
  public boolean write(Object chunk) {
    return write(chunk, null, null);
  }

  /**
   * Node: {@code res.write(chunk, callback)}.
   *
   * @param chunk a String (UTF-8), a Buffer or a byte[]
   * @param callback called once the bytes were handed to the socket, or with an error
   * @return false when the caller should wait for {@link #DRAIN}
   */
  @Override
  public boolean write(Object chunk, Consumer<Throwable> callback) {
    return write(chunk, null, callback);
  }

  /**
   * Node: {@code res.write(chunk, encoding, callback)}.
   *
   * @param chunk a String, a Buffer or a byte[]
   * @param encoding the String's encoding, or null for UTF-8
   * @param callback called once the bytes were handed to the socket, or null
   * @return false when the caller should wait for {@link #DRAIN}
   */
  public boolean write(Object chunk, String encoding, Consumer<Throwable> callback) {
    checkChunk(chunk);
    if (offLoop()) {
      loop.execute(() -> write(chunk, encoding, callback));
      return true;
    }
    boolean ret = write0(chunk, encoding, callback, false);
    if (!ret) {
      needDrain = true;
    }
    return ret;
  }

  private static void checkChunk(Object chunk) {
    if (chunk == null) {
      throw StreamErrors.nullValues();
    }
    if (!(chunk instanceof String) && !(chunk instanceof Buffer) && !(chunk instanceof byte[])) {
      throw StreamErrors.invalidArgType("chunk", "of type string or an instance of Buffer or Uint8Array", chunk);
    }
  }

  private boolean write0(Object chunk, String encoding, Consumer<Throwable> callback, boolean fromEnd) {
    Consumer<Throwable> cb = callback != null ? callback : e -> { };
    NodeError err = null;
    if (finished) {
      err = StreamErrors.writeAfterEnd();
    } else if (destroyed) {
      err = StreamErrors.destroyed("write");
    }
    if (err != null) {
      if (!destroyed) {
        onError(err, cb);
      } else {
        NodeError e = err;
        Timers.nextTick(() -> cb.accept(e));
      }
      return false;
    }
    Buffer bytes = null;
    if (strictContentLength) {
      bytes = toBuffer(chunk, encoding);
      int len = bytes.length();
      if (strictContentLengthApplies() && (fromEnd ? bytesWritten + len != contentLength
          : bytesWritten + len > contentLength)) {
        throw contentLengthMismatch(len + bytesWritten);
      }
      bytesWritten += len;
    }
    if (header == null) {
      if (fromEnd) {
        if (bytes == null) {
          bytes = toBuffer(chunk, encoding);
        }
        contentLength = bytes.length();
      }
      implicitHeader();
    }
    if (!hasBody) {
      if (connection.server.options.rejectNonStandardBodyWrites) {
        throw new NodeError("ERR_HTTP_BODY_NOT_ALLOWED",
            "Adding content for this request method or response status is not allowed.");
      }
      Timers.nextTick(() -> cb.accept(null));
      return true;
    }
    if (chunkedEncoding && length(chunk) != 0) {
      if (bytes == null) {
        bytes = toBuffer(chunk, encoding);
      }
      String prefix = Integer.toHexString(bytes.length()) + "\r\n";
      if (!headerSent) {
        prefix = header + prefix;
        headerSent = true;
      }
      byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
      byte[] all = new byte[p.length + bytes.length() + 2];
      System.arraycopy(p, 0, all, 0, p.length);
      System.arraycopy(bytes.buffer(), bytes.byteOffset(), all, p.length, bytes.length());
      all[all.length - 2] = '\r';
      all[all.length - 1] = '\n';
      return writeRaw(Buffer.wrap(all), callback);
    }
    return send(bytes != null ? bytes : chunk, encoding, callback);
  }

  /** _http_outgoing strictContentLength(msg). */
  private boolean strictContentLengthApplies() {
    return strictContentLength && contentLength >= 0 && hasBody && !removedContLen
        && !chunkedEncoding && !hasHeader("transfer-encoding");
  }

  private NodeError contentLengthMismatch(long actual) {
    return new NodeError("ERR_HTTP_CONTENT_LENGTH_MISMATCH", "Response body's content-length of "
        + actual + " byte(s) does not match the content-length of " + contentLength
        + " byte(s) set in header");
  }

  /**
   * Node's {@code res.strictContentLength} (false by default).
   *
   * @return whether the body must match a Content-Length header
   */
  public boolean strictContentLength() {
    return strictContentLength;
  }

  /**
   * Makes {@code write()}/{@code end()} throw {@code ERR_HTTP_CONTENT_LENGTH_MISMATCH} when the
   * body would not match the {@code Content-Length} header. Node: {@code res.strictContentLength
   * = true}.
   *
   * @param strict whether
   * @return this response
   */
  public ServerResponse strictContentLength(boolean strict) {
    this.strictContentLength = strict;
    return this;
  }

  private static int length(Object chunk) {
    if (chunk instanceof String s) {
      return s.length();
    }
    if (chunk instanceof Buffer b) {
      return b.length();
    }
    return ((byte[]) chunk).length;
  }

  private static Buffer toBuffer(Object chunk, String encoding) {
    if (chunk instanceof String s) {
      return Buffer.from(s, encoding == null ? "utf8" : encoding);
    }
    if (chunk instanceof Buffer b) {
      return b;
    }
    return Buffer.wrap((byte[]) chunk);
  }

  private void onError(NodeError err, Consumer<Throwable> cb) {
    if (destroyed) {
      return;
    }
    Timers.nextTick(() -> {
      cb.accept(err);
      if (!destroyed) {
        emit(ERROR, err);
      }
    });
  }

  void implicitHeader() {
    writeHead(statusCode);
  }

  /** _http_outgoing _send: the head goes in front of the first bytes. */
  private boolean send(Object data, String encoding, Consumer<Throwable> callback) {
    Buffer out;
    if (!headerSent && header != null) {
      if (data instanceof String s) {
        String enc = encoding == null ? "utf8" : encoding;
        if (enc.equals("utf8") || enc.equals("utf-8") || enc.equals("latin1")) {
          out = Buffer.from(header + s, enc);
        } else {
          out = concat(Buffer.from(header, "latin1"), Buffer.from(s, enc));
        }
      } else {
        out = concat(Buffer.from(header, "latin1"), toBuffer(data, encoding));
      }
      headerSent = true;
    } else {
      out = toBuffer(data, encoding);
    }
    return writeRaw(out, callback);
  }

  private static Buffer concat(Buffer a, Buffer b) {
    if (b.length() == 0) {
      return a;
    }
    byte[] all = new byte[a.length() + b.length()];
    System.arraycopy(a.buffer(), a.byteOffset(), all, 0, a.length());
    System.arraycopy(b.buffer(), b.byteOffset(), all, a.length(), b.length());
    return Buffer.wrap(all);
  }

  /** _http_outgoing _writeRaw: to the socket when this response is its current one, else queued. */
  boolean writeRaw(Buffer data, Consumer<Throwable> callback) {
    Socket conn = socket;
    if (conn != null && conn.destroyed()) {
      return false;
    }
    if (conn != null && connection.httpMessage == this && conn.writable()) {
      if (!outputData.isEmpty()) {
        flushOutput(conn);
      }
      return callback == null ? conn.write(data) : conn.write(data, callback);
    }
    outputData.add(new Object[] {data, callback});
    outputSize += data.length();
    connection.updateOutgoingData(data.length());
    return outputSize < highWaterMark;
  }

  @SuppressWarnings("unchecked")
  private boolean flushOutput(Socket conn) {
    if (outputData.isEmpty()) {
      return true;
    }
    boolean ret = true;
    int size = outputSize;
    Object[] e;
    while ((e = outputData.poll()) != null) {
      Consumer<Throwable> cb = (Consumer<Throwable>) e[1];
      ret = cb == null ? conn.write(e[0]) : conn.write(e[0], cb);
    }
    outputSize = 0;
    connection.updateOutgoingData(-size);
    return ret;
  }

  /** _http_outgoing _flush: called when this response gets the socket. */
  void flush() {
    Socket s = socket;
    if (s != null && s.writable()) {
      boolean ret = flushOutput(s);
      if (finished) {
        emit(PREFINISH);
      } else if (ret && needDrain) {
        needDrain = false;
        emit(DRAIN);
      }
    }
  }

  /** socketOnDrain's part for the response. */
  void socketDrained() {
    if (!finished && needDrain) {
      needDrain = false;
      emit(DRAIN);
    }
  }

  /**
   * Ends the response (sending the head if needed). Node: {@code res.end()}.
   *
   * @return this response
   */
  @Override
  public ServerResponse end() {
    return end(null, null, (Consumer<Throwable>) null);
  }

  /**
   * Ends the response and calls {@code onFinish} on {@link #FINISH}. Node: {@code
   * res.end(callback)}.
   *
   * @param onFinish the callback
   * @return this response
   */
  @Override
  public ServerResponse end(Runnable onFinish) {
    return end(null, null, onFinish == null ? null : e -> onFinish.run());
  }

  /**
   * Sends {@code chunk} and ends. Before any {@code write()}, the response gets a {@code
   * Content-Length} (HTTP/1.1). Node: {@code res.end(data)}.
   *
   * @param chunk a String (UTF-8), a Buffer or a byte[]
   * @return this response
   */
  @Override
  public ServerResponse end(Object chunk) {
    return end(chunk, null, (Consumer<Throwable>) null);
  }

  /**
   * Node: {@code res.end(data, encoding, callback)}.
   *
   * @param chunk a String, a Buffer, a byte[] or null
   * @param encoding the String's encoding, or null for UTF-8
   * @param callback a {@link #FINISH} callback, or null
   * @return this response
   */
  public ServerResponse end(Object chunk, String encoding, Consumer<Throwable> callback) {
    boolean hasChunk = chunk != null && !(chunk instanceof String s && s.isEmpty());
    if (hasChunk) {
      checkChunk(chunk);
    }
    if (offLoop()) {
      loop.execute(() -> end(chunk, encoding, callback));
      return this;
    }
    if (hasChunk) {
      if (finished) {
        onError(StreamErrors.writeAfterEnd(), callback != null ? callback : e -> { });
        return this;
      }
      write0(chunk, encoding, null, true);
    } else if (finished) {
      if (callback != null) {
        if (!writableFinished) {
          on(FINISH, () -> callback.accept(null));
        } else {
          callback.accept(StreamErrors.alreadyFinished("end"));
        }
      }
      return this;
    } else if (header == null) {
      contentLength = 0;
      implicitHeader();
    }
    if (callback != null) {
      once(FINISH, () -> callback.accept(null));
    }
    if (strictContentLengthApplies() && bytesWritten != contentLength) {
      throw contentLengthMismatch(bytesWritten);
    }
    Consumer<Throwable> finish = e -> onFinish();
    if (hasBody && chunkedEncoding) {
      send("0\r\n" + trailer + "\r\n", "latin1", finish);
    } else if (!headerSent || writableLength() > 0 || hasChunk) {
      send("", "latin1", finish);
    } else {
      Timers.nextTick(this::onFinish);
    }
    finished = true;
    if (outputData.isEmpty() && socket != null && connection.httpMessage == this) {
      emit(PREFINISH);
    }
    return this;
  }

  private void onFinish() {
    if (connection.socketHadError) {
      return;
    }
    writableFinished = true;
    emit(FINISH);
  }

  /** resOnFinish's emitCloseNT and onServerResponseClose. */
  void emitClose() {
    if (!closed) {
      destroyed = true;
      closed = true;
      emit(CLOSE);
    }
  }

  /**
   * Sends {@code HTTP/1.1 100 Continue}. Node: {@code res.writeContinue()}.
   */
  public void writeContinue() {
    if (offLoop()) {
      loop.execute(this::writeContinue);
      return;
    }
    writeRaw(Buffer.from("HTTP/1.1 100 Continue\r\n\r\n", "latin1"), null);
    sent100 = true;
  }

  private static final java.util.regex.Pattern LINK_VALUE = java.util.regex.Pattern.compile(
      "^(?:<[^>]*>)(?:\\s*;\\s*[^;\"\\s]+(?:=(?:\"[^;\"\\s]*\"|[^;\"\\s]*))?)*$");

  /**
   * Sends {@code HTTP/1.1 103 Early Hints} with a {@code Link} header (and the other hints as
   * headers). Node: {@code res.writeEarlyHints(hints[, callback])}.
   *
   * @param hints {@code link} (a String or a List of Strings like {@code
   *     "</styles.css>; rel=preload; as=style"}) and other headers
   * @param callback called once the bytes were handed to the socket, or null
   * @throws NodeError {@code ERR_INVALID_ARG_VALUE} for a malformed link
   */
  public void writeEarlyHints(Map<String, ?> hints, Consumer<Throwable> callback) {
    Object link = hints.get("link");
    if (link == null) {
      return;
    }
    String value;
    if (link instanceof String l) {
      checkLink(l);
      value = l;
    } else if (link instanceof List<?> list) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < list.size(); i++) {
        checkLink(list.get(i));
        b.append(list.get(i));
        if (i != list.size() - 1) {
          b.append(", ");
        }
      }
      value = b.toString();
    } else {
      throw badLink(link);
    }
    if (value.isEmpty()) {
      return;
    }
    StringBuilder head = new StringBuilder("HTTP/1.1 103 Early Hints\r\nLink: ").append(value).append("\r\n");
    for (Map.Entry<String, ?> e : hints.entrySet()) {
      if (!e.getKey().equals("link")) {
        head.append(e.getKey()).append(": ").append(OutgoingHeaders.jsString(e.getValue())).append("\r\n");
      }
    }
    head.append("\r\n");
    if (offLoop()) {
      loop.execute(() -> writeRaw(Buffer.from(head.toString(), "latin1"), callback));
      return;
    }
    writeRaw(Buffer.from(head.toString(), "latin1"), callback);
  }

  private static void checkLink(Object link) {
    if (!(link instanceof String s) || !LINK_VALUE.matcher(s).matches()) {
      throw badLink(link);
    }
  }

  private static NodeError badLink(Object link) {
    String received = link instanceof String s ? dev.nodus.internal.errors.NodeInspect.string(s) : String.valueOf(link);
    return NodeError.typeError("ERR_INVALID_ARG_VALUE", "The argument 'hints' must be an array or string of format "
        + "\"</styles.css>; rel=preload; as=style\". Received " + received);
  }

  /** Sends {@code HTTP/1.1 102 Processing}. Node: {@code res.writeProcessing()}. */
  public void writeProcessing() {
    if (offLoop()) {
      loop.execute(this::writeProcessing);
      return;
    }
    writeRaw(Buffer.from("HTTP/1.1 102 Processing\r\n\r\n", "latin1"), null);
  }

  /**
   * Sends the head now, without body bytes. Node: {@code res.flushHeaders()}.
   */
  public void flushHeaders() {
    if (offLoop()) {
      loop.execute(this::flushHeaders);
      return;
    }
    if (header == null) {
      implicitHeader();
    }
    send("", "latin1", null);
  }

  /**
   * Adds trailers to a chunked response. Node: {@code res.addTrailers(headers)}.
   *
   * @param headers names to values
   */
  public void addTrailers(Map<String, ?> headers) {
    StringBuilder b = new StringBuilder(trailer);
    for (Map.Entry<String, ?> e : headers.entrySet()) {
      String field = e.getKey();
      String value = OutgoingHeaders.jsString(e.getValue());
      if (!OutgoingHeaders.isToken(field)) {
        throw NodeError.typeError("ERR_INVALID_HTTP_TOKEN",
            "Trailer name must be a valid HTTP token [\"" + field + "\"]");
      }
      if (OutgoingHeaders.hasInvalidChar(value)) {
        throw NodeError.typeError("ERR_INVALID_CHAR",
            "Invalid character in trailer content [\"" + field + "\"]");
      }
      b.append(field).append(": ").append(value).append("\r\n");
    }
    trailer = b.toString();
  }

  /**
   * Sets the socket's timeout. Node: {@code res.setTimeout(msecs, callback)}.
   *
   * @param ms the idle timeout
   * @param callback a {@link #TIMEOUT} listener, or null
   * @return this response
   */
  public ServerResponse setTimeout(long ms, Runnable callback) {
    if (callback != null) {
      on(TIMEOUT, s -> callback.run());
    }
    Socket s = socket;
    if (s == null) {
      once(SOCKET, so -> so.setTimeout(ms));
    } else {
      s.setTimeout(ms);
    }
    return this;
  }

  // ---- WritableStream ---------------------------------------------------------------------------

  /** Node's {@code res.cork()}: writes leave in one flush per loop turn anyway. */
  @Override
  public void cork() {
    // TcpHandle already sends every write of a loop turn in one flush.
  }

  /** Node's {@code res.uncork()}. */
  @Override
  public void uncork() {
    // see cork()
  }

  /**
   * Destroys the response and its socket. Node: {@code res.destroy()}.
   *
   * @return this response
   */
  @Override
  public ServerResponse destroy() {
    return destroy(null);
  }

  /**
   * Destroys the response and its socket with an error. Node: {@code res.destroy(error)}.
   *
   * @param err the error, or null
   * @return this response
   */
  @Override
  public ServerResponse destroy(Throwable err) {
    if (offLoop()) {
      loop.execute(() -> destroy(err));
      return this;
    }
    if (destroyed) {
      return this;
    }
    destroyed = true;
    errored = err;
    if (socket != null) {
      socket.destroy(err);
    } else {
      once(SOCKET, s -> s.destroy(err));
    }
    return this;
  }

  /**
   * Node's {@code res.destroyed}.
   *
   * @return whether destroyed or closed
   */
  @Override
  public boolean destroyed() {
    return destroyed;
  }

  /**
   * Node's {@code res.writable}: not ended and not destroyed.
   *
   * @return whether
   */
  @Override
  public boolean writable() {
    return !destroyed && !finished;
  }

  /**
   * Node's {@code res.writableLength}.
   *
   * @return bytes queued
   */
  @Override
  public int writableLength() {
    Socket s = socket;
    return outputSize + (s != null ? s.writableLength() : 0);
  }

  /**
   * Node's {@code res.writableHighWaterMark}.
   *
   * @return the mark
   */
  @Override
  public int writableHighWaterMark() {
    Socket s = socket;
    return s != null ? s.writableHighWaterMark() : highWaterMark;
  }

  /**
   * Node's {@code res.writableNeedDrain}.
   *
   * @return whether a drain is owed
   */
  @Override
  public boolean writableNeedDrain() {
    return needDrain;
  }

  /**
   * Node's {@code res.writableEnded}: {@code end()} was called.
   *
   * @return whether
   */
  @Override
  public boolean writableEnded() {
    return finished;
  }

  /**
   * Node's {@code res.writableFinished}.
   *
   * @return whether everything was handed over
   */
  @Override
  public boolean writableFinished() {
    return writableFinished;
  }

  /**
   * Node's {@code res.writableObjectMode}: false.
   *
   * @return false
   */
  @Override
  public boolean writableObjectMode() {
    return false;
  }

  /**
   * Node's {@code res.closed}.
   *
   * @return whether {@link #CLOSE} was emitted
   */
  @Override
  public boolean closed() {
    return closed;
  }

  /**
   * Node's {@code res.errored}.
   *
   * @return the error destroy was given, or null
   */
  @Override
  public Throwable errored() {
    return errored;
  }

  /** Node's res._headerSent: the head has been handed to the socket (or queued for it). */
  boolean headerWritten() {
    return headerSent;
  }

  /** The raw head, for tests. */
  String headerText() {
    return header;
  }

  @Override
  public String toString() {
    return "ServerResponse[" + statusCode + "]";
  }

  static <T> List<T> unmodifiable(List<T> l) {
    return Collections.unmodifiableList(l);
  }
}
