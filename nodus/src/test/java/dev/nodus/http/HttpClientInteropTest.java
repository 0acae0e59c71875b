package dev.nodus.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Nodus;
import dev.nodus.Process;
import dev.nodus.testing.NodePeer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real clients against our server and against Node's, running the same handler ({@link
 * Routes}): Node's own {@code http} client (keep-alive reuse through an Agent, chunked upload,
 * trailers, 100-continue, HEAD, 304, upgrade and CONNECT with {@code head}) and curl. What each
 * client reports must be the same for both servers.
 */
@Timeout(120)
class HttpClientInteropTest {
  private static NodePeer nodeServer;
  private static Process nodus;
  private static int nodePort;
  private static int ourPort;

  static final String CLIENT = String.join("\n",
      "const http = require('http'); const net = require('net');",
      "const port = Number(process.argv[1]);",
      "const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });",
      "const show = (r) => { const h = Object.assign({}, r.headers); delete h.date;",
      "  return r.statusCode + ' ' + JSON.stringify(h) + ' ' + JSON.stringify(r.body) + ' trailers='",
      "    + JSON.stringify(r.trailers) + ' reused=' + r.reused; };",
      "function req(opts, body, waitContinue) { return new Promise((resolve, reject) => {",
      "  const r = http.request(Object.assign({ port, host: '127.0.0.1', agent }, opts), (res) => {",
      "    let d = ''; res.setEncoding('latin1'); res.on('data', (c) => d += c);",
      "    res.on('end', () => { res.body = d; res.reused = r.reusedSocket; resolve(res); }); });",
      "  r.on('error', reject);",
      "  const send = () => { for (const b of body || []) r.write(b); r.end(); };",
      "  if (waitContinue) { r.on('continue', () => { console.log('continue'); send(); }); r.flushHeaders(); } else send();",
      "}); }",
      "function tunnel(opts, event) { return new Promise((resolve, reject) => {",
      "  const r = http.request(Object.assign({ port, host: '127.0.0.1' }, opts));",
      "  r.on(event, (res, socket, head) => { let d = head.toString('latin1');",
      "    socket.on('data', (c) => { d += c.toString('latin1'); if (d.includes('pong')) { socket.destroy();",
      "      resolve(res.statusCode + ' ' + JSON.stringify(res.headers) + ' ' + JSON.stringify(d)); } });",
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
      "  console.log(show(await req({ path: '/body', method: 'POST', headers: { Expect: '100-continue', 'Content-Length': 3 } }, ['abc'], true)));",
      "  console.log(show(await req({ path: '/close' })));",
      "  console.log(show(await req({ path: '/hello' })));",
      "  console.log(await tunnel({ path: '/up', headers: { Connection: 'Upgrade', Upgrade: 'echo' } }, 'upgrade'));",
      "  console.log(await tunnel({ method: 'CONNECT', path: 'example.com:443' }, 'connect'));",
      "  agent.destroy(); console.log('done');",
      "})().catch((e) => { console.log('error ' + e.code + ' ' + e.message); });");

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(NodePeer.available(), "node is not installed: the interop tests need it");
    nodeServer = NodePeer.start(Routes.JS, "tunnels");
    nodePort = Integer.parseInt(nodeServer.nextLine(20));
    CompletableFuture<Integer> port = new CompletableFuture<>();
    nodus = Nodus.start(() -> {
      Server s = Http.createServer(Routes::handle);
      Routes.tunnels(s);
      s.listen(0, "127.0.0.1", () -> port.complete(s.address().port()));
    });
    ourPort = port.get(20, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    if (nodus != null) {
      nodus.stop();
    }
    if (nodeServer != null) {
      nodeServer.close();
    }
  }

  private static List<String> runClient(int port) throws Exception {
    try (NodePeer client = NodePeer.start(CLIENT, String.valueOf(port))) {
      List<String> lines = new ArrayList<>();
      for (;;) {
        String l = client.nextLine(20);
        lines.add(l.replace("127.0.0.1:" + port, "127.0.0.1:PORT"));
        if (l.equals("done") || l.startsWith("error ")) {
          return lines;
        }
      }
    }
  }

  @Test
  void nodeHttpClientSeesWhatNodeServerSends() throws Exception {
    List<String> theirs = runClient(nodePort);
    List<String> ours = runClient(ourPort);
    assertThat(theirs).last().isEqualTo("done");
    assertThat(ours).isEqualTo(theirs);
  }

  private static String curl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-S", "-i", "--max-time", "10"));
    cmd.addAll(List.of(args));
    java.lang.Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    p.waitFor(20, TimeUnit.SECONDS);
    return RawClient.mask(out) + " exit=" + p.exitValue();
  }

  private static boolean curlAvailable() {
    try {
      java.lang.Process p = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void curlSeesWhatItSeesFromNode() throws Exception {
    Assumptions.assumeTrue(curlAvailable(), "curl is not installed");
    List<String[]> runs = List.of(
        // keep-alive reuse: two URLs on one connection
        new String[] {"http://127.0.0.1:PORT/hello", "http://127.0.0.1:PORT/chunked"},
        new String[] {"-X", "POST", "-H", "Transfer-Encoding: chunked", "--data-binary", "0123456789",
            "http://127.0.0.1:PORT/headers"},
        new String[] {"-H", "Expect: 100-continue", "--data-binary", "abc", "http://127.0.0.1:PORT/body"},
        new String[] {"-I", "http://127.0.0.1:PORT/hello"},
        new String[] {"--http1.0", "http://127.0.0.1:PORT/chunked"},
        new String[] {"--raw", "http://127.0.0.1:PORT/trailers"},
        new String[] {"http://127.0.0.1:PORT/304"});
    for (String[] run : runs) {
      String[] ours = new String[run.length];
      String[] theirs = new String[run.length];
      for (int i = 0; i < run.length; i++) {
        ours[i] = run[i].replace("PORT", String.valueOf(ourPort));
        theirs[i] = run[i].replace("PORT", String.valueOf(nodePort));
      }
      assertThat(curl(ours).replace(String.valueOf(ourPort), "PORT"))
          .isEqualTo(curl(theirs).replace(String.valueOf(nodePort), "PORT"));
    }
  }
}
