package dev.nodus.net;

import dev.nodus.internal.errors.NodeInspect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options for {@link Server#listen(ListenOptions, Runnable)}. Node: the {@code options} of
 * {@code server.listen(options[, callback])}.
 */
public final class ListenOptions {
  int port;
  String host;
  String path;
  int backlog = 511;
  boolean ipv6Only;
  boolean exclusive;
  boolean portSet;
  /** The properties set, in the order a JS object literal would hold them, for error messages. */
  private final Map<String, Object> given = new LinkedHashMap<>();

  /**
   * Creates options with no port, host or path yet, backlog 511 as Node. As in Node, listening
   * needs a port or a path: {@code listen(new ListenOptions().host(h))} throws.
   */
  public ListenOptions() {}

  /**
   * Sets the port; 0 picks a free one. Node: {@code port}.
   *
   * @param port the port
   * @return these options
   */
  public ListenOptions port(int port) {
    this.port = port;
    this.portSet = true;
    given.put("port", port);
    return this;
  }

  /**
   * Sets the address to listen on. Node: {@code host}; without it, {@code ::} or {@code 0.0.0.0}.
   *
   * @param host an address or name
   * @return these options
   */
  public ListenOptions host(String host) {
    this.host = host;
    given.put("host", host);
    return this;
  }

  /**
   * Listens on a Unix-domain socket at {@code path} instead of TCP. Node: {@code path}.
   *
   * @param path the socket file
   * @return these options
   */
  public ListenOptions path(String path) {
    this.path = path;
    given.put("path", path);
    return this;
  }

  /**
   * Sets the accept queue length. Node: {@code backlog}, default 511.
   *
   * @param backlog the length
   * @return these options
   */
  public ListenOptions backlog(int backlog) {
    this.backlog = backlog;
    given.put("backlog", backlog);
    return this;
  }

  /**
   * With host {@code ::}, accepts IPv6 only. Node: {@code ipv6Only}.
   *
   * @param on whether to disable dual-stack
   * @return these options
   */
  public ListenOptions ipv6Only(boolean on) {
    this.ipv6Only = on;
    given.put("ipv6Only", on);
    return this;
  }

  /**
   * In Node's cluster, refuses to share the port with other workers. Node: {@code exclusive}.
   * With several loops, an exclusive server listens on its own loop only.
   *
   * @param on whether to listen exclusively
   * @return these options
   */
  public ListenOptions exclusive(boolean on) {
    this.exclusive = on;
    given.put("exclusive", on);
    return this;
  }

  /**
   * These options as Node's {@code util.inspect()} shows the object in an error message:
   * {@code { host: '127.0.0.1', backlog: 5 }} on one line when it fits in 80 columns, else one
   * property a line.
   */
  String inspect() {
    if (given.isEmpty()) {
      return "{}";
    }
    List<String> entries = new ArrayList<>(given.size());
    for (Map.Entry<String, Object> e : given.entrySet()) {
      Object v = e.getValue();
      String text = v == null ? "null" : v instanceof String str ? NodeInspect.string(str) : String.valueOf(v);
      entries.add(e.getKey() + ": " + text);
    }
    // inspect.js reduceToSingleString / isBelowBreakLength at depth 0: start is the entry
    // count + the brace + 10; the entries, plus one per entry, must fit in breakLength 80.
    int total = entries.size() + entries.size() + 1 + 10;
    boolean single = total + entries.size() <= 80;
    for (String entry : entries) {
      total += entry.length();
      single &= total <= 80;
    }
    if (single) {
      return "{ " + String.join(", ", entries) + " }";
    }
    return "{\n  " + String.join(",\n  ", entries) + "\n}";
  }
}
