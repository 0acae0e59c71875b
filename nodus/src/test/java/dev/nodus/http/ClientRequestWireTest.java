package dev.nodus.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Nodus;
import dev.nodus.Process;
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
 * The bytes our client sends, byte for byte against Node's {@code http} client: a raw Node
 * {@code net} server records every request (with the connection it came on) for the same
 * sequence of requests from Node's client and from ours.
 */
@Timeout(60)
class ClientRequestWireTest {
  /** Records each complete request as JSON, answers 200 "ok" with keep-alive. */
  static final String CAPTURE = String.join("\n",
      "const net = require('net'); let conns = 0;",
      "const srv = net.createServer((s) => { const id = ++conns; let buf = '';",
      "  s.on('data', (d) => { buf += d.toString('latin1');",
      "    for (;;) { const i = buf.indexOf('\\r\\n\\r\\n'); if (i < 0) return;",
      "      const head = buf.slice(0, i + 4); let n = i + 4;",
      "      const cl = /\\r\\ncontent-length: *(\\d+)/i.exec(head);",
      "      if (/\\r\\ntransfer-encoding: *chunked/i.test(head)) { const e = buf.indexOf('0\\r\\n\\r\\n', n);",
      "        if (e < 0) return; n = e + 5; } else if (cl) { n += Number(cl[1]); if (buf.length < n) return; }",
      "      console.log('conn' + id + ' ' + JSON.stringify(buf.slice(0, n))); buf = buf.slice(n);",
      "      s.write(/^HEAD/.test(head) ? 'HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\n'",
      "        : 'HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok'); } }); });",
      "srv.listen(0, '127.0.0.1', () => console.log(srv.address().port));");

  /** Node's client: the same requests as {@link #ours}, one after the other. */
  static final String NODE_CLIENT = String.join("\n",
      "const http = require('http'); const port = Number(process.argv[1]);",
      "const base = { host: '127.0.0.1', port };",
      "const steps = [",
      "  (cb) => http.get(Object.assign({ path: '/a' }, base), cb),",
      "  (cb) => http.request(Object.assign({ path: '/b', method: 'POST', headers: { 'X-A': '1' }, agent: false }, base), cb).end('hello'),",
      "  (cb) => { const r = http.request(Object.assign({ path: '/c', method: 'post' }, base), cb); r.write('ab'); r.end('cd'); },",
      "  (cb) => http.request(Object.assign({ path: '/d', method: 'PUT', auth: 'u:p' }, base), cb).end(),",
      "  (cb) => { const r = http.request(Object.assign({ path: '/e', method: 'POST', headers: { 'content-length': 3 } }, base), cb); r.write('abc'); r.end(); },",
      "  (cb) => http.request(Object.assign({ path: '/g', method: 'DELETE' }, base), cb).end(),",
      "  (cb) => http.request(Object.assign({ path: '/raw', headers: ['X-Raw', '1', 'Host', 'h'] }, base), cb).end(),",
      "  (cb) => http.request(Object.assign({ path: '/list', headers: { Cookie: ['a=1', 'b=2'], 'X-List': ['1', '2'] } }, base), cb).end(),",
      "  (cb) => http.request(Object.assign({ path: '/nohost', method: 'POST', setHost: false }, base), cb).end('x'),",
      "  (cb) => http.get('http://u%20x:p@127.0.0.1:' + port + '/url?q=1', cb),",
      "  (cb) => http.request(Object.assign({ path: '/head', method: 'HEAD' }, base), cb).end(),",
      "  (cb) => { const r = http.request(Object.assign({ path: '/flush', method: 'POST' }, base), cb); r.flushHeaders(); r.end(); },",
      "  (cb) => { const r = http.request(Object.assign({ path: '/conn', headers: { Connection: 'close' } }, base), cb); r.end(); },",
      "  (cb) => http.request(Object.assign({ path: '/getbody' }, base), cb).end('zz'),",
      "  (cb) => { const r = http.request(Object.assign({ path: '/te', method: 'PATCH', headers: { 'Transfer-Encoding': 'chunked' } }, base), cb); r.end('q'); },",
      "];",
      "let i = 0; const next = () => { if (i === steps.length) { console.log('done'); process.exit(0); }",
      "  steps[i++]((res) => { res.resume(); res.on('end', () => setImmediate(next)); }); };",
      "next();");

  private static void ours(int port, Runnable done) {
    RequestOptions base = new RequestOptions().host("127.0.0.1").port(port);
    List<Consumer<Consumer<IncomingMessage>>> steps = new ArrayList<>();
    steps.add(cb -> Http.get(base.copy().path("/a"), cb));
    steps.add(cb -> Http.request(base.copy().path("/b").method("POST")
        .headers(Map.of("X-A", "1")).noAgent(), cb).end("hello"));
    steps.add(cb -> {
      ClientRequest r = Http.request(base.copy().path("/c").method("post"), cb);
      r.write("ab");
      r.end("cd");
    });
    steps.add(cb -> Http.request(base.copy().path("/d").method("PUT").auth("u:p"), cb).end());
    steps.add(cb -> {
      ClientRequest r = Http.request(base.copy().path("/e").method("POST")
          .headers(Map.of("content-length", 3)), cb);
      r.write("abc");
      r.end();
    });
    steps.add(cb -> Http.request(base.copy().path("/g").method("DELETE"), cb).end());
    steps.add(cb -> Http.request(base.copy().path("/raw")
        .rawHeaders(List.of("X-Raw", "1", "Host", "h")), cb).end());
    steps.add(cb -> {
      Map<String, Object> h = new java.util.LinkedHashMap<>();
      h.put("Cookie", List.of("a=1", "b=2"));
      h.put("X-List", List.of("1", "2"));
      Http.request(base.copy().path("/list").headers(h), cb).end();
    });
    steps.add(cb -> Http.request(base.copy().path("/nohost").method("POST").setHost(false), cb)
        .end("x"));
    steps.add(cb -> Http.get("http://u%20x:p@127.0.0.1:" + port + "/url?q=1", cb));
    steps.add(cb -> Http.request(base.copy().path("/head").method("HEAD"), cb).end());
    steps.add(cb -> {
      ClientRequest r = Http.request(base.copy().path("/flush").method("POST"), cb);
      r.flushHeaders();
      r.end();
    });
    steps.add(cb -> Http.request(base.copy().path("/conn")
        .headers(Map.of("Connection", "close")), cb).end());
    steps.add(cb -> Http.request(base.copy().path("/getbody"), cb).end("zz"));
    steps.add(cb -> Http.request(base.copy().path("/te").method("PATCH")
        .headers(Map.of("Transfer-Encoding", "chunked")), cb).end("q"));
    int[] i = {0};
    Runnable[] next = new Runnable[1];
    next[0] = () -> {
      if (i[0] == steps.size()) {
        done.run();
        return;
      }
      steps.get(i[0]++).accept(res -> {
        res.resume();
        res.on(IncomingMessage.END, () -> dev.nodus.Timers.setImmediate(next[0]));
      });
    };
    next[0].run();
  }

  private static List<String> capture(NodePeer server, int count) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      lines.add(server.nextLine(20));
    }
    return lines;
  }

  @Test
  void requestBytesAreNodes() throws Exception {
    Assumptions.assumeTrue(NodePeer.available(), "node is not installed");
    List<String> theirs;
    try (NodePeer server = NodePeer.start(CAPTURE)) {
      String port = server.nextLine(20);
      try (NodePeer client = NodePeer.start(NODE_CLIENT, port)) {
        theirs = capture(server, 15);
        assertThat(client.nextLine(20)).isEqualTo("done");
      }
    }
    List<String> mine;
    try (NodePeer server = NodePeer.start(CAPTURE)) {
      int port = Integer.parseInt(server.nextLine(20));
      CompletableFuture<Void> done = new CompletableFuture<>();
      Process p = Nodus.start(() -> ours(port, () -> done.complete(null)));
      try {
        mine = capture(server, 15);
        done.get(20, TimeUnit.SECONDS);
      } finally {
        p.stop();
      }
    }
    // the ports differ between the two runs
    assertThat(normalize(mine)).containsExactlyElementsOf(normalize(theirs));
  }

  private static List<String> normalize(List<String> l) {
    List<String> out = new ArrayList<>();
    for (String s : l) {
      out.add(s.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT"));
    }
    return out;
  }
}
