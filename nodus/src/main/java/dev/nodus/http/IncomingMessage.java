package dev.nodus.http;

import dev.nodus.buffer.Buffer;
import dev.nodus.events.Event0;
import dev.nodus.events.Event1;
import dev.nodus.net.Socket;
import dev.nodus.stream.Readable;
import dev.nodus.stream.ReadableOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A request as the server received it: Node's {@code http.IncomingMessage}. A {@link Readable}
 * of the body: {@code 'data'} per piece (chunked bodies decoded), {@code 'end'} when the message
 * is complete.
 *
 * <p>Events: those of a Readable, plus {@link #ABORTED} (Node's {@code 'aborted'}: the
 * connection closed before the message was complete; {@link #CLOSE} follows) and {@link
 * #TIMEOUT}.
 *
 * <p>Threading: events fire on the server's loop; the getters may be read from any thread once
 * the {@code 'request'} event has been delivered.
 */
public class IncomingMessage extends Readable {
  /** Node's {@code 'aborted'}: the connection closed before the message was complete. */
  public static final Event0 ABORTED = Event0.of("aborted");

  /** Node's {@code 'timeout'} on a request: the socket timed out while it was incomplete. */
  public static final Event1<Socket> TIMEOUT = Event1.of("timeout");

  /** Null on the client side once the response ended and the socket went back to its Agent. */
  Socket socket;
  final HttpConnection connection;
  String method;
  String url;
  int httpVersionMajor;
  int httpVersionMinor;
  String httpVersion;
  List<String> rawHeaders = List.of();
  int headersCount;
  private Map<String, Object> headers;
  private Map<String, List<String>> headersDistinct;
  List<String> rawTrailers = List.of();
  private Map<String, Object> trailers;
  volatile boolean complete;
  volatile boolean aborted;
  boolean upgrade;
  boolean dumped;
  boolean consuming;
  final boolean joinDuplicateHeaders;

  IncomingMessage(HttpConnection connection, Socket socket, boolean joinDuplicateHeaders) {
    super(new ReadableOptions().highWaterMark(socket.readableHighWaterMark()));
    this.connection = connection;
    this.socket = socket;
    this.joinDuplicateHeaders = joinDuplicateHeaders;
  }

  // ---- client side (responses) ----------------------------------------------------------------

  int statusCode;
  String statusMessage;

  /** A response received by a {@link ClientRequest} on {@code socket}. */
  IncomingMessage(Socket socket, boolean joinDuplicateHeaders) {
    super(new ReadableOptions().highWaterMark(socket.readableHighWaterMark()));
    this.connection = null;
    this.socket = socket;
    this.joinDuplicateHeaders = joinDuplicateHeaders;
  }

  /**
   * Node's {@code message.statusCode}: the response's status code (responses only; 0 for a
   * request).
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Node's {@code message.statusMessage}: the response's reason phrase as received (responses
   * only; null for a request).
   *
   * @return the reason phrase
   */
  public String statusMessage() {
    return statusMessage;
  }

  // ---- Node's properties -------------------------------------------------------------------

  /**
   * Node's {@code message.method}, e.g. {@code "GET"}.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * Node's {@code message.url}: the request target exactly as received.
   *
   * @return the target
   */
  public String url() {
    return url;
  }

  /**
   * Node's {@code message.httpVersion}, e.g. {@code "1.1"}.
   *
   * @return the version
   */
  public String httpVersion() {
    return httpVersion;
  }

  /**
   * Node's {@code message.httpVersionMajor}.
   *
   * @return the major version
   */
  public int httpVersionMajor() {
    return httpVersionMajor;
  }

  /**
   * Node's {@code message.httpVersionMinor}.
   *
   * @return the minor version
   */
  public int httpVersionMinor() {
    return httpVersionMinor;
  }

  /**
   * Node's {@code message.rawHeaders}: names and values alternating, exactly as received (values
   * trimmed), latin-1 decoded.
   *
   * @return the list, unmodifiable
   */
  public List<String> rawHeaders() {
    return Collections.unmodifiableList(rawHeaders);
  }

  /**
   * Node's {@code message.headers}: names lower-cased; duplicates as Node treats them (dropped
   * for {@code content-type}, {@code content-length}, {@code host}, {@code user-agent} and the
   * other single-valued fields, joined with {@code "; "} for {@code cookie}, collected in a list
   * for {@code set-cookie}, joined with {@code ", "} otherwise). Values are Strings, except
   * {@code set-cookie}'s, a {@code List<String>}.
   *
   * @return the headers, unmodifiable, in the order first received
   */
  public Map<String, Object> headers() {
    Map<String, Object> h = headers;
    if (h == null) {
      h = build(rawHeaders, headersCount);
      headers = h;
    }
    return h;
  }

  /**
   * Node's {@code message.headersDistinct}: every value of every header, names lower-cased.
   *
   * @return the headers, unmodifiable
   */
  public Map<String, List<String>> headersDistinct() {
    Map<String, List<String>> h = headersDistinct;
    if (h == null) {
      h = distinct(rawHeaders, headersCount);
      headersDistinct = h;
    }
    return h;
  }

  /**
   * Node's {@code message.rawTrailers}: the trailers of a chunked request, as received; empty
   * until {@code 'end'}.
   *
   * @return the list, unmodifiable
   */
  public List<String> rawTrailers() {
    return Collections.unmodifiableList(rawTrailers);
  }

  /**
   * Node's {@code message.trailers}, by the rules of {@link #headers()}; empty until {@code
   * 'end'}.
   *
   * @return the trailers, unmodifiable
   */
  public Map<String, Object> trailers() {
    Map<String, Object> t = trailers;
    if (t == null) {
      t = build(rawTrailers, rawTrailers.size());
      if (complete) {
        trailers = t;
      }
    }
    return t;
  }

  /**
   * Node's {@code message.trailersDistinct}: every value of every trailer, names lower-cased;
   * empty until {@code 'end'}.
   *
   * @return the trailers, unmodifiable
   */
  public Map<String, List<String>> trailersDistinct() {
    return distinct(rawTrailers, rawTrailers.size());
  }

  /**
   * Node's {@code message.complete}: the whole message was received.
   *
   * @return whether
   */
  public boolean complete() {
    return complete;
  }

  /**
   * Node's {@code message.aborted} (deprecated in Node).
   *
   * @return whether aborted
   */
  public boolean aborted() {
    return aborted;
  }

  /**
   * Node's {@code message.socket} (and {@code connection}).
   *
   * @return the socket
   */
  public Socket socket() {
    return socket;
  }

  /**
   * Calls {@code socket.setTimeout(ms, callback)}. Node: {@code message.setTimeout(msecs,
   * callback)}.
   *
   * @param ms the idle timeout
   * @param callback a {@link #TIMEOUT} listener, or null
   * @return this message
   */
  public IncomingMessage setTimeout(long ms, Runnable callback) {
    if (callback != null) {
      on(TIMEOUT, s -> callback.run());
    }
    socket.setTimeout(ms);
    return this;
  }

  // ---- Readable implementation ---------------------------------------------------------------

  @Override
  protected void _read(int size) {
    // _http_incoming _read: the first read marks the message as consumed, then reading resumes
    consuming = true;
    Socket s = socket;
    if (s == null || !s.readable()) {
      return;
    }
    if (connection != null) {
      connection.readStart();
    } else {
      s.resume();
    }
  }

  @Override
  protected void _destroy(Throwable err, Consumer<Throwable> callback) {
    if (!readableEnded() || !complete) {
      aborted = true;
      emit(ABORTED);
    }
    if (socket != null && !socket.destroyed() && aborted) {
      socket.destroy(err);
    }
    // _http_incoming onError: the error is only emitted if someone listens for it
    Throwable e = err;
    dev.nodus.Timers.nextTick(() -> callback.accept(listenerCount(ERROR) == 0 ? null : e));
  }

  /** _http_incoming _dump: drop the body nobody read, so the next request can be parsed. */
  void dump() {
    if (!dumped) {
      dumped = true;
      removeAllListeners("data");
      resume();
    }
  }

  // ---- headers -------------------------------------------------------------------------------

  private Map<String, Object> build(List<String> raw, int n) {
    Map<String, Object> dest = new LinkedHashMap<>();
    int end = Math.min(n, raw.size());
    for (int i = 0; i + 1 < end; i += 2) {
      addHeaderLine(raw.get(i), raw.get(i + 1), dest, joinDuplicateHeaders);
    }
    return Collections.unmodifiableMap(dest);
  }

  private static Map<String, List<String>> distinct(List<String> raw, int n) {
    Map<String, List<String>> dest = new LinkedHashMap<>();
    int end = Math.min(n, raw.size());
    for (int i = 0; i + 1 < end; i += 2) {
      dest.computeIfAbsent(raw.get(i).toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
          .add(raw.get(i + 1));
    }
    return Collections.unmodifiableMap(dest);
  }

  /** _http_incoming _addHeaderLine with matchKnownFields. */
  @SuppressWarnings("unchecked")
  static void addHeaderLine(String field, String value, Map<String, Object> dest, boolean join) {
    String key = field.toLowerCase(java.util.Locale.ROOT);
    int flag = knownFlag(key);
    if (flag == 0 || flag == 2) {
      Object prev = dest.get(key);
      if (prev instanceof String s) {
        dest.put(key, s + (flag == 0 ? ", " : "; ") + value);
      } else {
        dest.put(key, value);
      }
    } else if (flag == 1) {
      Object prev = dest.get("set-cookie");
      if (prev != null) {
        ((List<String>) prev).add(value);
      } else {
        List<String> l = new ArrayList<>(2);
        l.add(value);
        dest.put("set-cookie", l);
      }
    } else if (join) {
      Object prev = dest.get(key);
      dest.put(key, prev == null ? value : prev + ", " + value);
    } else {
      dest.putIfAbsent(key, value);
    }
  }

  /** matchKnownFields: 0 join with ", ", 1 set-cookie list, 2 cookie "; ", 3 drop duplicates. */
  private static int knownFlag(String key) {
    switch (key) {
      case "content-type":
      case "content-length":
      case "user-agent":
      case "referer":
      case "host":
      case "authorization":
      case "proxy-authorization":
      case "if-modified-since":
      case "if-unmodified-since":
      case "from":
      case "location":
      case "max-forwards":
      case "retry-after":
      case "etag":
      case "last-modified":
      case "server":
      case "age":
      case "expires":
        return 3;
      case "set-cookie":
        return 1;
      case "cookie":
        return 2;
      default:
        return 0;
    }
  }

  /**
   * {@code req.headers[lowerName]} for the server's own checks (host, expect, te), read from
   * {@code rawHeaders} without building the map: the first value, or for fields Node joins, all
   * of them joined with ", ". Not for {@code cookie}/{@code set-cookie}.
   */
  String header(String lowerName) {
    Map<String, Object> h = headers;
    if (h != null) {
      Object v = h.get(lowerName);
      return v == null ? null : v.toString();
    }
    boolean join = joinDuplicateHeaders || knownFlag(lowerName) == 0;
    String found = null;
    List<String> raw = rawHeaders;
    int end = Math.min(headersCount, raw.size());
    for (int i = 0; i + 1 < end; i += 2) {
      String name = raw.get(i);
      if (name.length() == lowerName.length() && name.equalsIgnoreCase(lowerName)) {
        if (found == null) {
          found = raw.get(i + 1);
          if (!join) {
            return found;
          }
        } else {
          found = found + ", " + raw.get(i + 1);
        }
      }
    }
    return found;
  }

  /**
   * A body piece the parser reported at {@code data[offset..offset+length)}: a view of the read
   * chunk being parsed ({@code current}, whose bytes start at {@code currentOffset} of
   * {@code currentArray}) when it comes from it, else a copy. Shared by the server's and the
   * client's parser callbacks.
   */
  static Buffer bodyPiece(Buffer current, byte[] currentArray, int currentOffset, byte[] data,
      int offset, int length) {
    if (data == currentArray && current != null) {
      return current.subarray(offset - currentOffset, offset - currentOffset + length);
    }
    byte[] copy = new byte[length];
    System.arraycopy(data, offset, copy, 0, length);
    return Buffer.wrap(copy);
  }
}
