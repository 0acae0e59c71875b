package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.testing.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code server.address()} reports the socket as it really is, as node v20 does (each line
 * below printed by {@code node -e 's.listen(0, host, () => console.log(s.address()))'}).
 */
@Timeout(30)
class ServerAddressTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  /** Listens on {@code host} (null: none) and records "host: address/family" and after close. */
  private void listenAndLog(String host) {
    Server s = Net.createServer();
    log.add(host + " before: " + s.address());
    if (host == null) {
      s.listen(0);
    } else {
      s.listen(0, host);
    }
    s.on(Server.LISTENING, () -> {
      AddressInfo a = s.address();
      log.add(host + ": " + a.address() + "/" + a.family() + (a.port() > 0 ? "" : " no port"));
      s.close(err -> log.add(host + " after: " + s.address()));
    });
  }

  @Test
  void eachHostGetsTheFamilyNodeReports() {
    Programs.run(Duration.ofSeconds(10), () -> {
      for (String host : new String[] {"0.0.0.0", null, "", "::", "127.0.0.1", "::1", "localhost", "::ffff:127.0.0.1"}) {
        listenAndLog(host);
      }
    });
    assertThat(log).contains(
        // { address: '0.0.0.0', family: 'IPv4', port }
        "0.0.0.0: 0.0.0.0/IPv4",
        // listen(0) and listen(0, ''): { address: '::', family: 'IPv6', port }
        "null: ::/IPv6",
        ": ::/IPv6",
        "::: ::/IPv6",
        "127.0.0.1: 127.0.0.1/IPv4",
        "::1: ::1/IPv6",
        "localhost: 127.0.0.1/IPv4",
        // an IPv4-mapped literal keeps its AF_INET6 socket
        "::ffff:127.0.0.1: ::ffff:127.0.0.1/IPv6");
    // null before listen() and after close()
    assertThat(log.stream().filter(l -> l.contains(" before: ") || l.contains(" after: ")))
        .hasSize(16).allMatch(l -> l.endsWith(": null"));
  }

  @Test
  void aWildcardIpv4ServerDoesNotTakeIpv6Connections() {
    // node: listen(0, '0.0.0.0'); connect(port, '::1') -> ECONNREFUSED
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> {
        log.add("accepted " + sock.remoteFamily());
        sock.destroy();
      });
      s.listen(0, "0.0.0.0", () -> {
        Socket v6 = Net.connect(s.address().port(), "::1");
        v6.on(Socket.ERROR, e -> log.add("v6 " + ((NodeError) e).code()));
        v6.on(Socket.CLOSE, hadError -> {
          Socket v4 = Net.connect(s.address().port(), "127.0.0.1");
          v4.on(Socket.CLOSE, x -> s.close());
        });
      });
    });
    assertThat(log).containsExactly("v6 ECONNREFUSED", "accepted IPv4");
  }

  @Test
  void ipv6OnlyIsIgnoredForAnIpv4Host() {
    // node: listen({host: '127.0.0.1', port: 0, ipv6Only: true}) -> { address: '127.0.0.1', family: 'IPv4', port }
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer();
      s.on(Server.ERROR, e -> log.add("error " + e));
      s.listen(new ListenOptions().host("127.0.0.1").port(0).ipv6Only(true), () -> {
        log.add(s.address().address() + "/" + s.address().family());
        s.close();
      });
    });
    assertThat(log).containsExactly("127.0.0.1/IPv4");
  }

  @Test
  void aUnixServersAddressIsItsPathFromListenOnAndAfterClose() throws IOException {
    // node: s.address() is null before listen(path), then the path, synchronously and after
    // close (net.js returns _pipeName: a pipe handle has no getsockname)
    Path dir = Files.createTempDirectory("nodus-addr");
    String path = dir.resolve("a.sock").toString();
    try {
      Programs.run(Duration.ofSeconds(10), () -> {
        Server s = Net.createServer();
        log.add("before " + s.address());
        s.listen(path);
        log.add("sync " + s.address());
        s.on(Server.LISTENING, () -> s.close(err -> log.add("after " + s.address())));
      });
      assertThat(log).containsExactly("before null", "sync " + path, "after " + path);
    } finally {
      Files.deleteIfExists(Path.of(path));
      Files.deleteIfExists(dir);
    }
  }

  @Test
  void withoutAHostTheServerIsBoundWhenListenReturnsWithAHostAfterTheLookup() {
    // node -e: s.listen(0); log sync address/listening; nextTick; setImmediate -> then t with
    // host 127.0.0.1, u with t's port and host (EADDRINUSE), v with t's port, no host:
    // sync true true, listening, tick, immediate, t sync null false, t tick, t listening,
    // t micro, t immediate, u tick, u error EADDRINUSE, u immediate, v sync null false,
    // v error EADDRINUSE, v tick, v immediate
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer();
      s.on(Server.LISTENING, () -> log.add("listening"));
      s.listen(0);
      log.add("sync " + (s.address() != null) + " " + s.listening());
      dev.nodus.Timers.nextTick(() -> log.add("tick"));
      dev.nodus.Timers.setImmediate(() -> {
        log.add("immediate");
        Server t = Net.createServer();
        t.on(Server.LISTENING, () -> log.add("t listening"));
        t.listen(0, "127.0.0.1");
        log.add("t sync " + t.address() + " " + t.listening());
        dev.nodus.Timers.nextTick(() -> log.add("t tick"));
        dev.nodus.Timers.queueMicrotask(() -> log.add("t micro"));
        dev.nodus.Timers.setImmediate(() -> {
          log.add("t immediate");
          Server u = Net.createServer();
          u.on(Server.ERROR, e -> log.add("u error " + ((NodeError) e).code()));
          u.listen(t.address().port(), "127.0.0.1");
          dev.nodus.Timers.nextTick(() -> log.add("u tick"));
          dev.nodus.Timers.setImmediate(() -> {
            log.add("u immediate");
            Server v = Net.createServer();
            v.on(Server.ERROR, e -> log.add("v error " + ((NodeError) e).code()));
            v.listen(t.address().port());
            log.add("v sync " + v.address() + " " + v.listening());
            dev.nodus.Timers.nextTick(() -> log.add("v tick"));
            dev.nodus.Timers.setImmediate(() -> {
              log.add("v immediate");
              s.close();
              t.close();
            });
          });
        });
      });
    });
    assertThat(log).containsExactly("sync true true", "listening", "tick", "immediate",
        "t sync null false", "t tick", "t listening", "t micro", "t immediate", "u tick",
        "u error EADDRINUSE", "u immediate", "v sync null false", "v error EADDRINUSE", "v tick",
        "v immediate");
  }
}
