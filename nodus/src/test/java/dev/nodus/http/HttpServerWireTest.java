package dev.nodus.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Nodus;
import dev.nodus.Process;
import dev.nodus.testing.NodePeer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same request handler ({@link Routes}) on our server and on Node's {@code http}, the same
 * raw requests to both from plain JDK sockets, and every byte of the answers compared (the
 * {@code Date} value masked): status lines, header order and case, Date/Connection/Keep-Alive,
 * Content-Length versus chunked, HEAD/204/304, HTTP/1.0, pipelining, 100-continue, duplicate
 * request headers, trailers, and whether and how the connection ends.
 */
@Timeout(120)
class HttpServerWireTest {
  private static NodePeer node;
  private static Process nodus;
  private static int nodePort;
  private static int ourPort;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(NodePeer.available(), "node is not installed: the wire comparison needs it");
    node = NodePeer.start(Routes.JS);
    nodePort = Integer.parseInt(node.nextLine(20));
    CompletableFuture<Integer> port = new CompletableFuture<>();
    nodus = Nodus.start(() -> {
      Server s = Http.createServer(Routes::handle);
      s.listen(0, "127.0.0.1", () -> port.complete(s.address().port()));
    });
    ourPort = port.get(20, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    if (nodus != null) {
      nodus.stop();
    }
    if (node != null) {
      node.close();
    }
  }

  static final String H = "Host: x\r\n";

  static List<String[]> cases() {
    List<String[]> c = new ArrayList<>();
    for (String path : List.of("/hello", "/order", "/remove", "/chunked", "/empty-write", "/status",
        "/204", "/304", "/204-chunked", "/cl", "/close", "/te", "/trailers", "/merge", "/array",
        "/append", "/cookie", "/keepalive", "/buffer", "/flush", "/no-cl", "/no-framing",
        "/no-connection", "/hints", "/other?q=1")) {
      c.add(new String[] {"GET " + path + " HTTP/1.1\r\n" + H + "\r\n"});
      if (!path.equals("/trailers")) { // Node throws ERR_HTTP_TRAILER_INVALID without chunking
        c.add(new String[] {"HEAD " + path + " HTTP/1.1\r\n" + H + "\r\n"});
        c.add(new String[] {"GET " + path + " HTTP/1.0\r\n\r\n"});
      }
    }
    for (String path : List.of("/hello", "/chunked", "/te", "/close")) {
      c.add(new String[] {"GET " + path + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"});
      c.add(new String[] {"GET " + path + " HTTP/1.0\r\nTE: chunked\r\n\r\n"});
      c.add(new String[] {"GET " + path + " HTTP/1.1\r\n" + H + "Connection: close\r\n\r\n"});
    }
    // duplicate and mixed-case request headers, Node's joining rules
    c.add(new String[] {"GET /headers HTTP/1.1\r\nHost: a\r\nhost: b\r\nCookie: x=1\r\ncookie: y=2\r\n"
        + "Set-Cookie: s=1\r\nSET-COOKIE: s=2\r\nX-Dup: 1\r\nx-dup: 2\r\nContent-Type: a\r\n"
        + "content-type: b\r\nAccept: a\r\naccept: b\r\nUser-Agent: u1\r\nUser-Agent: u2\r\n"
        + "Authorization: a1\r\nauthorization: a2\r\nX-Empty:\r\nX-Space:   v  \r\n\r\n"});
    c.add(new String[] {"POST /headers HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n"
        + "3\r\nabc\r\n0\r\nX-T: 1\r\nx-t: 2\r\nSet-Cookie: t\r\n\r\n"});
    c.add(new String[] {"POST /body HTTP/1.1\r\n" + H + "Content-Length: 5\r\n\r\nhello"});
    // pipelining: answered in order even when the first answer comes last
    c.add(new String[] {"GET /delay/80 HTTP/1.1\r\n" + H + "\r\nGET /delay/0 HTTP/1.1\r\n" + H
        + "\r\nGET /hello HTTP/1.1\r\n" + H + "\r\n"});
    c.add(new String[] {"GET /delay/30 HTTP/1.1\r\n" + H + "\r\nGET /close HTTP/1.1\r\n" + H
        + "\r\nGET /hello HTTP/1.1\r\n" + H + "\r\n"});
    c.add(new String[] {"GET /a HTTP/1.1\r\n" + H + "\r\n", "<sleep 50>", "GET /b HTTP/1.1\r\n" + H + "\r\n"});
    c.add(new String[] {"GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "<sleep 50>",
        "GET /b HTTP/1.0\r\n\r\n"});
    // 100-continue, automatic; an unknown expectation
    c.add(new String[] {"POST /body HTTP/1.1\r\n" + H + "Expect: 100-continue\r\nContent-Length: 3\r\n\r\n",
        "<sleep 50>", "abc"});
    c.add(new String[] {"POST /body HTTP/1.1\r\n" + H + "Expect: something\r\nContent-Length: 3\r\n\r\nabc"});
    // missing Host, malformed, oversized, upgrade without listener, CONNECT without listener
    c.add(new String[] {"GET / HTTP/1.1\r\n\r\n"});
    c.add(new String[] {"GET / HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n"});
    c.add(new String[] {"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(17000) + "\r\n\r\n"});
    c.add(new String[] {"GET / HTTP/1.1\r\n" + H + "Connection: Upgrade\r\nUpgrade: foo\r\n\r\nrest"});
    c.add(new String[] {"CONNECT x:443 HTTP/1.1\r\n" + H + "\r\n"});
    // hostile and malformed input, beyond the conformance sample
    for (String raw : List.of(
        "POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
        "POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        "POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
        "POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\n\r\nabc",
        "POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc",
        "POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
        "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n",
        "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity, chunked\r\n\r\n0\r\n\r\n",
        "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n",
        "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n",
        "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding:\tchunked\r\n\r\n0\r\n\r\n",
        "POST /body HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n",
        "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n",
        "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n",
        "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2 \r\nab\r\n0\r\n\r\n",
        "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;a=b;c\r\nab\r\n0\r\n\r\n",
        "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;" + "e".repeat(17000) + "\r\nab\r\n0\r\n\r\n",
        "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n0\r\n\r\n",
        "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\nab\n0\n\n",
        "GET / HTTP/1.1\nHost: x\n\n",
        "GET / HTTP/1.1\r\nHost: x\rX: y\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX-Fold: a\r\n b\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX-Nul: a\u0000b\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX-Del: a\u007fb\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX-Latin: caf\u00e9\r\n\r\n",
        "G@T / HTTP/1.1\r\nHost: x\r\n\r\n",
        "get / HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET  / HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.2\r\nHost: x\r\n\r\n",
        "GET / HTTP/2.0\r\nHost: x\r\n\r\n",
        "GET / HTTP/0.9\r\n\r\n",
        "GET /\r\n\r\n",
        "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET http://example.com/x?y HTTP/1.1\r\nHost: x\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
        "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        "\r\n\r\nGET /lead HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: x\r\n\r\ngarbage\r\n\r\n",
        "GET /" + "u".repeat(17000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\n" + "X-M: 1\r\n".repeat(1200) + "\r\n",
        "GET /headers HTTP/1.1\r\nHost: x\r\n" + "X-M: 1\r\n".repeat(1100) + "\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Upgrade\r\nUpgrade: h2c\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nExpect: 100-Continue\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue, foo\r\n\r\n",
        "GET / HTTP/1.1\r\nHost:\r\n\r\n",
        "GET / HTTP/1.1\r\nhost: a\r\nHOST: b\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.0\r\n\r\nGET /after HTTP/1.0\r\n\r\n")) {
      c.add(new String[] {raw});
    }
    // answered before the body is read: the body is dumped and the next request still parsed
    c.add(new String[] {"POST /early HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET /hello HTTP/1.1\r\nHost: x\r\n\r\n"});
    c.add(new String[] {"POST /early HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhe", "<sleep 50>",
        "lloGET /hello HTTP/1.1\r\nHost: x\r\n\r\n"});
    c.add(new String[] {"POST /early HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
        + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"});
    c.add(new String[] {"POST /early-pause HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhe", "<sleep 50>",
        "lloGET /hello HTTP/1.1\r\nHost: x\r\n\r\n"});
    // the same bytes in pieces
    c.add(new String[] {"GE", "<sleep 20>", "T /hel", "<sleep 20>", "lo HTTP/1.1\r\nHo", "<sleep 20>", "st: x\r\n\r", "<sleep 20>", "\n"});
    c.add(new String[] {"POST /headers HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r", "<sleep 20>",
        "\nabc\r\n", "<sleep 20>", "0\r\nX-T", "<sleep 20>", ": 1\r\n\r\n"});
    c.add(new String[] {"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(10000), "<sleep 20>", "a".repeat(7000) + "\r\n\r\n"});
    c.add(new String[] {"GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n", "<sleep 20>", "Bad\u0001: 2\r\n\r\n"});
    c.add(new String[] {"GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HT", "<sleep 20>", "TP/1.1\r\nHost: x\r\n\r\n"});
    c.add(new String[] {"POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", "<shut>"});
    c.add(new String[] {"GET / HTTP/1.1\r\nHost: x\r\nX-Partial: y", "<shut>"});
    c.add(new String[] {"GET /hello HTTP/1.1\r\n" + H + "\r\n", "<shut>"});
    c.add(new String[] {"GET /delay/50 HTTP/1.1\r\n" + H + "\r\n", "<shut>"});
    return c;
  }

  @Test
  void sameBytesAsNode() throws Exception {
    List<String[]> cases = cases();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> ours = new ArrayList<>();
      List<Future<String>> theirs = new ArrayList<>();
      for (String[] c : cases) {
        ours.add(pool.submit(() -> RawClient.exchange(ourPort, 400, c)));
        theirs.add(pool.submit(() -> RawClient.exchange(nodePort, 400, c)));
      }
      List<String> diffs = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        String a = ours.get(i).get();
        String b = theirs.get(i).get();
        if (!a.equals(b)) {
          int d = 0;
          while (d < a.length() && d < b.length() && a.charAt(d) == b.charAt(d)) {
            d++;
          }
          int from = Math.max(0, d - 200);
          diffs.add("request " + show(String.join("", cases.get(i))) + "\n  ours (from " + from + "): "
              + show(a.substring(from)) + "\n  node (from " + from + "): " + show(b.substring(from)));
        }
      }
      assertThat(diffs).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  static String show(String s) {
    String t = s.length() > 400 ? s.substring(0, 400) + "..." : s;
    return t.replace("\r", "\\r").replace("\n", "\\n");
  }
}
