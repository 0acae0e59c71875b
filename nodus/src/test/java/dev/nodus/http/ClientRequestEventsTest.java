package dev.nodus.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.Nodus;
import dev.nodus.Process;
import dev.nodus.Timers;
import dev.nodus.testing.JsLog;
import dev.nodus.testing.NodePeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The events of one request, in order, against Node's client: the same raw Node server answers
 * both (normal, chunked with trailers, HEAD, 204, read-until-EOF, 100-continue, closed before a
 * response, a malformed status line, a reset mid-body, a refused connection, a timeout, a
 * request destroyed at once) and the synchronous errors of bad options.
 */
@Timeout(60)
class ClientRequestEventsTest {
  static final String SERVER = String.join("\n",
      "const net = require('net');",
      "const srv = net.createServer((s) => { let buf = ''; s.on('error', () => {});",
      "  s.on('data', (d) => { buf += d; if (!buf.includes('\\r\\n\\r\\n')) return; const path = buf.split(' ')[1]; buf = '';",
      "    switch (path) {",
      "      case '/ok': s.write('HTTP/1.1 200 OK\\r\\nContent-Length: 5\\r\\nX-Dup: a\\r\\nx-dup: b\\r\\nSet-Cookie: a\\r\\nSet-Cookie: b\\r\\n\\r\\nhello'); break;",
      "      case '/chunked': s.write('HTTP/1.1 201 Made It\\r\\nTransfer-Encoding: chunked\\r\\nTrailer: X-T\\r\\n\\r\\n3\\r\\nabc\\r\\n0\\r\\nX-T: tv\\r\\n\\r\\n'); break;",
      "      case '/close': s.destroy(); break;",
      "      case '/end': s.end(); break;",
      "      case '/bad': s.write('HTTP/1.1 2x0 OK\\r\\n\\r\\n'); break;",
      "      case '/reset': s.write('HTTP/1.1 200 OK\\r\\nContent-Length: 100\\r\\n\\r\\npartial', () => setTimeout(() => s.resetAndDestroy(), 50)); break;",
      "      case '/eof': s.end('HTTP/1.1 200 OK\\r\\n\\r\\nuntil-eof'); break;",
      "      case '/204': s.write('HTTP/1.1 204 No Content\\r\\n\\r\\n'); break;",
      "      case '/continue': s.write('HTTP/1.1 100 Continue\\r\\n\\r\\nHTTP/1.1 200 OK\\r\\nContent-Length: 0\\r\\n\\r\\n'); break;",
      "      case '/big': s.write('HTTP/1.1 200 OK\\r\\nX-Big: ' + 'a'.repeat(2000) + '\\r\\nContent-Length: 1\\r\\n\\r\\nb'); break;",
      "      default: break;",
      "    } }); });",
      "srv.listen(0, '127.0.0.1', () => console.log(srv.address().port));");

  static final String NODE_CLIENT = String.join("\n",
      "const http = require('http'); const [port, closed] = process.argv.slice(-2).map(Number);",
      "const log = (...a) => console.log(a.join(' '));",
      "function run(name, opts, body, after) { return new Promise((resolve) => {",
      "  log('--', name); let res = null; let reqClosed = false; let resClosed = false;",
      "  const maybe = () => { if (reqClosed && (!res || resClosed)) setImmediate(() => setImmediate(resolve)); };",
      "  let req;",
      "  try { req = http.request(Object.assign({ host: '127.0.0.1', port, agent: false }, opts)); }",
      "  catch (e) { log('throw', e.code, e.name, e.message); return resolve(); }",
      "  req.on('socket', () => log('req socket'));",
      "  req.on('finish', () => log('req finish'));",
      "  req.on('abort', () => log('req abort'));",
      "  req.on('continue', () => log('req continue'));",
      "  req.on('information', (i) => log('req information', i.statusCode));",
      "  req.on('timeout', () => { log('req timeout'); req.destroy(); });",
      "  req.on('response', (r) => { res = r;",
      "    log('req response', r.statusCode, JSON.stringify(r.statusMessage), JSON.stringify(r.headers), JSON.stringify(r.rawHeaders), r.httpVersion, req.reusedSocket);",
      "    r.on('data', (d) => log('res data', JSON.stringify(d.toString('latin1'))));",
      "    r.on('end', () => log('res end', r.complete, JSON.stringify(r.trailers), JSON.stringify(r.rawTrailers)));",
      "    r.on('aborted', () => log('res aborted'));",
      "    r.on('error', (e) => log('res error', e.code, e.message));",
      "    r.on('close', () => { log('res close', r.complete); resClosed = true; maybe(); }); });",
      "  req.on('error', (e) => log('req error', e.code, e.message));",
      "  req.on('close', () => { log('req close'); reqClosed = true; maybe(); });",
      "  if (after) after(req);",
      "  if (body !== undefined) req.end(body); else req.end();",
      "}); }",
      "(async () => {",
      "  await run('ok', { path: '/ok' });",
      "  await run('chunked', { path: '/chunked', method: 'POST' }, 'body');",
      "  await run('head', { path: '/ok', method: 'HEAD' });",
      "  await run('204', { path: '/204' });",
      "  await run('eof', { path: '/eof' });",
      "  await run('continue', { path: '/continue', method: 'PUT', headers: { Expect: '100-continue' } }, 'x');",
      "  await run('close', { path: '/close' });",
      "  await run('end', { path: '/end' });",
      "  await run('bad', { path: '/bad' });",
      "  await run('reset', { path: '/reset' });",
      "  await run('refused', { port: closed, path: '/' });",
      "  await run('timeout', { path: '/slow', timeout: 100 });",
      "  await run('destroy', { path: '/ok' }, undefined, (r) => r.destroy());",
      "  await run('bighead', { path: '/big', maxHeaderSize: 1000 });",
      "  await run('abort', { path: '/slow' }, undefined, (r) => r.on('finish', () => setImmediate(() => r.abort())));",
      "  await run('abortnow', { path: '/ok' }, undefined, (r) => r.abort());",
      "  await run('badname', { path: '/', headers: { 'a b': '1' } });",
      "  await run('badvalue', { path: '/', headers: { a: 'x\\ny' } });",
      "  await run('badpath', { path: '/a b' });",
      "  await run('badproto', { path: '/', protocol: 'https:' });",
      "  await run('badmethod', { path: '/', method: 'G T' });",
      "  log('done'); process.exit(0);",
      "})();");

  private static final class Run {
    final JsLog log;
    final int port;
    IncomingMessage res;
    boolean reqClosed;
    boolean resClosed;
    Runnable resolve;

    Run(JsLog log, int port) {
      this.log = log;
      this.port = port;
    }

    void maybe() {
      if (reqClosed && (res == null || resClosed)) {
        Runnable r = resolve;
        resolve = null;
        if (r != null) {
          Timers.setImmediate(() -> Timers.setImmediate(r));
        }
      }
    }

    void run(String name, RequestOptions opts, Object body, Consumer<ClientRequest> after,
        Runnable next) {
      log.log("--", name);
      res = null;
      reqClosed = false;
      resClosed = false;
      resolve = next;
      ClientRequest req;
      try {
        RequestOptions o = new RequestOptions().host("127.0.0.1").port(port).noAgent();
        o = merge(o, opts);
        req = Http.request(o);
      } catch (NodeError e) {
        log.log("throw", e.code(), e.name(), e.getMessage());
        resolve = null;
        next.run();
        return;
      }
      ClientRequest r0 = req;
      req.on(ClientRequest.SOCKET, s -> log.log("req socket"));
      req.on(ClientRequest.FINISH, () -> log.log("req finish"));
      req.on(ClientRequest.ABORT, () -> log.log("req abort"));
      req.on(ClientRequest.CONTINUE, () -> log.log("req continue"));
      req.on(ClientRequest.INFORMATION, i -> log.log("req information", i.statusCode()));
      req.on(ClientRequest.TIMEOUT, () -> {
        log.log("req timeout");
        r0.destroy();
      });
      req.on(ClientRequest.RESPONSE, r -> {
        res = r;
        log.log("req response", r.statusCode(), json(r.statusMessage()), json(r.headers()),
            json(r.rawHeaders()), r.httpVersion(), r0.reusedSocket());
        r.on(IncomingMessage.DATA, d -> log.log("res data", json(d.toString("latin1"))));
        r.on(IncomingMessage.END, () -> log.log("res end", r.complete(), json(r.trailers()),
            json(r.rawTrailers())));
        r.on(IncomingMessage.ABORTED, () -> log.log("res aborted"));
        r.on(IncomingMessage.ERROR, e -> log.log("res error", code(e), e.getMessage()));
        r.on(IncomingMessage.CLOSE, () -> {
          log.log("res close", r.complete());
          resClosed = true;
          maybe();
        });
      });
      req.on(ClientRequest.ERROR, e -> log.log("req error", code(e), e.getMessage()));
      req.on(ClientRequest.CLOSE, () -> {
        log.log("req close");
        reqClosed = true;
        maybe();
      });
      if (after != null) {
        after.accept(req);
      }
      if (body != null) {
        req.end(body);
      } else {
        req.end();
      }
    }
  }

  private static RequestOptions merge(RequestOptions base, RequestOptions over) {
    RequestOptions o = base.copy();
    if (over.port != null) {
      o.port = over.port;
    }
    o.path = over.path;
    o.method = over.method;
    o.headers = over.headers;
    o.protocol = over.protocol;
    o.timeout = over.timeout;
    o.maxHeaderSize = over.maxHeaderSize;
    return o;
  }

  static String code(Throwable e) {
    return e instanceof NodeError n ? n.code() : String.valueOf(e);
  }

  /** JSON.stringify of strings, numbers, booleans, lists and maps. */
  static String json(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          default -> b.append(c);
        }
      }
      return b.append('"').toString();
    }
    if (v instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      m.forEach((k, x) -> parts.add(json(k) + ":" + json(x)));
      return "{" + String.join(",", parts) + "}";
    }
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      l.forEach(x -> parts.add(json(x)));
      return "[" + String.join(",", parts) + "]";
    }
    return String.valueOf(v);
  }

  private static void ours(JsLog log, int port, int closed, Runnable done) {
    Run r = new Run(log, port);
    List<Consumer<Runnable>> steps = new ArrayList<>();
    steps.add(n -> r.run("ok", new RequestOptions().path("/ok"), null, null, n));
    steps.add(n -> r.run("chunked", new RequestOptions().path("/chunked").method("POST"), "body",
        null, n));
    steps.add(n -> r.run("head", new RequestOptions().path("/ok").method("HEAD"), null, null, n));
    steps.add(n -> r.run("204", new RequestOptions().path("/204"), null, null, n));
    steps.add(n -> r.run("eof", new RequestOptions().path("/eof"), null, null, n));
    steps.add(n -> r.run("continue", new RequestOptions().path("/continue").method("PUT")
        .headers(Map.of("Expect", "100-continue")), "x", null, n));
    steps.add(n -> r.run("close", new RequestOptions().path("/close"), null, null, n));
    steps.add(n -> r.run("end", new RequestOptions().path("/end"), null, null, n));
    steps.add(n -> r.run("bad", new RequestOptions().path("/bad"), null, null, n));
    steps.add(n -> r.run("reset", new RequestOptions().path("/reset"), null, null, n));
    steps.add(n -> r.run("refused", new RequestOptions().port(closed).path("/"), null, null, n));
    steps.add(n -> r.run("timeout", new RequestOptions().path("/slow").timeout(100), null, null,
        n));
    steps.add(n -> r.run("destroy", new RequestOptions().path("/ok"), null, ClientRequest::destroy,
        n));
    steps.add(n -> r.run("bighead", new RequestOptions().path("/big").maxHeaderSize(1000), null,
        null, n));
    steps.add(n -> r.run("abort", new RequestOptions().path("/slow"), null,
        q -> q.on(ClientRequest.FINISH, () -> Timers.setImmediate(q::abort)), n));
    steps.add(n -> r.run("abortnow", new RequestOptions().path("/ok"), null, ClientRequest::abort,
        n));
    steps.add(n -> r.run("badname", new RequestOptions().path("/").headers(Map.of("a b", "1")),
        null, null, n));
    steps.add(n -> r.run("badvalue", new RequestOptions().path("/").headers(Map.of("a", "x\ny")),
        null, null, n));
    steps.add(n -> r.run("badpath", new RequestOptions().path("/a b"), null, null, n));
    steps.add(n -> r.run("badproto", new RequestOptions().path("/").protocol("https:"), null,
        null, n));
    steps.add(n -> r.run("badmethod", new RequestOptions().path("/").method("G T"), null, null,
        n));
    int[] i = {0};
    Runnable[] next = new Runnable[1];
    next[0] = () -> {
      if (i[0] == steps.size()) {
        log.log("done");
        done.run();
        return;
      }
      steps.get(i[0]++).accept(next[0]);
    };
    next[0].run();
  }

  private static int closedPort() throws Exception {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Test
  void eventsInNodesOrder() throws Exception {
    Assumptions.assumeTrue(NodePeer.available(), "node is not installed");
    try (NodePeer server = NodePeer.start(SERVER)) {
      String port = server.nextLine(20);
      int closed = closedPort();
      List<String> theirs = new ArrayList<>();
      try (NodePeer client = NodePeer.start(NODE_CLIENT, port, String.valueOf(closed))) {
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
      Process p = Nodus.start(() -> ours(log, Integer.parseInt(port), closed,
          () -> done.complete(null)));
      try {
        done.get(20, TimeUnit.SECONDS);
      } finally {
        p.stop();
        assertThat(String.join("\n", log.lines).replace(":" + closed, ":CLOSED"))
            .isEqualTo(String.join("\n", theirs).replace(":" + closed, ":CLOSED"));
      }
    }
  }
}
