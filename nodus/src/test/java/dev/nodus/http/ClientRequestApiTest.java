package dev.nodus.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.Nodus;
import dev.nodus.Process;
import dev.nodus.testing.JsLog;
import dev.nodus.testing.NodePeer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The request's getters and header methods against Node's: properties, {@code getHeader},
 * {@code getHeaders}, {@code getHeaderNames}, {@code getRawHeaderNames}, {@code hasHeader},
 * {@code removeHeader}, header errors, {@code ERR_HTTP_HEADERS_SENT} after the first write,
 * {@code writableEnded}/{@code writableFinished} around {@code end}, and a write after the
 * request closed (no 'error': Node only calls the callback of a destroyed request).
 */
@Timeout(60)
class ClientRequestApiTest {
  static final String SERVER = "require('http').createServer((q, s) => { q.resume();"
      + " q.on('end', () => s.end('ok')); }).listen(0, '127.0.0.1', function () {"
      + " console.log(this.address().port); });";

  static final String NODE_CLIENT = String.join("\n",
      "const http = require('http'); const port = Number(process.argv[process.argv.length - 1]);",
      "const log = (...a) => console.log(a.join(' '));",
      "const r = http.request({ host: '127.0.0.1', port, path: '/hello?x=1', method: 'post', headers: { 'X-A': 1, 'x-b': ['1', '2'] } });",
      "log('props', r.method, r.path, r.host, r.protocol, r.reusedSocket, r.writableEnded, r.writableFinished, r.headersSent);",
      "log('get', r.getHeader('x-a'), JSON.stringify(r.getHeader('X-B')), r.getHeader('host'), r.getHeader('nope'));",
      "log('names', JSON.stringify(r.getHeaderNames()), JSON.stringify(r.getRawHeaderNames()), r.hasHeader('X-A'), r.hasHeader('y'));",
      "r.setHeader('Y', 'z'); r.removeHeader('x-a');",
      "log('headers', JSON.stringify(r.getHeaders()));",
      "try { r.setHeader('bad name', 'x'); } catch (e) { log('throw', e.code, e.message); }",
      "try { r.setHeader('ok', 'bad\\u0001'); } catch (e) { log('throw', e.code, e.message); }",
      "try { r.setHeader('ok', undefined); } catch (e) { log('throw', e.code, e.message); }",
      "r.write('abc');",
      "log('after write', r.headersSent, r.writableEnded);",
      "try { r.setHeader('late', '1'); } catch (e) { log('throw', e.code, e.message); }",
      "try { r.removeHeader('Y'); } catch (e) { log('throw', e.code, e.message); }",
      "r.end(() => log('end cb', r.writableEnded, r.writableFinished));",
      "log('after end', r.writableEnded, r.writableFinished);",
      "r.on('finish', () => log('finish', r.writableFinished));",
      "r.on('response', (res) => { res.resume(); res.on('end', () => { log('response end'); });",
      "  r.on('close', () => { log('close'); r.write('x', (e) => { log('write cb', e.code); setImmediate(() => log('done')); }); }); });",
      "r.on('error', (e) => { log('error', e.code, e.message); });");

  private static String js(Object v) {
    return v == null ? "" : v instanceof List ? ClientRequestEventsTest.json(v) : v.toString();
  }

  private static void ours(JsLog log, int port, Runnable done) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("X-A", 1);
    h.put("x-b", List.of("1", "2"));
    ClientRequest r = Http.request(new RequestOptions().host("127.0.0.1").port(port)
        .path("/hello?x=1").method("post").headers(h));
    log.log("props", r.method(), r.path(), r.host(), r.protocol(), r.reusedSocket(),
        r.writableEnded(), r.writableFinished(), r.headersSent());
    log.log("get", js(r.getHeader("x-a")), js(r.getHeader("X-B")), js(r.getHeader("host")),
        js(r.getHeader("nope")));
    log.log("names", ClientRequestEventsTest.json(r.getHeaderNames()),
        ClientRequestEventsTest.json(r.getRawHeaderNames()), r.hasHeader("X-A"),
        r.hasHeader("y"));
    r.setHeader("Y", "z");
    r.removeHeader("x-a");
    log.log("headers", ClientRequestEventsTest.json(r.getHeaders()));
    for (Runnable bad : List.<Runnable>of(() -> r.setHeader("bad name", "x"),
        () -> r.setHeader("ok", "bad\u0001"), () -> r.setHeader("ok", null))) {
      try {
        bad.run();
      } catch (NodeError e) {
        log.log("throw", e.code(), e.getMessage());
      }
    }
    r.write("abc");
    log.log("after write", r.headersSent(), r.writableEnded());
    for (Runnable bad : List.<Runnable>of(() -> r.setHeader("late", "1"),
        () -> r.removeHeader("Y"))) {
      try {
        bad.run();
      } catch (NodeError e) {
        log.log("throw", e.code(), e.getMessage());
      }
    }
    r.end(() -> log.log("end cb", r.writableEnded(), r.writableFinished()));
    log.log("after end", r.writableEnded(), r.writableFinished());
    r.on(ClientRequest.FINISH, () -> log.log("finish", r.writableFinished()));
    r.on(ClientRequest.RESPONSE, res -> {
      res.resume();
      res.on(IncomingMessage.END, () -> log.log("response end"));
      r.on(ClientRequest.CLOSE, () -> {
        log.log("close");
        r.write("x", e -> {
          log.log("write cb", ((NodeError) e).code());
          dev.nodus.Timers.setImmediate(() -> {
            log.log("done");
            done.run();
          });
        });
      });
    });
    r.on(ClientRequest.ERROR, e -> log.log("error", ClientRequestEventsTest.code(e),
        e.getMessage()));
  }

  @Test
  void gettersAndHeadersAsNode() throws Exception {
    Assumptions.assumeTrue(NodePeer.available(), "node is not installed");
    try (NodePeer server = NodePeer.start(SERVER)) {
      String port = server.nextLine(20);
      List<String> theirs = new ArrayList<>();
      try (NodePeer client = NodePeer.start(NODE_CLIENT, port)) {
        for (;;) {
          String l = client.nextLine(20);
          theirs.add(l);
          if (l.equals("done")) {
            break;
          }
        }
      }
      JsLog log = new JsLog();
      CompletableFuture<Void> done = new CompletableFuture<>();
      Process p = Nodus.start(() -> ours(log, Integer.parseInt(port), () -> done.complete(null)));
      try {
        done.get(20, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        log.log("(timed out)");
      } finally {
        p.stop();
      }
      assertThat(String.join("\n", log.lines)).isEqualTo(String.join("\n", theirs));
    }
  }

  /**
   * {@code socketPath}: the request goes over a Unix domain socket, with Node's Host header
   * ({@code localhost}) and pool name ({@code localhost:80::path}), recorded from Node:
   * {@code ["localhost:80::SOCK_PATH"]}, {@code localhost /x}, and the socket then free.
   */
  @Test
  void socketPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String path = dir.resolve("hc.sock").toString();
    JsLog log = new JsLog();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Process p = Nodus.start(() -> {
      Server s = Http.createServer((q, r) -> r.end(q.headers().get("host") + " " + q.url()));
      s.listen(path, () -> {
        Agent a = new Agent(new Agent.Options().keepAlive(true));
        ClientRequest q = Http.get(new RequestOptions().socketPath(path).path("/x").agent(a),
            res -> {
              StringBuilder b = new StringBuilder();
              res.on(IncomingMessage.DATA, d -> b.append(d.toString("latin1")));
              res.on(IncomingMessage.END, () -> {
                log.log(b, a.sockets().keySet());
                dev.nodus.Timers.setImmediate(() -> {
                  log.log(a.freeSockets().keySet());
                  a.destroy();
                  s.close();
                  done.complete(null);
                });
              });
            });
        q.on(ClientRequest.SOCKET, so -> log.log(a.sockets().keySet()));
      });
    });
    try {
      done.get(20, TimeUnit.SECONDS);
    } finally {
      p.stop();
    }
    String name = "localhost:80::" + path;
    assertThat(log.lines).containsExactly("[" + name + "]", "localhost /x [" + name + "]",
        "[" + name + "]");
  }
}
