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
          diffs.add("request " + show(String.join("", cases.get(i))) + "\n  ours: " + show(a)
              + "\n  node: " + show(b));
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
