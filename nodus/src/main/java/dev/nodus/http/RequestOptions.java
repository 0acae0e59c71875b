package dev.nodus.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@link Http#request(RequestOptions)}: Node's {@code http.request(options)}
 * object. Unset options take Node's defaults (host {@code localhost}, port 80, path {@code /},
 * method {@code GET}, the global Agent).
 */
public final class RequestOptions {
  String protocol;
  String host;
  String hostname;
  Integer port;
  String path;
  String method;
  Map<String, Object> headers;
  List<String> rawHeaders;
  String auth;
  Agent agent;
  boolean noAgent;
  Integer timeout;
  boolean setHost = true;
  String socketPath;
  String localAddress;
  int family;
  Integer maxHeaderSize;
  Boolean insecureHTTPParser;
  boolean joinDuplicateHeaders;

  /** Creates empty options (Node's defaults). */
  public RequestOptions() {}

  RequestOptions copy() {
    RequestOptions o = new RequestOptions();
    o.protocol = protocol;
    o.host = host;
    o.hostname = hostname;
    o.port = port;
    o.path = path;
    o.method = method;
    o.headers = headers == null ? null : new LinkedHashMap<>(headers);
    o.rawHeaders = rawHeaders == null ? null : new ArrayList<>(rawHeaders);
    o.auth = auth;
    o.agent = agent;
    o.noAgent = noAgent;
    o.timeout = timeout;
    o.setHost = setHost;
    o.socketPath = socketPath;
    o.localAddress = localAddress;
    o.family = family;
    o.maxHeaderSize = maxHeaderSize;
    o.insecureHTTPParser = insecureHTTPParser;
    o.joinDuplicateHeaders = joinDuplicateHeaders;
    return o;
  }

  /**
   * Node's {@code protocol}; only {@code "http:"} is supported ({@code ERR_INVALID_PROTOCOL}
   * otherwise).
   *
   * @param protocol the protocol
   * @return these options
   */
  public RequestOptions protocol(String protocol) {
    this.protocol = protocol;
    return this;
  }

  /**
   * Node's {@code host}: the server's name or address (default {@code localhost}).
   *
   * @param host the host
   * @return these options
   */
  public RequestOptions host(String host) {
    this.host = host;
    return this;
  }

  /**
   * Node's {@code hostname}: preferred over {@link #host}.
   *
   * @param hostname the host name
   * @return these options
   */
  public RequestOptions hostname(String hostname) {
    this.hostname = hostname;
    return this;
  }

  /**
   * Node's {@code port} (default 80, or the Agent's default port).
   *
   * @param port the port
   * @return these options
   */
  public RequestOptions port(int port) {
    this.port = port;
    return this;
  }

  /**
   * Node's {@code path}: the request target, with the query string (default {@code /}).
   *
   * @param path the path
   * @return these options
   */
  public RequestOptions path(String path) {
    this.path = path;
    return this;
  }

  /**
   * Node's {@code method} (default {@code GET}); upper-cased as Node does.
   *
   * @param method the method
   * @return these options
   */
  public RequestOptions method(String method) {
    this.method = method;
    return this;
  }

  /**
   * Node's {@code headers} as an object: each entry becomes a {@code setHeader(name, value)}, in
   * the map's order. Values are Strings, numbers or lists of them.
   *
   * @param headers the headers
   * @return these options
   */
  public RequestOptions headers(Map<String, ?> headers) {
    this.headers = new LinkedHashMap<>(headers);
    this.rawHeaders = null;
    return this;
  }

  /**
   * Node's {@code headers} as an array of names and values alternating: sent exactly so, without
   * a Host header or other defaults added to them (as Node).
   *
   * @param rawHeaders names and values alternating
   * @return these options
   */
  public RequestOptions rawHeaders(List<String> rawHeaders) {
    this.rawHeaders = new ArrayList<>(rawHeaders);
    this.headers = null;
    return this;
  }

  /**
   * Node's {@code auth}: {@code "user:password"}, sent as Basic authorization unless an
   * Authorization header is set.
   *
   * @param auth the credentials
   * @return these options
   */
  public RequestOptions auth(String auth) {
    this.auth = auth;
    return this;
  }

  /**
   * Node's {@code agent}: the Agent whose pool the request uses.
   *
   * @param agent the agent, or null for the global Agent
   * @return these options
   */
  public RequestOptions agent(Agent agent) {
    this.agent = agent;
    this.noAgent = false;
    return this;
  }

  /**
   * Node's {@code agent: false}: a fresh Agent with default options for this request alone (so a
   * new connection, closed after the response).
   *
   * @return these options
   */
  public RequestOptions noAgent() {
    this.agent = null;
    this.noAgent = true;
    return this;
  }

  /**
   * Node's {@code timeout}: the socket's idle timeout while the request has it; the request emits
   * {@link ClientRequest#TIMEOUT} (it is not destroyed).
   *
   * @param ms milliseconds
   * @return these options
   */
  public RequestOptions timeout(int ms) {
    this.timeout = ms;
    return this;
  }

  /**
   * Node's {@code setHost}: whether to add a Host header (default true).
   *
   * @param setHost whether
   * @return these options
   */
  public RequestOptions setHost(boolean setHost) {
    this.setHost = setHost;
    return this;
  }

  /**
   * Node's {@code socketPath}: connect to this Unix domain socket instead of host and port.
   *
   * @param socketPath the socket's path
   * @return these options
   */
  public RequestOptions socketPath(String socketPath) {
    this.socketPath = socketPath;
    return this;
  }

  /**
   * Node's {@code localAddress}: the local interface to bind for the connection.
   *
   * @param localAddress the address
   * @return these options
   */
  public RequestOptions localAddress(String localAddress) {
    this.localAddress = localAddress;
    return this;
  }

  /**
   * Node's {@code family}: 4 or 6 to resolve the host to that IP family only.
   *
   * @param family 4 or 6
   * @return these options
   */
  public RequestOptions family(int family) {
    this.family = family;
    return this;
  }

  /**
   * Node's {@code maxHeaderSize}: the limit of the response head (default 16384).
   *
   * @param bytes the limit
   * @return these options
   */
  public RequestOptions maxHeaderSize(int bytes) {
    this.maxHeaderSize = bytes;
    return this;
  }

  /**
   * Node's {@code insecureHTTPParser}: parse the response leniently.
   *
   * @param on whether
   * @return these options
   */
  public RequestOptions insecureHTTPParser(boolean on) {
    this.insecureHTTPParser = on;
    return this;
  }

  /**
   * Node's {@code joinDuplicateHeaders}: join every duplicate response header with {@code ", "}.
   *
   * @param on whether
   * @return these options
   */
  public RequestOptions joinDuplicateHeaders(boolean on) {
    this.joinDuplicateHeaders = on;
    return this;
  }
}
