package dev.nodus.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.Nodus;
import dev.nodus.Process;
import dev.nodus.testing.NodePeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ServerResponse's API as Node's: the values of the header getters, and the errors (class,
 * code, message) of wrong calls: headers after they were sent, bad status codes, bad names and
 * values, a body that does not match a strict Content-Length, write after end. The same calls run
 * in a Node handler and in ours; the logs and the bytes the client got are compared.
 */
@Timeout(60)
class ServerResponseApiTest {
  static final String JS = String.join("\n",
      "const http = require('http');",
      "const log = (...a) => console.log(a.join(' '));",
      "const t = (name, f) => { try { const r = f(); log(name, 'ok', r === undefined ? '' : JSON.stringify(r)); }",
      "  catch (e) { log(name, e.name, e.code, e.message); } };",
      "const server = http.createServer((req, res) => {",
      "  if (req.url === '/strict') { res.strictContentLength = true; res.setHeader('Content-Length', 3);",
      "    t('strict write', () => res.write('ab')); t('strict over', () => res.write('cd'));",
      "    t('strict end', () => res.end()); t('strict end ok', () => { res.end('c'); return 1; });",
      "    res.on('finish', () => { log('finish'); server.close(); }); return; }",
      "  t('bad hints', () => res.writeEarlyHints({ link: 'bad' }));",
      "  t('bad hints type', () => res.writeEarlyHints({ link: 5 }));",
      "  t('bad name', () => res.setHeader('a b', 'x'));",
      "  t('bad value', () => res.setHeader('x', 'a\\nb'));",
      "  t('undefined value', () => res.setHeader('x', undefined));",
      "  t('set', () => { res.setHeader('X-One', '1'); res.setHeader('x-two', ['a', 'b']); res.setHeader('X-Num', 5); return 1; });",
      "  t('getHeader', () => res.getHeader('X-ONE'));",
      "  t('getHeader list', () => res.getHeader('x-two'));",
      "  t('getHeader num', () => res.getHeader('x-num'));",
      "  t('getHeader missing', () => res.getHeader('nope') === undefined);",
      "  t('getHeaderNames', () => res.getHeaderNames());",
      "  t('getRawHeaderNames', () => res.getRawHeaderNames());",
      "  t('hasHeader', () => [res.hasHeader('x-ONE'), res.hasHeader('nope')]);",
      "  t('append', () => { res.appendHeader('X-One', '2'); return res.getHeader('x-one'); });",
      "  t('remove', () => { res.removeHeader('X-NUM'); return res.getHeaderNames(); });",
      "  t('getHeaders', () => res.getHeaders());",
      "  t('statusCode', () => res.statusCode);",
      "  t('headersSent before', () => res.headersSent);",
      "  t('bad status', () => res.writeHead(99));",
      "  t('bad status 1000', () => res.writeHead(1000));",
      "  t('bad message', () => res.writeHead(200, 'a\\nb')); res.statusMessage = undefined;",
      "  t('writeHead', () => { res.writeHead(201, { 'X-Three': '3' }); return res.statusMessage; });",
      "  t('headersSent after', () => res.headersSent);",
      "  t('set after', () => { res.setHeader('y', '1'); return 1; });",
      "  t('remove after', () => res.removeHeader('y'));",
      "  t('append after', () => { res.appendHeader('y', '1'); return 1; });",
      "  t('writeHead again', () => res.writeHead(200));",
      "  t('null chunk', () => res.write(null));",
      "  t('number chunk', () => res.write(5));",
      "  res.on('error', (e) => log('res error', e.code, e.message));",
      "  t('end', () => { res.end('body'); return res.writableEnded; });",
      "  t('write after end', () => res.write('x', (e) => log('write cb', e && e.code)));",
      "  res.on('finish', () => log('finish', res.writableFinished));",
      "  res.on('close', () => log('close'));",
      "});",
      "server.listen(0, '127.0.0.1', () => log(server.address().port));");

  static final List<String> LOG = new CopyOnWriteArrayList<>();

  static void t(String name, java.util.function.Supplier<Object> f) {
    try {
      Object r = f.get();
      LOG.add(name + " ok " + (r == null ? "" : json(r)));
    } catch (NodeError e) {
      LOG.add(name + " " + e.name() + " " + e.code() + " " + e.getMessage());
    }
  }

  static String json(Object o) {
    if (o instanceof String s) {
      return "\"" + s + "\"";
    }
    if (o instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      l.forEach(x -> parts.add(json(x)));
      return "[" + String.join(",", parts) + "]";
    }
    if (o instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      m.forEach((k, v) -> parts.add(json(k) + ":" + json(v)));
      return "{" + String.join(",", parts) + "}";
    }
    return String.valueOf(o);
  }

  static void handle(Server server, IncomingMessage req, ServerResponse res) {
    if (req.url().equals("/strict")) {
      res.strictContentLength(true);
      res.setHeader("Content-Length", 3);
      t("strict write", () -> res.write("ab"));
      t("strict over", () -> res.write("cd"));
      t("strict end", () -> {
        res.end();
        return null;
      });
      t("strict end ok", () -> {
        res.end("c");
        return 1;
      });
      res.on(ServerResponse.FINISH, () -> {
        LOG.add("finish");
        server.close();
      });
      return;
    }
    t("bad hints", () -> {
      res.writeEarlyHints(Map.of("link", "bad"), null);
      return null;
    });
    t("bad hints type", () -> {
      res.writeEarlyHints(Map.of("link", 5), null);
      return null;
    });
    t("bad name", () -> res.setHeader("a b", "x"));
    t("bad value", () -> res.setHeader("x", "a\nb"));
    t("undefined value", () -> res.setHeader("x", null));
    t("set", () -> {
      res.setHeader("X-One", "1");
      res.setHeader("x-two", List.of("a", "b"));
      res.setHeader("X-Num", 5);
      return 1;
    });
    t("getHeader", () -> res.getHeader("X-ONE"));
    t("getHeader list", () -> res.getHeader("x-two"));
    t("getHeader num", () -> res.getHeader("x-num"));
    t("getHeader missing", () -> res.getHeader("nope") == null);
    t("getHeaderNames", res::getHeaderNames);
    t("getRawHeaderNames", res::getRawHeaderNames);
    t("hasHeader", () -> List.of(res.hasHeader("x-ONE"), res.hasHeader("nope")));
    t("append", () -> {
      res.appendHeader("X-One", "2");
      return res.getHeader("x-one");
    });
    t("remove", () -> {
      res.removeHeader("X-NUM");
      return res.getHeaderNames();
    });
    t("getHeaders", res::getHeaders);
    t("statusCode", res::statusCode);
    t("headersSent before", res::headersSent);
    t("bad status", () -> res.writeHead(99));
    t("bad status 1000", () -> res.writeHead(1000));
    t("bad message", () -> res.writeHead(200, "a\nb", null));
    res.statusMessage(null);
    t("writeHead", () -> {
      res.writeHead(201, Map.of("X-Three", "3"));
      return res.statusMessage();
    });
    t("headersSent after", res::headersSent);
    t("set after", () -> {
      res.setHeader("y", "1");
      return 1;
    });
    t("remove after", () -> {
      res.removeHeader("y");
      return null;
    });
    t("append after", () -> {
      res.appendHeader("y", "1");
      return 1;
    });
    t("writeHead again", () -> res.writeHead(200));
    t("null chunk", () -> res.write(null));
    t("number chunk", () -> res.write(5));
    res.on(ServerResponse.ERROR, e -> LOG.add("res error " + ((NodeError) e).code() + " " + e.getMessage()));
    t("end", () -> {
      res.end("body");
      return res.writableEnded();
    });
    t("write after end", () -> res.write("x", e -> LOG.add("write cb " + (e == null ? "null" : ((NodeError) e).code()))));
    res.on(ServerResponse.FINISH, () -> LOG.add("finish " + res.writableFinished()));
    res.on(ServerResponse.CLOSE, () -> LOG.add("close"));
  }

  @Test
  void sameValuesAndErrorsAsNode() throws Exception {
    Assumptions.assumeTrue(NodePeer.available(), "node is not installed");
    List<String> theirs = new ArrayList<>();
    String theirBytes;
    String theirStrict;
    try (NodePeer node = NodePeer.start(JS)) {
      int port = Integer.parseInt(node.nextLine(20));
      theirBytes = RawClient.exchange(port, 300, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      theirStrict = RawClient.exchange(port, 300, "GET /strict HTTP/1.1\r\nHost: x\r\n\r\n");
      node.waitFor(20);
      theirs.addAll(node.lines().subList(1, node.lines().size()));
    }
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Process p = Nodus.start(() -> {
      Server[] s = new Server[1];
      s[0] = Http.createServer((req, res) -> handle(s[0], req, res));
      s[0].listen(0, "127.0.0.1", () -> port.complete(s[0].address().port()));
    });
    String ourBytes = RawClient.exchange(port.get(20, TimeUnit.SECONDS), 300, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    String ourStrict = RawClient.exchange(port.get(), 300, "GET /strict HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(p.awaitExit(java.time.Duration.ofSeconds(20))).isTrue();
    assertThat(LOG).isEqualTo(theirs);
    assertThat(ourBytes).isEqualTo(theirBytes);
    assertThat(ourStrict).isEqualTo(theirStrict);
  }

  static final String REJECT_JS = String.join("\n",
      "const http = require('http');",
      "const log = (...a) => console.log(a.join(' '));",
      "const server = http.createServer({ rejectNonStandardBodyWrites: true }, (req, res) => {",
      "  if (req.url === '/204') res.statusCode = 204;",
      "  try { res.write('x'); log('write ok'); } catch (e) { log(e.name, e.code, e.message); }",
      "  try { res.end('y'); log('end ok'); } catch (e) { log(e.name, e.code, e.message); }",
      "  res.end(); log('done', res.headersSent);",
      "});",
      "server.listen(0, '127.0.0.1', () => log(server.address().port));");

  @Test
  void rejectNonStandardBodyWritesAsNode() throws Exception {
    Assumptions.assumeTrue(NodePeer.available(), "node is not installed");
    String[] requests = {"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n", "GET /204 HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\n\r\n"};
    List<String> theirs = new ArrayList<>();
    try (NodePeer node = NodePeer.start(REJECT_JS)) {
      int port = Integer.parseInt(node.nextLine(20));
      for (String r : requests) {
        theirs.add(RawClient.exchange(port, 300, r));
        for (int i = 0; i < 3; i++) {
          theirs.add(node.nextLine(20));
        }
      }
    }
    List<String> ours = new ArrayList<>();
    java.util.concurrent.BlockingQueue<String> log = new java.util.concurrent.LinkedBlockingQueue<>();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Process p = Nodus.start(() -> {
      Server s = Http.createServer(new ServerOptions().rejectNonStandardBodyWrites(true), (req, res) -> {
        if (req.url().equals("/204")) {
          res.statusCode(204);
        }
        try {
          res.write("x");
          log.add("write ok");
        } catch (NodeError e) {
          log.add(e.name() + " " + e.code() + " " + e.getMessage());
        }
        try {
          res.end("y");
          log.add("end ok");
        } catch (NodeError e) {
          log.add(e.name() + " " + e.code() + " " + e.getMessage());
        }
        res.end();
        log.add("done " + res.headersSent());
      });
      s.listen(0, "127.0.0.1", () -> port.complete(s.address().port()));
    });
    try {
      for (String r : requests) {
        ours.add(RawClient.exchange(port.get(20, TimeUnit.SECONDS), 300, r));
        for (int i = 0; i < 3; i++) {
          ours.add(log.poll(20, TimeUnit.SECONDS));
        }
      }
    } finally {
      p.stop();
    }
    assertThat(ours).isEqualTo(theirs);
  }

  @Test
  void uniqueHeadersAsNode() throws Exception {
    Assumptions.assumeTrue(NodePeer.available(), "node is not installed");
    String js = "const http = require('http');"
        + "const server = http.createServer({ uniqueHeaders: ['X-Multi'] }, (req, res) => {"
        + " res.setHeader('x-multi', ['a', 'b']); res.setHeader('X-Other', ['c', 'd']); res.end('z'); });"
        + "server.listen(0, '127.0.0.1', () => console.log(server.address().port));";
    String theirs;
    try (NodePeer node = NodePeer.start(js)) {
      theirs = RawClient.exchange(Integer.parseInt(node.nextLine(20)), 300, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Process p = Nodus.start(() -> {
      Server s = Http.createServer(new ServerOptions().uniqueHeaders(List.of("X-Multi")), (req, res) -> {
        res.setHeader("x-multi", List.of("a", "b"));
        res.setHeader("X-Other", List.of("c", "d"));
        res.end("z");
      });
      s.listen(0, "127.0.0.1", () -> port.complete(s.address().port()));
    });
    try {
      assertThat(RawClient.exchange(port.get(20, TimeUnit.SECONDS), 300, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
          .isEqualTo(theirs).contains("x-multi: a; b\r\n");
    } finally {
      p.stop();
    }
  }
}
