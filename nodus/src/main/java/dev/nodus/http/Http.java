package dev.nodus.http;

import dev.nodus.NodeError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Node's {@code http} module: {@link #createServer}, the client ({@link #request}, {@link #get},
 * {@link #globalAgent}) and the module's constants and validators.
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

  // ---- client ------------------------------------------------------------------------------

  private static final ThreadLocal<Agent> GLOBAL_AGENT = ThreadLocal.withInitial(
      () -> new Agent(new Agent.Options().keepAlive(true).timeout(5000)));

  /**
   * Node's {@code http.globalAgent}: the Agent of requests that name none, with Node v20's
   * defaults ({@code keepAlive} true, {@code timeout} 5000, {@code scheduling} lifo, {@code
   * maxSockets} Infinity, {@code maxFreeSockets} 256). One per loop, as sockets belong to a loop.
   *
   * @return the calling loop's global Agent
   */
  public static Agent globalAgent() {
    return GLOBAL_AGENT.get();
  }

  /**
   * Starts a request. Node: {@code http.request(options)}. Call {@link ClientRequest#end} to send
   * it.
   *
   * @param options the request's options
   * @return the request
   * @throws NodeError {@code ERR_INVALID_PROTOCOL}, {@code ERR_UNESCAPED_CHARACTERS}, {@code
   *     ERR_INVALID_HTTP_TOKEN}, {@code ERR_INVALID_CHAR} for bad options
   */
  public static ClientRequest request(RequestOptions options) {
    return new ClientRequest(options.copy(), null);
  }

  /**
   * Starts a request. Node: {@code http.request(options, callback)}.
   *
   * @param options the request's options
   * @param callback a {@link ClientRequest#RESPONSE} listener (once)
   * @return the request
   */
  public static ClientRequest request(RequestOptions options,
      java.util.function.Consumer<IncomingMessage> callback) {
    return new ClientRequest(options.copy(), callback);
  }

  /**
   * Starts a request to a URL. Node: {@code http.request(url)}.
   *
   * @param url an absolute {@code http:} URL
   * @return the request
   * @throws NodeError {@code ERR_INVALID_URL} for a URL that does not parse
   */
  public static ClientRequest request(String url) {
    return new ClientRequest(urlOptions(url, null), null);
  }

  /**
   * Starts a request to a URL. Node: {@code http.request(url, callback)}.
   *
   * @param url an absolute {@code http:} URL
   * @param callback a {@link ClientRequest#RESPONSE} listener (once)
   * @return the request
   */
  public static ClientRequest request(String url,
      java.util.function.Consumer<IncomingMessage> callback) {
    return new ClientRequest(urlOptions(url, null), callback);
  }

  /**
   * Starts a request to a URL with options, which take precedence over the URL's parts. Node:
   * {@code http.request(url, options, callback)}.
   *
   * @param url an absolute {@code http:} URL
   * @param options more options
   * @param callback a {@link ClientRequest#RESPONSE} listener (once), or null
   * @return the request
   */
  public static ClientRequest request(String url, RequestOptions options,
      java.util.function.Consumer<IncomingMessage> callback) {
    return new ClientRequest(urlOptions(url, options), callback);
  }

  /**
   * A GET request, ended at once. Node: {@code http.get(options, callback)}.
   *
   * @param options the request's options
   * @param callback a {@link ClientRequest#RESPONSE} listener (once), or null
   * @return the request
   */
  public static ClientRequest get(RequestOptions options,
      java.util.function.Consumer<IncomingMessage> callback) {
    ClientRequest r = request(options, callback);
    r.end();
    return r;
  }

  /**
   * A GET request to a URL, ended at once. Node: {@code http.get(url, callback)}.
   *
   * @param url an absolute {@code http:} URL
   * @param callback a {@link ClientRequest#RESPONSE} listener (once), or null
   * @return the request
   */
  public static ClientRequest get(String url,
      java.util.function.Consumer<IncomingMessage> callback) {
    ClientRequest r = request(url, callback);
    r.end();
    return r;
  }

  /**
   * A GET request to a URL with options, ended at once. Node: {@code http.get(url, options,
   * callback)}.
   *
   * @param url an absolute {@code http:} URL
   * @param options more options
   * @param callback a {@link ClientRequest#RESPONSE} listener (once), or null
   * @return the request
   */
  public static ClientRequest get(String url, RequestOptions options,
      java.util.function.Consumer<IncomingMessage> callback) {
    ClientRequest r = request(url, options, callback);
    r.end();
    return r;
  }

  /** urlToHttpOptions(new URL(url)), then Object.assign with {@code over}. */
  private static RequestOptions urlOptions(String url, RequestOptions over) {
    java.net.URI u;
    try {
      u = new java.net.URI(url);
    } catch (java.net.URISyntaxException e) {
      throw NodeError.typeError("ERR_INVALID_URL", "Invalid URL");
    }
    if (u.getScheme() == null || u.getRawAuthority() == null) {
      throw NodeError.typeError("ERR_INVALID_URL", "Invalid URL");
    }
    RequestOptions o = new RequestOptions();
    String scheme = u.getScheme().toLowerCase(java.util.Locale.ROOT);
    o.protocol = scheme + ":";
    String h = u.getHost();
    if (h != null && h.startsWith("[")) {
      h = h.substring(1, h.length() - 1);
    }
    o.hostname = h == null ? "" : h.toLowerCase(java.util.Locale.ROOT);
    int port = u.getPort();
    if (port != -1 && !(port == 80 && scheme.equals("http"))
        && !(port == 443 && scheme.equals("https"))) {
      o.port = port;
    }
    String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    o.path = u.getRawQuery() != null ? p + "?" + u.getRawQuery() : p;
    String ui = u.getRawUserInfo();
    if (ui != null && !ui.isEmpty()) {
      int c = ui.indexOf(':');
      String user = c < 0 ? ui : ui.substring(0, c);
      String pass = c < 0 ? "" : ui.substring(c + 1);
      o.auth = java.net.URLDecoder.decode(user.replace("+", "%2B"),
          java.nio.charset.StandardCharsets.UTF_8) + ":" + java.net.URLDecoder.decode(
          pass.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
    if (over != null) {
      RequestOptions v = over.copy();
      if (v.protocol == null) {
        v.protocol = o.protocol;
      }
      if (v.hostname == null) {
        v.hostname = o.hostname;
      }
      if (v.port == null) {
        v.port = o.port;
      }
      if (v.path == null) {
        v.path = o.path;
      }
      if (v.auth == null) {
        v.auth = o.auth;
      }
      return v;
    }
    return o;
  }
}
