package dev.nodus.http;

import dev.nodus.NodeError;
import dev.nodus.events.EventEmitter;
import dev.nodus.net.ConnectOptions;
import dev.nodus.net.Net;
import dev.nodus.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node's {@code http.Agent}: a pool of connections per origin for {@link ClientRequest}s. With
 * {@code keepAlive}, a socket whose response was read to the end goes to {@link #freeSockets()}
 * and serves the next request to the same origin ({@link ClientRequest#reusedSocket()}); beyond
 * {@code maxSockets} per origin, requests wait in {@link #requests()}.
 *
 * <p>Pools are keyed by {@link #getName}: {@code host:port:localAddress[:family][:socketPath]},
 * as Node keys them.
 *
 * <p>Threading: an Agent's sockets belong to the loop that created them; use an Agent from one
 * loop only. {@link Http#globalAgent()} is one Agent per loop.
 */
public class Agent extends EventEmitter {
  private static final int HTTP_AGENT_KEEP_ALIVE_TIMEOUT_BUFFER = 1000;
  private static final Pattern KEEP_ALIVE_TIMEOUT = Pattern.compile("^timeout=(\\d+)");

  /** The options of {@code new Agent(options)}, with Node's defaults. */
  public static final class Options {
    boolean keepAlive;
    int keepAliveMsecs = 1000;
    double maxSockets = Double.POSITIVE_INFINITY;
    double maxTotalSockets = Double.POSITIVE_INFINITY;
    int maxFreeSockets = 256;
    String scheduling = "lifo";
    int timeout;
    boolean noDelay = true;

    /** Creates Node's default options (keepAlive false). */
    public Options() {}

    /**
     * Node's {@code keepAlive}: keep sockets for later requests (default false).
     *
     * @param on whether
     * @return these options
     */
    public Options keepAlive(boolean on) {
      this.keepAlive = on;
      return this;
    }

    /**
     * Node's {@code keepAliveMsecs}: the TCP keep-alive initial delay (default 1000).
     *
     * @param ms milliseconds
     * @return these options
     */
    public Options keepAliveMsecs(int ms) {
      this.keepAliveMsecs = ms;
      return this;
    }

    /**
     * Node's {@code maxSockets}: sockets per origin (default Infinity).
     *
     * @param n the limit
     * @return these options
     */
    public Options maxSockets(int n) {
      this.maxSockets = n;
      return this;
    }

    /**
     * Node's {@code maxTotalSockets}: sockets over all origins (default Infinity).
     *
     * @param n the limit
     * @return these options
     */
    public Options maxTotalSockets(int n) {
      this.maxTotalSockets = n;
      return this;
    }

    /**
     * Node's {@code maxFreeSockets}: idle sockets kept per origin (default 256).
     *
     * @param n the limit
     * @return these options
     */
    public Options maxFreeSockets(int n) {
      this.maxFreeSockets = n;
      return this;
    }

    /**
     * Node's {@code scheduling}: {@code "lifo"} (default) or {@code "fifo"}.
     *
     * @param scheduling the policy
     * @return these options
     * @throws NodeError {@code ERR_INVALID_ARG_VALUE} for another value
     */
    public Options scheduling(String scheduling) {
      if (!"lifo".equals(scheduling) && !"fifo".equals(scheduling)) {
        throw NodeError.typeError("ERR_INVALID_ARG_VALUE",
            "The argument 'scheduling' must be one of: 'fifo', 'lifo'. Received '" + scheduling
                + "'");
      }
      this.scheduling = scheduling;
      return this;
    }

    /**
     * Node's {@code timeout}: the sockets' idle timeout in milliseconds (default none).
     *
     * @param ms milliseconds
     * @return these options
     */
    public Options timeout(int ms) {
      this.timeout = ms;
      return this;
    }

    /**
     * Node's {@code noDelay} (default true).
     *
     * @param on whether
     * @return these options
     */
    public Options noDelay(boolean on) {
      this.noDelay = on;
      return this;
    }
  }

  /** Where a pooled connection goes: the options Node's Agent passes to getName. */
  record Target(String host, int port, String localAddress, int family, String socketPath,
      Integer timeout) {
    String name() {
      StringBuilder b = new StringBuilder(host == null ? "localhost" : host).append(':');
      if (port != 0) {
        b.append(port);
      }
      b.append(':');
      if (localAddress != null) {
        b.append(localAddress);
      }
      if (family == 4 || family == 6) {
        b.append(':').append(family);
      }
      if (socketPath != null) {
        b.append(':').append(socketPath);
      }
      return b.toString();
    }
  }

  final Options options;
  final Map<String, List<Socket>> sockets = new LinkedHashMap<>();
  final Map<String, List<Socket>> freeSockets = new LinkedHashMap<>();
  final Map<String, List<ClientRequest>> requests = new LinkedHashMap<>();
  private final Map<ClientRequest, Target> queuedTargets = new java.util.HashMap<>();
  private final Map<Socket, Target> targets = new java.util.IdentityHashMap<>();
  private int totalSocketCount;

  /** Creates an Agent with Node's defaults. Node: {@code new http.Agent()}. */
  public Agent() {
    this(new Options());
  }

  /**
   * Creates an Agent. Node: {@code new http.Agent(options)}.
   *
   * @param options the options
   */
  public Agent(Options options) {
    this.options = options;
  }

  // ---- Node's properties -------------------------------------------------------------------

  /**
   * Node's {@code agent.keepAlive}.
   *
   * @return whether sockets are kept for reuse
   */
  public boolean keepAlive() {
    return options.keepAlive;
  }

  /**
   * Node's {@code agent.keepAliveMsecs}.
   *
   * @return milliseconds
   */
  public int keepAliveMsecs() {
    return options.keepAliveMsecs;
  }

  /**
   * Node's {@code agent.maxSockets}.
   *
   * @return the limit per origin ({@code Infinity} by default)
   */
  public double maxSockets() {
    return options.maxSockets;
  }

  /**
   * Node's {@code agent.maxTotalSockets}.
   *
   * @return the limit over all origins
   */
  public double maxTotalSockets() {
    return options.maxTotalSockets;
  }

  /**
   * Node's {@code agent.maxFreeSockets}.
   *
   * @return the limit of idle sockets per origin
   */
  public int maxFreeSockets() {
    return options.maxFreeSockets;
  }

  /**
   * Node's {@code agent.scheduling}.
   *
   * @return {@code "lifo"} or {@code "fifo"}
   */
  public String scheduling() {
    return options.scheduling;
  }

  /**
   * Node's {@code agent.options.timeout}.
   *
   * @return the sockets' idle timeout, 0 for none
   */
  public int timeout() {
    return options.timeout;
  }

  /**
   * Node's {@code agent.totalSocketCount}.
   *
   * @return the sockets this Agent created that are open
   */
  public int totalSocketCount() {
    return totalSocketCount;
  }

  /**
   * Node's {@code agent.sockets}: the sockets in use, by {@link #getName name}.
   *
   * @return a snapshot
   */
  public Map<String, List<Socket>> sockets() {
    return snapshot(sockets);
  }

  /**
   * Node's {@code agent.freeSockets}: the idle keep-alive sockets, by name.
   *
   * @return a snapshot
   */
  public Map<String, List<Socket>> freeSockets() {
    return snapshot(freeSockets);
  }

  /**
   * Node's {@code agent.requests}: the requests waiting for a socket, by name.
   *
   * @return a snapshot
   */
  public Map<String, List<ClientRequest>> requests() {
    return snapshot(requests);
  }

  private static <T> Map<String, List<T>> snapshot(Map<String, List<T>> m) {
    Map<String, List<T>> copy = new LinkedHashMap<>();
    m.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Node's {@code agent.getName(options)}: the pool key, {@code host:port:localAddress}, then
   * {@code :family} for 4 or 6.
   *
   * @param host the host (null for {@code localhost})
   * @param port the port (0 for none)
   * @param localAddress the local address, or null
   * @param family 4, 6 or 0
   * @return the name
   */
  public String getName(String host, int port, String localAddress, int family) {
    return new Target(host, port, localAddress, family, null, null).name();
  }

  // ---- pooling (_http_agent.js) --------------------------------------------------------------

  void addRequest(ClientRequest req, Target t) {
    String name = t.name();
    List<Socket> inUse = sockets.computeIfAbsent(name, k -> new ArrayList<>());
    List<Socket> free = freeSockets.get(name);
    Socket socket = null;
    if (free != null) {
      while (!free.isEmpty() && free.get(0).destroyed()) {
        free.remove(0);
      }
      if (!free.isEmpty()) {
        socket = "fifo".equals(options.scheduling) ? free.remove(0) : free.remove(free.size() - 1);
      }
      if (free.isEmpty()) {
        freeSockets.remove(name);
      }
    }
    int freeLen = free == null ? 0 : free.size();
    int sockLen = freeLen + inUse.size();
    if (socket != null) {
      reuseSocket(socket, req);
      setRequestSocket(req, socket);
      inUse.add(socket);
    } else if (sockLen < options.maxSockets && totalSocketCount < options.maxTotalSockets) {
      setRequestSocket(req, createSocket(t));
    } else {
      requests.computeIfAbsent(name, k -> new ArrayList<>()).add(req);
      queuedTargets.put(req, t);
    }
  }

  private Socket createSocket(Target t) {
    String name = t.name();
    ConnectOptions co = new ConnectOptions();
    if (t.socketPath != null) {
      co.path(t.socketPath);
    } else {
      co.host(t.host == null ? "localhost" : t.host).port(t.port);
      if (t.localAddress != null) {
        co.localAddress(t.localAddress);
      }
      if (t.family != 0) {
        co.family(t.family);
      }
    }
    Integer timeout = options.timeout > 0 ? Integer.valueOf(options.timeout) : t.timeout;
    if (timeout != null) {
      co.timeout(timeout);
    }
    co.noDelay(options.noDelay);
    if (options.keepAlive) {
      co.keepAlive(true).keepAliveInitialDelay(options.keepAliveMsecs);
    }
    Socket s = Net.createConnection(co);
    sockets.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
    totalSocketCount++;
    targets.put(s, t);
    s.on(Socket.CLOSE, hadError -> {
      if (targets.remove(s) != null) {
        totalSocketCount--;
        removeSocket(s, t);
      }
    });
    s.on(Socket.TIMEOUT, () -> {
      for (List<Socket> l : freeSockets.values()) {
        if (l.contains(s)) {
          s.destroy();
          return;
        }
      }
    });
    return s;
  }

  private void setRequestSocket(ClientRequest req, Socket socket) {
    req.onSocket(socket, this);
    int agentTimeout = options.timeout;
    if (req.timeout == null || req.timeout == agentTimeout) {
      return;
    }
    socket.setTimeout(req.timeout);
  }

  /** Node's agent 'free' event: the request on {@code socket} is done with it. */
  void free(Socket socket, ClientRequest done) {
    Target t = targets.get(socket);
    if (t == null) {
      socket.destroy();
      return;
    }
    String name = t.name();
    if (!socket.writable()) {
      socket.destroy();
      return;
    }
    List<ClientRequest> waiting = requests.get(name);
    if (waiting != null && !waiting.isEmpty()) {
      ClientRequest next = waiting.remove(0);
      queuedTargets.remove(next);
      setRequestSocket(next, socket);
      if (waiting.isEmpty()) {
        requests.remove(name);
      }
      return;
    }
    if (done == null || !done.shouldKeepAlive || !options.keepAlive) {
      socket.destroy();
      return;
    }
    List<Socket> free = freeSockets.getOrDefault(name, new ArrayList<>());
    int freeLen = free.size();
    int count = freeLen;
    List<Socket> inUse = sockets.get(name);
    if (inUse != null) {
      count += inUse.size();
    }
    if (totalSocketCount > options.maxTotalSockets || count > options.maxSockets
        || freeLen >= options.maxFreeSockets || !keepSocketAlive(socket, done)) {
      socket.destroy();
      return;
    }
    freeSockets.put(name, free);
    removeSocket(socket, t);
    socket.once(Socket.ERROR, freeSocketErrorListener);
    free.add(socket);
  }

  private final Consumer<Throwable> freeSocketErrorListener = e -> { };

  /** _http_agent removeSocket: forget {@code s}, and open a socket for a waiting request. */
  private void removeSocket(Socket s, Target t) {
    String name = t.name();
    removeFrom(sockets, name, s);
    if (!s.writable()) {
      removeFrom(freeSockets, name, s);
    }
    ClientRequest req = null;
    Target rt = t;
    List<ClientRequest> waiting = requests.get(name);
    if (waiting != null && !waiting.isEmpty()) {
      req = waiting.get(0);
    } else {
      for (Map.Entry<String, List<ClientRequest>> e : requests.entrySet()) {
        List<Socket> l = sockets.get(e.getKey());
        if (l != null && !l.isEmpty()) {
          break;
        }
        req = e.getValue().get(0);
        rt = queuedTargets.get(req);
        break;
      }
    }
    if (req != null && rt != null && queuedTargets.remove(req) != null) {
      Socket ns = createSocket(rt);
      free(ns, null);
    }
  }

  private static void removeFrom(Map<String, List<Socket>> m, String name, Socket s) {
    List<Socket> l = m.get(name);
    if (l != null && l.remove(s) && l.isEmpty()) {
      m.remove(name);
    }
  }

  /** A socket leaves the pool for good (an upgrade or CONNECT took it). */
  void detach(Socket s) {
    Target t = targets.remove(s);
    if (t != null) {
      totalSocketCount--;
      removeSocket(s, t);
    }
  }

  /**
   * Node's {@code agent.keepSocketAlive(socket)}: prepares an idle socket for the pool (TCP
   * keep-alive, unref, the Agent's timeout shortened to the server's {@code Keep-Alive:
   * timeout=} hint less one second). Override to refuse a socket.
   *
   * @param socket the socket
   * @param req the request whose response just ended on it
   * @return whether the socket may be kept
   */
  protected boolean keepSocketAlive(Socket socket, ClientRequest req) {
    socket.setKeepAlive(true, options.keepAliveMsecs);
    socket.unref();
    long agentTimeout = options.timeout;
    boolean can = true;
    IncomingMessage res = req.res;
    if (res != null) {
      Object hint = res.headers().get("keep-alive");
      if (hint != null) {
        Matcher m = KEEP_ALIVE_TIMEOUT.matcher(hint.toString());
        if (m.find()) {
          long server = Long.parseLong(m.group(1)) * 1000 - HTTP_AGENT_KEEP_ALIVE_TIMEOUT_BUFFER;
          server = Math.max(server, 0);
          if (server == 0) {
            can = false;
          } else if (server < agentTimeout) {
            agentTimeout = server;
          }
        }
      }
    }
    if (socket.timeout() != agentTimeout) {
      socket.setTimeout(agentTimeout);
    }
    return can;
  }

  /**
   * Node's {@code agent.reuseSocket(socket, request)}: a pooled socket is handed to a request
   * ({@code reusedSocket} becomes true).
   *
   * @param socket the pooled socket
   * @param req the request
   */
  protected void reuseSocket(Socket socket, ClientRequest req) {
    socket.off(Socket.ERROR, freeSocketErrorListener);
    req.reusedSocket = true;
    socket.ref();
  }

  /** Node's {@code agent.destroy()}: destroys every socket, free ones first. */
  public void destroy() {
    for (Map<String, List<Socket>> set : List.of(freeSockets, sockets)) {
      for (List<Socket> l : new ArrayList<>(set.values())) {
        for (Socket s : new ArrayList<>(l)) {
          s.destroy();
        }
      }
    }
  }
}
