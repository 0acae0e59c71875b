package dev.nodus.http;

import dev.nodus.NodeError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Node's {@code http} module, server side: {@link #createServer} and the module's constants and
 * validators.
 *
 * <pre>{@code
 * Nodus.run(() -> {
 *   Http.createServer((req, res) -> {
 *     res.writeHead(200, Map.of("Content-Type", "text/plain"));
 *     res.end("Hello World\n");
 *   }).listen(1337, "127.0.0.1");
 * });
 * }</pre>
 *
 * <p>Call {@code createServer} on a loop (the program's code or a callback): the server belongs
 * to the calling loop.
 */
public final class Http {
  private Http() {}

  /** Node's {@code http.STATUS_CODES}: the reason phrase of each status code Node knows. */
  public static final Map<Integer, String> STATUS_CODES;

  static {
    Map<Integer, String> m = new LinkedHashMap<>();
    m.put(100, "Continue");
    m.put(101, "Switching Protocols");
    m.put(102, "Processing");
    m.put(103, "Early Hints");
    m.put(200, "OK");
    m.put(201, "Created");
    m.put(202, "Accepted");
    m.put(203, "Non-Authoritative Information");
    m.put(204, "No Content");
    m.put(205, "Reset Content");
    m.put(206, "Partial Content");
    m.put(207, "Multi-Status");
    m.put(208, "Already Reported");
    m.put(226, "IM Used");
    m.put(300, "Multiple Choices");
    m.put(301, "Moved Permanently");
    m.put(302, "Found");
    m.put(303, "See Other");
    m.put(304, "Not Modified");
    m.put(305, "Use Proxy");
    m.put(307, "Temporary Redirect");
    m.put(308, "Permanent Redirect");
    m.put(400, "Bad Request");
    m.put(401, "Unauthorized");
    m.put(402, "Payment Required");
    m.put(403, "Forbidden");
    m.put(404, "Not Found");
    m.put(405, "Method Not Allowed");
    m.put(406, "Not Acceptable");
    m.put(407, "Proxy Authentication Required");
    m.put(408, "Request Timeout");
    m.put(409, "Conflict");
    m.put(410, "Gone");
    m.put(411, "Length Required");
    m.put(412, "Precondition Failed");
    m.put(413, "Payload Too Large");
    m.put(414, "URI Too Long");
    m.put(415, "Unsupported Media Type");
    m.put(416, "Range Not Satisfiable");
    m.put(417, "Expectation Failed");
    m.put(418, "I'm a Teapot");
    m.put(421, "Misdirected Request");
    m.put(422, "Unprocessable Entity");
    m.put(423, "Locked");
    m.put(424, "Failed Dependency");
    m.put(425, "Too Early");
    m.put(426, "Upgrade Required");
    m.put(428, "Precondition Required");
    m.put(429, "Too Many Requests");
    m.put(431, "Request Header Fields Too Large");
    m.put(451, "Unavailable For Legal Reasons");
    m.put(500, "Internal Server Error");
    m.put(501, "Not Implemented");
    m.put(502, "Bad Gateway");
    m.put(503, "Service Unavailable");
    m.put(504, "Gateway Timeout");
    m.put(505, "HTTP Version Not Supported");
    m.put(506, "Variant Also Negotiates");
    m.put(507, "Insufficient Storage");
    m.put(508, "Loop Detected");
    m.put(509, "Bandwidth Limit Exceeded");
    m.put(510, "Not Extended");
    m.put(511, "Network Authentication Required");

    STATUS_CODES = Collections.unmodifiableMap(m);
  }

  /** Node's {@code http.METHODS}: the methods the parser accepts, sorted. */
  public static final List<String> METHODS = List.of("ACL", "BIND", "CHECKOUT", "CONNECT",
      "COPY", "DELETE", "GET", "HEAD", "LINK", "LOCK", "M-SEARCH", "MERGE", "MKACTIVITY",
      "MKCALENDAR", "MKCOL", "MOVE", "NOTIFY", "OPTIONS", "PATCH", "POST", "PROPFIND",
      "PROPPATCH", "PURGE", "PUT", "QUERY", "REBIND", "REPORT", "SEARCH", "SOURCE", "SUBSCRIBE",
      "TRACE", "UNBIND", "UNLINK", "UNLOCK", "UNSUBSCRIBE");

  /** Node's {@code http.maxHeaderSize}: the default limit of a request head, 16384 bytes. */
  public static final int maxHeaderSize = 16384;

  /**
   * Creates an HTTP server. Node: {@code http.createServer()}.
   *
   * @return the server, not yet listening
   */
  public static Server createServer() {
    return new Server(new ServerOptions(), null);
  }

  /**
   * Creates an HTTP server whose {@link Server#REQUEST} listener is {@code requestListener}.
   * Node: {@code http.createServer(requestListener)}.
   *
   * @param requestListener receives each request and its response
   * @return the server, not yet listening
   */
  public static Server createServer(BiConsumer<IncomingMessage, ServerResponse> requestListener) {
    return new Server(new ServerOptions(), requestListener);
  }

  /**
   * Creates an HTTP server with options. Node: {@code http.createServer(options)}.
   *
   * @param options the server's options
   * @return the server, not yet listening
   */
  public static Server createServer(ServerOptions options) {
    return new Server(options, null);
  }

  /**
   * Creates an HTTP server with options and a request listener. Node: {@code
   * http.createServer(options, requestListener)}.
   *
   * @param options the server's options
   * @param requestListener receives each request and its response, or null
   * @return the server, not yet listening
   */
  public static Server createServer(ServerOptions options,
      BiConsumer<IncomingMessage, ServerResponse> requestListener) {
    return new Server(options, requestListener);
  }

  /**
   * Throws unless {@code name} is a valid header name (an HTTP token). Node: {@code
   * http.validateHeaderName(name)}.
   *
   * @param name the name
   * @throws NodeError {@code ERR_INVALID_HTTP_TOKEN} (a TypeError)
   */
  public static void validateHeaderName(String name) {
    OutgoingHeaders.validateHeaderName(name);
  }

  /**
   * Throws unless {@code value} may be sent as the value of header {@code name}. Node: {@code
   * http.validateHeaderValue(name, value)}.
   *
   * @param name the header's name, for the message
   * @param value the value (a String, a number or a list of them)
   * @throws NodeError {@code ERR_HTTP_INVALID_HEADER_VALUE} for null, {@code ERR_INVALID_CHAR}
   *     for a forbidden character
   */
  public static void validateHeaderValue(String name, Object value) {
    OutgoingHeaders.validateHeaderValue(name, value);
  }
}
