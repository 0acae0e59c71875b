package dev.nodus.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Nodus;
import dev.nodus.Process;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lifecycle and threading: many idle keep-alive connections closed by {@code server.close()}
 * (Node 19+), a response written from another thread, and one server per loop with several
 * loops.
 */
@Timeout(120)
class HttpServerLifecycleTest {

  private static String readResponse(Socket s, String terminator) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder b = new StringBuilder();
    byte[] buf = new byte[4096];
    while (!b.toString().endsWith(terminator)) {
      int n = in.read(buf);
      if (n < 0) {
        break;
      }
      b.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
    }
    return b.toString();
  }

  @Test
  void closeEndsIdleKeepAliveConnectionsAndEmitsClose() throws Exception {
    int n = 1000;
    CompletableFuture<Integer> port = new CompletableFuture<>();
    CompletableFuture<Server> server = new CompletableFuture<>();
    CountDownLatch closed = new CountDownLatch(1);
    Process p = Nodus.start(() -> {
      Server s = Http.createServer((req, res) -> res.end("ok"));
      s.on(Server.CLOSE, closed::countDown);
      s.listen(0, "127.0.0.1", () -> port.complete(s.address().port()));
      server.complete(s);
    });
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        Socket s = new Socket("127.0.0.1", port.get(20, TimeUnit.SECONDS));
        s.setSoTimeout(20_000);
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        sockets.add(s);
      }
      for (Socket s : sockets) {
        assertThat(readResponse(s, "\r\n\r\nok")).startsWith("HTTP/1.1 200 OK\r\n").contains("Connection: keep-alive");
      }
      // all idle now; close() must end them at once (not after keepAliveTimeout) and then emit 'close'
      long t0 = System.nanoTime();
      server.get().close();
      for (Socket s : sockets) {
        assertThat(s.getInputStream().read()).isEqualTo(-1);
      }
      assertThat(closed.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(4000);
      assertThat(p.awaitExit(java.time.Duration.ofSeconds(20))).isTrue();
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
      p.stop();
    }
  }

  @Test
  void responseWrittenFromAnotherThread() throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Process p = Nodus.start(() -> {
      Server s = Http.createServer((req, res) -> {
        Thread t = new Thread(() -> {
          res.setHeader("X-From", "thread");
          res.writeHead(201);
          res.write("a");
          res.write("b");
          res.end("c");
        });
        t.start();
      });
      s.listen(0, "127.0.0.1", () -> port.complete(s.address().port()));
    });
    try (Socket s = new Socket("127.0.0.1", port.get(20, TimeUnit.SECONDS))) {
      s.setSoTimeout(20_000);
      s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      String r = RawClient.mask(readResponse(s, "0\r\n\r\n"));
      assertThat(r).isEqualTo("HTTP/1.1 201 Created\r\nX-From: thread\r\nDate: X\r\nConnection: keep-alive\r\n"
          + "Keep-Alive: timeout=5\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n1\r\nb\r\n1\r\nc\r\n0\r\n\r\n");
    } finally {
      p.stop();
    }
  }

  @Test
  void oneServerPerLoopSharesThePort() throws Exception {
    int loops = 2;
    Set<Integer> seen = ConcurrentHashMap.newKeySet();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Process p = Nodus.start(loops, () -> {
      int me = Nodus.loopIndex();
      Server s = Http.createServer((req, res) -> {
        seen.add(me);
        res.end("loop " + me);
      });
      s.listen(0, "127.0.0.1", () -> port.complete(s.address().port()));
    });
    try {
      for (int i = 0; i < 200 && seen.size() < loops; i++) {
        try (Socket s = new Socket("127.0.0.1", port.get(20, TimeUnit.SECONDS))) {
          s.setSoTimeout(20_000);
          s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          assertThat(readResponse(s, "\u0000")).startsWith("HTTP/1.1 200 OK").contains("\r\n\r\nloop ");
        }
      }
      assertThat(seen).hasSize(loops);
    } finally {
      p.stop();
    }
  }

  @Test
  void closeAllConnectionsEndsBusyOnesToo() throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    CompletableFuture<Server> server = new CompletableFuture<>();
    CountDownLatch requests = new CountDownLatch(2);
    CountDownLatch closed = new CountDownLatch(1);
    Process p = Nodus.start(() -> {
      Server s = Http.createServer((req, res) -> requests.countDown()); // never answers
      s.on(Server.CLOSE, closed::countDown);
      s.listen(0, "127.0.0.1", () -> port.complete(s.address().port()));
      server.complete(s);
    });
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        Socket s = new Socket("127.0.0.1", port.get(20, TimeUnit.SECONDS));
        s.setSoTimeout(20_000);
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        sockets.add(s);
      }
      assertThat(requests.await(20, TimeUnit.SECONDS)).isTrue();
      server.get().close(); // busy connections are not idle: they stay
      server.get().closeAllConnections();
      for (Socket s : sockets) {
        assertThat(s.getInputStream().read()).isEqualTo(-1);
      }
      assertThat(closed.await(20, TimeUnit.SECONDS)).isTrue();
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
      p.stop();
    }
  }
}
