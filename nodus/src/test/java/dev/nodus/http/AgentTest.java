package dev.nodus.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Nodus;
import dev.nodus.Process;
import dev.nodus.Timers;
import dev.nodus.net.Socket;
import dev.nodus.testing.JsLog;
import dev.nodus.testing.NodePeer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Agent pooling against Node's Agent: the same requests through {@code new Agent({keepAlive:
 * true, maxSockets: 2})} (queueing in {@code requests}, idle sockets in {@code freeSockets},
 * lifo reuse, a pooled socket the server closes leaving the pool quietly), a fifo Agent and a
 * non-keep-alive Agent with {@code maxSockets} 1; a raw Node server answers each request with
 * the number of its connection, so the log shows which connection served which request. Also
 * the global Agent's defaults and {@code getName}.
 */
@Timeout(60)
class AgentTest {
  static final String SERVER = String.join("\n",
      "const net = require('net'); let conns = 0;",
      "const srv = net.createServer((s) => { const id = ++conns; let buf = ''; s.on('error', () => {});",
      "  s.on('data', (d) => { buf += d.toString('latin1');",
      "    for (;;) { const i = buf.indexOf('\\r\\n\\r\\n'); if (i < 0) return; const head = buf.slice(0, i); buf = buf.slice(i + 4);",
      "      const body = 'c' + id;",
      "      s.write('HTTP/1.1 200 OK\\r\\nContent-Length: ' + body.length + '\\r\\n\\r\\n' + body);",
      "      if (head.startsWith('GET /bye')) setTimeout(() => s.end(), 20); } }); });",
      "srv.listen(0, '127.0.0.1', () => console.log(srv.address().port));");

  static final String NODE_CLIENT = String.join("\n",
      "const http = require('http'); const port = Number(process.argv[process.argv.length - 1]);",
      "const log = (...a) => console.log(a.join(' '));",
      "const counts = (m) => JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k.replace(':' + port + ':', ':PORT:'), v.length])));",
      "const show = (a, tag) => log(tag, 'sockets', counts(a.sockets), 'free', counts(a.freeSockets), 'requests', counts(a.requests), 'total', a.totalSocketCount);",
      "const g = http.globalAgent;",
      "log('global', g.keepAlive, g.keepAliveMsecs, g.maxSockets, g.maxFreeSockets, g.scheduling, g.options.timeout, g.maxTotalSockets);",
      "log('name', g.getName({ host: 'h', port: 1 }), g.getName({ host: 'h', port: 1, localAddress: '1.2.3.4', family: 6 }), g.getName({}));",
      "let round1 = [];",
      "function get(agent, path) { return new Promise((resolve) => {",
      "  const r = http.get({ host: '127.0.0.1', port, path, agent }, (res) => { let b = ''; res.on('data', (d) => b += d);",
      "    res.on('end', () => { if (round1) round1.push('end ' + path + ' ' + r.reusedSocket); else log('end', path, b, r.reusedSocket); }); });",
      "  r.on('close', () => { if (!round1) log('close', path); resolve(); }); r.on('error', (e) => log('error', path, e.code)); }); }",
      "const keep = setInterval(() => {}, 1000);",
      "(async () => {",
      "  const a = new http.Agent({ keepAlive: true, maxSockets: 2 });",
      "  const all = [1, 2, 3, 4, 5].map((i) => get(a, '/p' + i));",
      "  show(a, 'queued');",
      "  await Promise.all(all); round1.sort().forEach((l) => log(l)); round1 = null; await new Promise((r) => setImmediate(r));",
      "  show(a, 'idle');",
      "  await get(a, '/q1'); await new Promise((r) => setImmediate(r));",
      "  await get(a, '/q2'); await new Promise((r) => setImmediate(r));",
      "  show(a, 'after');",
      "  await get(a, '/bye'); await new Promise((r) => setImmediate(r));",
      "  show(a, 'bye');",
      "  const s = a.freeSockets[Object.keys(a.freeSockets)[0]];",
      "  await new Promise((r) => { const f = a.freeSockets['127.0.0.1:' + port + ':']; const last = f[f.length - 1]; last.on('close', () => setImmediate(r)); });",
      "  show(a, 'byeclosed');",
      "  await get(a, '/r1'); await new Promise((r) => setImmediate(r));",
      "  const f = new http.Agent({ keepAlive: true, maxSockets: 2, scheduling: 'fifo' });",
      "  await Promise.all([get(f, '/f1'), get(f, '/f2')]); await new Promise((r) => setImmediate(r));",
      "  await get(f, '/f3'); await new Promise((r) => setImmediate(r));",
      "  const n = new http.Agent({ keepAlive: false, maxSockets: 1 });",
      "  await Promise.all([get(n, '/n1'), get(n, '/n2')]); await new Promise((r) => setImmediate(r));",
      "  log('nokeep free', counts(n.freeSockets), 'requests', counts(n.requests));",
      "  a.destroy(); f.destroy(); n.destroy();",
      "  log('done'); process.exit(0);",
      "})();");

  private static String counts(Map<String, ? extends List<?>> m, int port) {
    List<String> parts = new ArrayList<>();
    m.forEach((k, v) -> parts.add("\"" + k.replace(":" + port + ":", ":PORT:") + "\":" + v.size()));
    return "{" + String.join(",", parts) + "}";
  }

  private static void show(JsLog log, Agent a, String tag, int port) {
    log.log(tag, "sockets", counts(a.sockets(), port), "free", counts(a.freeSockets(), port),
        "requests", counts(a.requests(), port), "total", a.totalSocketCount());
  }

  private static final class Client {
    final JsLog log;
    final int port;
    List<String> round1 = new ArrayList<>();

    Client(JsLog log, int port) {
      this.log = log;
      this.port = port;
    }

    void get(Agent agent, String path, Runnable resolve) {
      ClientRequest[] r = new ClientRequest[1];
      r[0] = Http.get(new RequestOptions().host("127.0.0.1").port(port).path(path).agent(agent),
          res -> {
            StringBuilder b = new StringBuilder();
            res.on(IncomingMessage.DATA, d -> b.append(d.toString("latin1")));
            res.on(IncomingMessage.END, () -> {
              if (round1 != null) {
                round1.add("end " + path + " " + r[0].reusedSocket());
              } else {
                log.log("end", path, b, r[0].reusedSocket());
              }
            });
          });
      r[0].on(ClientRequest.CLOSE, () -> {
        if (round1 == null) {
          log.log("close", path);
        }
        resolve.run();
      });
      r[0].on(ClientRequest.ERROR, e -> log.log("error", path, ClientRequestEventsTest.code(e)));
    }
  }

  private static void ours(JsLog log, int port, Runnable done) {
    Client c = new Client(log, port);
    // pooled sockets are unref'd (as Node's): keep the loop alive as the Node script does
    dev.nodus.Timeout keep = Timers.setInterval(() -> { }, 1000);
    Agent g = Http.globalAgent();
    log.log("global", g.keepAlive(), g.keepAliveMsecs(), g.maxSockets(), g.maxFreeSockets(),
        g.scheduling(), g.timeout(), g.maxTotalSockets());
    log.log("name", g.getName("h", 1, null, 0), g.getName("h", 1, "1.2.3.4", 6),
        g.getName(null, 0, null, 0));
    Agent a = new Agent(new Agent.Options().keepAlive(true).maxSockets(2));
    Agent f = new Agent(new Agent.Options().keepAlive(true).maxSockets(2).scheduling("fifo"));
    Agent n = new Agent(new Agent.Options().keepAlive(false).maxSockets(1));
    List<Consumer<Runnable>> steps = new ArrayList<>();
    steps.add(next -> {
      int[] left = {5};
      for (int i = 1; i <= 5; i++) {
        c.get(a, "/p" + i, () -> {
          if (--left[0] == 0) {
            Collections.sort(c.round1);
            c.round1.forEach(log::log);
            c.round1 = null;
            Timers.setImmediate(next);
          }
        });
      }
      show(log, a, "queued", port);
    });
    steps.add(next -> {
      show(log, a, "idle", port);
      c.get(a, "/q1", () -> Timers.setImmediate(next));
    });
    steps.add(next -> c.get(a, "/q2", () -> Timers.setImmediate(next)));
    steps.add(next -> {
      show(log, a, "after", port);
      c.get(a, "/bye", () -> Timers.setImmediate(next));
    });
    steps.add(next -> {
      show(log, a, "bye", port);
      List<Socket> free = a.freeSockets().get("127.0.0.1:" + port + ":");
      free.get(free.size() - 1).on(Socket.CLOSE, e -> Timers.setImmediate(next));
    });
    steps.add(next -> {
      show(log, a, "byeclosed", port);
      c.get(a, "/r1", () -> Timers.setImmediate(next));
    });
    steps.add(next -> {
      int[] left = {2};
      Runnable both = () -> {
        if (--left[0] == 0) {
          Timers.setImmediate(next);
        }
      };
      c.get(f, "/f1", both);
      c.get(f, "/f2", both);
    });
    steps.add(next -> c.get(f, "/f3", () -> Timers.setImmediate(next)));
    steps.add(next -> {
      int[] left = {2};
      Runnable both = () -> {
        if (--left[0] == 0) {
          Timers.setImmediate(next);
        }
      };
      c.get(n, "/n1", both);
      c.get(n, "/n2", both);
    });
    steps.add(next -> {
      // not sockets/totalSocketCount: when a destroyed socket's 'close' comes is net's timing
      log.log("nokeep free", counts(n.freeSockets(), port), "requests", counts(n.requests(), port));
      a.destroy();
      f.destroy();
      n.destroy();
      Timers.clearInterval(keep);
      log.log("done");
      done.run();
    });
    int[] i = {0};
    Runnable[] next = new Runnable[1];
    next[0] = () -> steps.get(i[0]++).accept(next[0]);
    next[0].run();
  }

  /** Connection numbers renamed in order of first appearance (which socket served first varies). */
  private static List<String> renumber(List<String> lines) {
    Map<String, String> names = new HashMap<>();
    Pattern p = Pattern.compile(" c(\\d+) ");
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      Matcher m = p.matcher(l);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        String id = names.computeIfAbsent(m.group(1), k -> "conn" + (char) ('A' + names.size()));
        m.appendReplacement(b, " " + id + " ");
      }
      m.appendTail(b);
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void poolsAsNodesAgent() throws Exception {
    Assumptions.assumeTrue(NodePeer.available(), "node is not installed");
    List<String> theirs = new ArrayList<>();
    try (NodePeer server = NodePeer.start(SERVER)) {
      String port = server.nextLine(20);
      try (NodePeer client = NodePeer.start(NODE_CLIENT, port)) {
        for (;;) {
          String l = client.nextLine(20);
          theirs.add(l);
          if (l.equals("done")) {
            break;
          }
        }
      }
    }
    JsLog log = new JsLog();
    try (NodePeer server = NodePeer.start(SERVER)) {
      int port = Integer.parseInt(server.nextLine(20));
      CompletableFuture<Void> done = new CompletableFuture<>();
      Process p = Nodus.start(() -> ours(log, port, () -> done.complete(null)));
      try {
        done.get(20, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        log.log("(timed out)");
      } finally {
        p.stop();
      }
    }
    assertThat(String.join("\n", renumber(log.lines)))
        .isEqualTo(String.join("\n", renumber(theirs)));
  }
}
