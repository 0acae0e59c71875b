package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.SystemError;
import dev.nodus.Timers;
import dev.nodus.testing.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(30)
class ServerTest {
  private final List<Object> log = new CopyOnWriteArrayList<>();

  @Test
  void listeningServerKeepsProgramAliveUntilClosed() {
    long start = System.nanoTime();
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer();
      s.listen(0, "127.0.0.1", () -> {
        log.add("listening");
        Timers.setTimeout(() -> s.close(err -> log.add("closed:" + err)), 200);
      });
    });
    assertThat(log).containsExactly("listening", "closed:null");
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(190);
  }

  @Test
  void unrefdServerLetsProgramEnd() {
    Programs.run(Duration.ofSeconds(10), () -> Net.createServer().listen(0).unref());
  }

  @Test
  void addressReportsPortHostAndFamily() {
    Programs.run(Duration.ofSeconds(10), () -> {
      Server v4 = Net.createServer();
      v4.listen(0, "127.0.0.1", () -> {
        log.add(v4.address());
        v4.close();
      });
      Server any = Net.createServer();
      any.listen(0, () -> {
        log.add(any.address().address() + "/" + any.address().family());
        any.close();
      });
      Server v6 = Net.createServer();
      v6.listen(0, "::1", () -> {
        log.add(v6.address().address() + "/" + v6.address().family());
        v6.close();
      });
    });
    assertThat(log).hasSize(3);
    // no host binds at once, a host after its lookup: node logs `any` first too
    AddressInfo a = (AddressInfo) log.stream().filter(AddressInfo.class::isInstance).findFirst().orElseThrow();
    assertThat(a.address()).isEqualTo("127.0.0.1");
    assertThat(a.family()).isEqualTo("IPv4");
    assertThat(a.port()).isPositive();
    assertThat(log).contains("::/IPv6", "::1/IPv6");
  }

  @Test
  void addressInUseIsAnErrorEventWithNodesFields() {
    AtomicReference<Throwable> error = new AtomicReference<>();
    Programs.run(Duration.ofSeconds(10), () -> {
      Server first = Net.createServer();
      first.listen(0, "127.0.0.1", () -> {
        int port = first.address().port();
        Server second = Net.createServer();
        second.on(Server.ERROR, e -> {
          error.set(e);
          first.close();
        });
        second.listen(port, "127.0.0.1");
      });
    });
    SystemError e = (SystemError) error.get();
    assertThat(e.code()).isEqualTo("EADDRINUSE");
    assertThat(e.errno()).isEqualTo(-98);
    assertThat(e.syscall()).isEqualTo("listen");
    assertThat(e.address()).isEqualTo("127.0.0.1");
    assertThat(e.getMessage()).isEqualTo("listen EADDRINUSE: address already in use 127.0.0.1:" + e.port());
  }

  @Test
  void closeWhenNotListeningCallsBackWithErrServerNotRunning() {
    Programs.run(Duration.ofSeconds(10), () -> Net.createServer().close(err -> log.add(((NodeError) err).code() + ":" + err.getMessage())));
    assertThat(log).containsExactly("ERR_SERVER_NOT_RUNNING:Server is not running.");
  }

  @Test
  void listenTwiceThrowsAndBadPortThrows() {
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer();
      s.listen(0, "127.0.0.1");
      try {
        s.listen(0);
      } catch (NodeError e) {
        log.add(e.code());
      }
      try {
        Net.createServer().listen(70000);
      } catch (NodeError e) {
        log.add(e.code() + ":" + e.getMessage());
      }
      s.close();
    });
    assertThat(log).containsExactly("ERR_SERVER_ALREADY_LISTEN",
        "ERR_SOCKET_BAD_PORT:options.port should be >= 0 and < 65536. Received type number (70000).");
  }

  @Test
  void closeWaitsForConnectionsThenEmitsClose() {
    Programs.run(Duration.ofSeconds(10), () -> {
      Server[] ref = new Server[1];
      Server s = Net.createServer(sock -> {
        log.add("connection");
        ref[0].close(err -> log.add("server-close"));
        ref[0].getConnections((err, n) -> log.add("connections:" + n));
        Timers.setTimeout(() -> {
          log.add("ending");
          sock.end();
        }, 100);
      });
      ref[0] = s;
      s.listen(0, "127.0.0.1", () -> Net.connect(s.address().port(), "127.0.0.1").resume());
    });
    assertThat(log).containsExactly("connection", "connections:1", "ending", "server-close");
  }

  @Test
  void maxConnectionsDropsExcessConnections() {
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer();
      s.maxConnections(1);
      s.on(Server.DROP, d -> {
        log.add("drop:" + d.localAddress() + ":" + d.remoteFamily());
        s.close();
      });
      s.on(Server.CONNECTION, sock -> log.add("connection"));
      s.listen(0, "127.0.0.1", () -> {
        Socket c1 = Net.connect(s.address().port(), "127.0.0.1");
        c1.on(Socket.CONNECT, () -> {
          Socket c2 = Net.connect(s.address().port(), "127.0.0.1");
          c2.on(Socket.ERROR, e -> {});
          c2.on(Socket.CLOSE, e -> c1.destroy());
          c2.resume();
        });
        c1.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("connection", "drop:127.0.0.1:IPv4");
  }

  @Test
  void ipv6OnlyListenerRefusesIpv4() {
    org.junit.jupiter.api.Assumptions.assumeTrue(dev.nodus.internal.loop.Transports.epoll(),
        "IPV6_V6ONLY is set through the epoll transport");
    // node: listen({host:'::', port:0, ipv6Only:true}); connect to 127.0.0.1 -> ECONNREFUSED, ::1 works
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.end("v6 only"));
      s.listen(new ListenOptions().host("::").port(0).ipv6Only(true), () -> {
        Socket v4 = Net.connect(s.address().port(), "127.0.0.1");
        v4.on(Socket.ERROR, e -> log.add("v4:" + ((NodeError) e).code()));
        v4.on(Socket.CLOSE, hadError -> {
          Socket v6 = Net.connect(s.address().port(), "::1");
          v6.on(Socket.TEXT, d -> log.add("v6:" + d));
          v6.on(Socket.CLOSE, e -> s.close());
        });
      });
    });
    assertThat(log).containsExactly("v4:ECONNREFUSED", "v6:v6 only");
  }

  @Test
  void unixDomainSocketServerAndClient() throws Exception {
    Path dir = Files.createTempDirectory("nodus-unix");
    String path = dir.resolve("s.sock").toString();
    try {
      Programs.run(Duration.ofSeconds(10), () -> {
        Server s = Net.createServer(sock -> sock.end("over unix"));
        s.listen(path, () -> {
          log.add(s.address().address());
          Socket c = Net.connect(path, null);
          c.on(Socket.TEXT, d -> log.add(d));
          c.on(Socket.END, () -> s.close());
        });
      });
      assertThat(log).containsExactly(path, "over unix");
    } finally {
      Files.deleteIfExists(Path.of(path));
      Files.deleteIfExists(dir);
    }
  }
}
