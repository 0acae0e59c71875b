package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.testing.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 'connectionAttempt' and 'connectionAttemptFailed' (node v20.12+) around every TCP connect, in
 * the order node v20.20 emits them; the expected sequences were recorded with {@code node -e}
 * against the same kind of server (port numbers replaced by PORT).
 */
@Timeout(30)
class SocketConnectionAttemptTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  private void record(Socket c, int port) {
    c.on(Socket.LOOKUP, (err, address, family, host) -> log.add("lookup " + err + " " + address + " " + family + " " + host));
    c.on(Socket.CONNECTION_ATTEMPT, (address, p, family) -> log.add("connectionAttempt " + address + " " + (p == port ? "PORT" : p) + " " + family));
    c.on(Socket.CONNECTION_ATTEMPT_FAILED, (address, p, family, err) ->
        log.add("connectionAttemptFailed " + address + " " + (p == port ? "PORT" : p) + " " + family + " " + ((NodeError) err).code()));
    c.on(Socket.CONNECT, () -> log.add("connect"));
    c.on(Socket.READY, () -> log.add("ready"));
    c.on(Socket.ERROR, e -> log.add("error " + ((NodeError) e).code()));
    c.on(Socket.CLOSE, hadError -> log.add("close " + hadError));
    c.resume();
  }

  @Test
  void anIpv4LiteralAttemptsOnceAndConnects() {
    // node: connectionAttempt 127.0.0.1 PORT 4, connect, ready, close false
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.end());
      s.listen(0, "127.0.0.1", () -> {
        int port = s.address().port();
        Socket c = Net.connect(port, "127.0.0.1");
        record(c, port);
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("connectionAttempt 127.0.0.1 PORT 4", "connect", "ready", "close false");
  }

  @Test
  void aRefusedAttemptIsReportedBeforeTheError() {
    // node: connectionAttempt 127.0.0.1 PORT 4, connectionAttemptFailed ... ECONNREFUSED,
    // error ECONNREFUSED, close true; the failed event carries the error 'error' carries.
    Object[] errors = new Object[2];
    Programs.run(Duration.ofSeconds(10), () -> {
      Server probe = Net.createServer();
      probe.listen(0, "127.0.0.1", () -> {
        int port = probe.address().port();
        probe.close(e -> {
          Socket c = Net.connect(port, "127.0.0.1");
          record(c, port);
          c.on(Socket.CONNECTION_ATTEMPT_FAILED, (a, p, f, err) -> errors[0] = err);
          c.on(Socket.ERROR, err -> errors[1] = err);
        });
      });
    });
    assertThat(log).containsExactly("connectionAttempt 127.0.0.1 PORT 4",
        "connectionAttemptFailed 127.0.0.1 PORT 4 ECONNREFUSED", "error ECONNREFUSED", "close true");
    assertThat(errors[0]).isSameAs(errors[1]);
  }

  @Test
  void anIpv6LiteralHasFamily6() {
    // node: connectionAttempt ::1 PORT 6
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.end());
      s.listen(0, "::1", () -> {
        int port = s.address().port();
        Socket c = Net.connect(port, "::1");
        record(c, port);
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).startsWith("connectionAttempt ::1 PORT 6", "connect");
  }

  @Test
  void aHostNameIsLookedUpFirst() {
    // node: lookup null 127.0.0.1 4 localhost, connectionAttempt 127.0.0.1 PORT 4, connect, ready
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.end());
      s.listen(0, "127.0.0.1", () -> {
        int port = s.address().port();
        Socket c = Net.connect(port, "localhost");
        record(c, port);
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).startsWith("lookup null 127.0.0.1 4 localhost", "connectionAttempt 127.0.0.1 PORT 4",
        "connect", "ready");
  }

  @Test
  void aUnixPathMakesNoAttemptEvents() throws Exception {
    // node: connect, close false (no connectionAttempt for a pipe)
    Path dir = Files.createTempDirectory("nodus-attempt");
    String path = dir.resolve("s.sock").toString();
    try {
      Programs.run(Duration.ofSeconds(10), () -> {
        Server s = Net.createServer(sock -> sock.end());
        s.listen(path, () -> {
          Socket c = Net.connect(path, () -> {});
          record(c, -1);
          c.on(Socket.CLOSE, e -> s.close());
        });
      });
    } finally {
      Files.deleteIfExists(Path.of(path));
      Files.deleteIfExists(dir);
    }
    assertThat(log).containsExactly("connect", "ready", "close false");
  }
}
