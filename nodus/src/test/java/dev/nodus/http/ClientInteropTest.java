package dev.nodus.http;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our client against Node's {@code http} server and against ours (both running {@link Routes}),
 * compared with what Node's own client sees from Node's server: GET, chunked and Content-Length
 * uploads, trailers, HEAD, 204, 304, 103 'information', a body read until EOF, 100-continue, a
 * server that closes the connection, 'upgrade' and 'connect' with {@code head}, and keep-alive reuse through a {@code maxSockets: 1}
 * Agent ({@code reusedSocket}).
 */
@Timeout(60)
class ClientInteropTest {
  static final String CLIENT = String.join("\n",
      "const http = require('http'); const port = Number(process.argv[process.argv.length - 1]);",
      "const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });",
      "const show = (r) => { const h = Object.assign({}, r.headers); delete h.date;",
      "  return r.statusCode + ' ' + JSON.stringify(r.statusMessage) + ' ' + JSON.stringify(h) + ' '",
      "    + JSON.stringify(r.body) + ' trailers=' + JSON.stringify(r.trailers) + ' reused=' + r.reused; };",
      "function req(opts, body, waitContinue) { return new Promise((resolve, reject) => {",
      "  const r = http.request(Object.assign({ port, host: '127.0.0.1', agent }, opts), (res) => {",
      "    let d = ''; res.on('data', (c) => d += c.toString('latin1'));",
      "    res.on('end', () => { res.body = d; res.reused = r.reusedSocket; resolve(res); }); });",
      "  r.on('error', reject); r.on('information', (i) => console.log('information ' + i.statusCode + ' ' + JSON.stringify(i.headers)));",
      "  const send = () => { for (const b of body || []) r.write(b); r.end(); };",
      "  if (waitContinue) { r.on('continue', () => { console.log('continue'); send(); }); r.flushHeaders(); } else send();",
      "}); }",
      "function tunnel(opts, event) { return new Promise((resolve, reject) => {",
      "  const r = http.request(Object.assign({ port, host: '127.0.0.1' }, opts));",
      "  r.on(event, (res, socket, head) => { let d = head.toString('latin1');",
      "    socket.on('data', (c) => { d += c.toString('latin1'); if (d.includes('pong')) { socket.destroy();",
      "      resolve(event + ' ' + res.statusCode + ' ' + JSON.stringify(res.headers) + ' ' + JSON.stringify(d)); } });",
      "    socket.write('pong'); });",
      "  r.on('error', reject); r.end(); }); }",
      "(async () => {",
      "  console.log(show(await req({ path: '/hello' })));",
      "  console.log(show(await req({ path: '/chunked' })));",
      "  console.log(show(await req({ path: '/headers?x', method: 'POST' }, ['ab', 'cd'])));",
      "  console.log(show(await req({ path: '/body', method: 'POST', headers: { 'Content-Length': 4 } }, ['wxyz'])));",
      "  console.log(show(await req({ path: '/trailers' })));",
      "  console.log(show(await req({ path: '/hello', method: 'HEAD' })));",
      "  console.log(show(await req({ path: '/304' })));",
      "  console.log(show(await req({ path: '/204' })));",
      "  console.log(show(await req({ path: '/status' })));",
      "  console.log(show(await req({ path: '/hints' })));",
      "  console.log(show(await req({ path: '/body', method: 'POST', headers: { Expect: '100-continue', 'Content-Length': 3 } }, ['abc'], true)));",
      "  console.log(show(await req({ path: '/close' })));",
      "  console.log(show(await req({ path: '/hello' })));",
      "  console.log(show(await req({ path: '/no-framing' })));",
      "  console.log(show(await req({ path: '/hello' })));",
      "  console.log(await tunnel({ path: '/up', headers: { Connection: 'Upgrade', Upgrade: 'echo' } }, 'upgrade'));",
      "  console.log(await tunnel({ method: 'CONNECT', path: 'example.com:443' }, 'connect'));",
      "  agent.destroy(); console.log('done');",
      "})().catch((e) => { console.log('error ' + e.code + ' ' + e.message); });");

  private static String show(IncomingMessage r, String body, boolean reused) {
    Map<String, Object> h = new LinkedHashMap<>(r.headers());
    h.remove("date");
    return r.statusCode() + " " + ClientRequestEventsTest.json(r.statusMessage()) + " "
        + ClientRequestEventsTest.json(h) + " " + ClientRequestEventsTest.json(body)
        + " trailers=" + ClientRequestEventsTest.json(r.trailers()) + " reused=" + reused;
  }

  private static void ours(JsLog log, int port, Runnable done) {
    Agent agent = new Agent(new Agent.Options().keepAlive(true).maxSockets(1));
    List<Consumer<Runnable>> steps = new ArrayList<>();
    class Req {
      void run(RequestOptions o, List<String> body, boolean waitContinue, Runnable next) {
        ClientRequest[] r = new ClientRequest[1];
        r[0] = Http.request(o.host("127.0.0.1").port(port).agent(agent), res -> {
          StringBuilder d = new StringBuilder();
          res.on(IncomingMessage.DATA, c -> d.append(c.toString("latin1")));
          // as the Node script's await: the next request starts in a microtask after 'end'
          res.on(IncomingMessage.END, () -> dev.nodus.Timers.queueMicrotask(() -> {
            log.log(show(res, d.toString(), r[0].reusedSocket()));
            next.run();
          }));
        });
        r[0].on(ClientRequest.ERROR, e -> log.log("error " + ClientRequestEventsTest.code(e)
            + " " + e.getMessage()));
        r[0].on(ClientRequest.INFORMATION, i -> log.log("information " + i.statusCode() + " "
            + ClientRequestEventsTest.json(i.headers())));
        Runnable send = () -> {
          for (String b : body) {
            r[0].write(b);
          }
          r[0].end();
        };
        if (waitContinue) {
          r[0].on(ClientRequest.CONTINUE, () -> {
            log.log("continue");
            send.run();
          });
          r[0].flushHeaders();
        } else {
          send.run();
        }
      }
    }
    Req q = new Req();
    steps.add(n -> q.run(new RequestOptions().path("/hello"), List.of(), false, n));
    steps.add(n -> q.run(new RequestOptions().path("/chunked"), List.of(), false, n));
    steps.add(n -> q.run(new RequestOptions().path("/headers?x").method("POST"),
        List.of("ab", "cd"), false, n));
    steps.add(n -> q.run(new RequestOptions().path("/body").method("POST")
        .headers(Map.of("Content-Length", 4)), List.of("wxyz"), false, n));
    steps.add(n -> q.run(new RequestOptions().path("/trailers"), List.of(), false, n));
    steps.add(n -> q.run(new RequestOptions().path("/hello").method("HEAD"), List.of(), false, n));
    steps.add(n -> q.run(new RequestOptions().path("/304"), List.of(), false, n));
    steps.add(n -> q.run(new RequestOptions().path("/204"), List.of(), false, n));
    steps.add(n -> q.run(new RequestOptions().path("/status"), List.of(), false, n));
    steps.add(n -> q.run(new RequestOptions().path("/hints"), List.of(), false, n));
    Map<String, Object> expect = new LinkedHashMap<>();
    expect.put("Expect", "100-continue");
    expect.put("Content-Length", 3);
    steps.add(n -> q.run(new RequestOptions().path("/body").method("POST").headers(expect),
        List.of("abc"), true, n));
    steps.add(n -> q.run(new RequestOptions().path("/close"), List.of(), false, n));
    steps.add(n -> q.run(new RequestOptions().path("/hello"), List.of(), false, n));
    steps.add(n -> q.run(new RequestOptions().path("/no-framing"), List.of(), false, n));
    steps.add(n -> q.run(new RequestOptions().path("/hello"), List.of(), false, n));
    steps.add(n -> tunnel(log, port, new RequestOptions().path("/up")
        .headers(Map.of("Connection", "Upgrade", "Upgrade", "echo")), ClientRequest.UPGRADE, n));
    steps.add(n -> tunnel(log, port, new RequestOptions().method("CONNECT")
        .path("example.com:443"), ClientRequest.CONNECT, n));
    steps.add(n -> {
      agent.destroy();
      log.log("done");
      done.run();
    });
    int[] i = {0};
    Runnable[] next = new Runnable[1];
    next[0] = () -> steps.get(i[0]++).accept(next[0]);
    next[0].run();
  }

  private static void tunnel(JsLog log, int port, RequestOptions o,
      dev.nodus.events.Event3<IncomingMessage, dev.nodus.net.Socket, dev.nodus.buffer.Buffer> ev,
      Runnable next) {
    ClientRequest r = Http.request(o.host("127.0.0.1").port(port));
    String name = ev == ClientRequest.UPGRADE ? "upgrade" : "connect";
    r.on(ev, (res, socket, head) -> {
      StringBuilder d = new StringBuilder(head.toString("latin1"));
      socket.on(dev.nodus.net.Socket.DATA, c -> {
        d.append(c.toString("latin1"));
        if (d.indexOf("pong") >= 0) {
          socket.destroy();
          log.log(name + " " + res.statusCode() + " " + ClientRequestEventsTest.json(res.headers())
              + " " + ClientRequestEventsTest.json(d.toString()));
          next.run();
        }
      });
      socket.write("pong");
    });
    r.on(ClientRequest.ERROR, e -> log.log("error " + ClientRequestEventsTest.code(e)));
    r.end();
  }

  private static List<String> ourClient(int port) throws Exception {
    JsLog log = new JsLog();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Process p = Nodus.start(() -> ours(log, port, () -> done.complete(null)));
    try {
      done.get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      log.log("(timed out)");
    } finally {
      p.stop();
    }
    return norm(log.lines);
  }

  /** The /headers body echoes the Host header, whose port differs between the servers. */
  private static List<String> norm(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT"));
    }
    return out;
  }

  @Test
  void ourClientSeesWhatNodesClientSees() throws Exception {
    Assumptions.assumeTrue(NodePeer.available(), "node is not installed");
    List<String> theirs = new ArrayList<>();
    try (NodePeer server = NodePeer.start(Routes.JS, "tunnels")) {
      String port = server.nextLine(20);
      try (NodePeer client = NodePeer.start(CLIENT, port)) {
        for (;;) {
          String l = client.nextLine(20);
          theirs.add(l);
          if (l.equals("done") || l.startsWith("error ")) {
            break;
          }
        }
      }
      assertThat(theirs).last().isEqualTo("done");
      assertThat(String.join("\n", ourClient(Integer.parseInt(port))))
          .as("our client against Node's server").isEqualTo(String.join("\n", norm(theirs)));
    }
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Process server = Nodus.start(() -> {
      Server s = Http.createServer(Routes::handle);
      Routes.tunnels(s);
      s.listen(0, "127.0.0.1", () -> port.complete(s.address().port()));
    });
    try {
      assertThat(String.join("\n", ourClient(port.get(20, TimeUnit.SECONDS))))
          .as("our client against our server").isEqualTo(String.join("\n", norm(theirs)));
    } finally {
      server.stop();
    }
  }
}
