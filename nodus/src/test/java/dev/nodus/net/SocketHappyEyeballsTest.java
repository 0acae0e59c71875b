package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.AggregateError;
import dev.nodus.NodeError;
import dev.nodus.Timers;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * autoSelectFamily (happy eyeballs, on by default in node v20): every address of a name is
 * tried, families alternating, with Node's 'lookup' per address and the attempt events. This
 * machine's resolver gives only 127.0.0.1 for localhost, so a {@code lookup} option answers
 * {@code ::1} and {@code 127.0.0.1} (as a dual-stack hosts file would), in both orders; the
 * expected lists were printed by node v20.20 with the same lookup, port numbers
 * replaced by PORT.
 */
@Timeout(30)
class SocketHappyEyeballsTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  private static ConnectOptions.Lookup dual(List<ConnectOptions.LookupAddress> answer, List<String> calls) {
    return (host, family, all, cb) -> {
      calls.add("lookup called " + host + " " + family + " " + all);
      // Answer later, as dns.lookup does (in node the test's lookup uses setImmediate).
      Timers.setImmediate(() -> cb.done(null, answer));
    };
  }

  private static final ConnectOptions.LookupAddress V6 = new ConnectOptions.LookupAddress("::1", 6);
  private static final ConnectOptions.LookupAddress V4 = new ConnectOptions.LookupAddress("127.0.0.1", 4);

  private void trace(Socket c, int port) {
    c.on(Socket.LOOKUP, (err, a, f, h) -> log.add("lookup " + err + " " + a + " " + f + " " + h));
    c.on(Socket.CONNECTION_ATTEMPT, (a, p, f) -> log.add("connectionAttempt " + a + " " + (p == port ? "PORT" : p) + " " + f));
    c.on(Socket.CONNECTION_ATTEMPT_FAILED, (a, p, f, e) ->
        log.add("connectionAttemptFailed " + a + " " + (p == port ? "PORT" : p) + " " + f + " " + ((NodeError) e).code()));
    c.on(Socket.CONNECTION_ATTEMPT_TIMEOUT, (a, p, f) ->
        log.add("connectionAttemptTimeout " + a + " " + (p == port ? "PORT" : p) + " " + f));
    c.on(Socket.CONNECT, () -> log.add("connect"));
    c.on(Socket.READY, () -> log.add("ready"));
    c.on(Socket.ERROR, e -> {
      String line = "error " + e.getClass().getSimpleName() + " " + ((NodeError) e).name() + " " + ((NodeError) e).code()
          + " \"" + e.getMessage().replace(String.valueOf(port), "PORT") + "\"";
      if (e instanceof AggregateError ag) {
        List<String> inner = new ArrayList<>();
        for (Throwable t : ag.errors()) {
          inner.add(((NodeError) t).code() + " " + t.getMessage().replace(String.valueOf(port), "PORT"));
        }
        line += " " + inner;
      }
      log.add(line);
    });
    c.on(Socket.CLOSE, hadError -> {
      log.add("close " + hadError);
      List<String> tried = c.autoSelectFamilyAttemptedAddresses();
      log.add("attempted " + (tried == null ? null : tried.stream().map(x -> x.replace(String.valueOf(port), "PORT")).toList()));
    });
    c.resume();
  }

  private void run(List<ConnectOptions.LookupAddress> answer, boolean listen) {
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.end());
      s.listen(0, "127.0.0.1", () -> {
        int port = s.address().port();
        Runnable go = () -> {
          Socket c = Net.connect(new ConnectOptions().port(port).host("dual.test").lookup(dual(answer, log)));
          trace(c, port);
          c.on(Socket.CLOSE, e -> {
            if (listen) {
              s.close();
            }
          });
        };
        if (listen) {
          go.run();
        } else {
          s.close(e -> go.run());
        }
      });
    });
  }

  @Test
  void aRefusedIpv6AddressFallsBackToIpv4() {
    run(List.of(V6, V4), true);
    assertThat(log).containsExactly("lookup called dual.test 0 true", "lookup null ::1 6 dual.test",
        "lookup null 127.0.0.1 4 dual.test", "connectionAttempt ::1 PORT 6",
        "connectionAttemptFailed ::1 PORT 6 ECONNREFUSED", "connectionAttempt 127.0.0.1 PORT 4", "connect", "ready",
        "close false", "attempted [::1:PORT, 127.0.0.1:PORT]");
  }

  @Test
  void theFirstAddressConnects() {
    run(List.of(V4, V6), true);
    assertThat(log).containsExactly("lookup called dual.test 0 true", "lookup null 127.0.0.1 4 dual.test",
        "lookup null ::1 6 dual.test", "connectionAttempt 127.0.0.1 PORT 4", "connect", "ready", "close false",
        "attempted [127.0.0.1:PORT]");
  }

  @Test
  void everyAddressRefusedIsAnAggregateError() {
    run(List.of(V6, V4), false);
    assertThat(log).containsExactly("lookup called dual.test 0 true", "lookup null ::1 6 dual.test",
        "lookup null 127.0.0.1 4 dual.test", "connectionAttempt ::1 PORT 6",
        "connectionAttemptFailed ::1 PORT 6 ECONNREFUSED", "connectionAttempt 127.0.0.1 PORT 4",
        "connectionAttemptFailed 127.0.0.1 PORT 4 ECONNREFUSED",
        "error AggregateError AggregateError ECONNREFUSED \"\" [ECONNREFUSED connect ECONNREFUSED ::1:PORT, "
            + "ECONNREFUSED connect ECONNREFUSED 127.0.0.1:PORT]",
        "close true", "attempted [::1:PORT, 127.0.0.1:PORT]");
  }

  @Test
  void anAttemptThatHangsTimesOutAndTheNextAddressIsTried() throws Exception {
    // node: 127.0.0.1:P is a listener whose backlog is full (connects hang),
    // ::1:P listens; lookup -> [127.0.0.1, ::1], autoSelectFamilyAttemptTimeout 100 ->
    // lookup x2, connectionAttempt 127.0.0.1 PORT 4, connectionAttemptTimeout 127.0.0.1 PORT 4,
    // connectionAttempt ::1 PORT 6, connect (after >= 100 ms), ready, close false,
    // attempted [127.0.0.1:PORT, ::1:PORT]
    List<java.nio.channels.SocketChannel> fillers = new ArrayList<>();
    try (java.net.ServerSocket full = new java.net.ServerSocket()) {
      full.bind(new java.net.InetSocketAddress("127.0.0.1", 0), 1);
      int port = full.getLocalPort();
      for (int i = 0; i < 4; i++) {
        java.nio.channels.SocketChannel f = java.nio.channels.SocketChannel.open();
        f.configureBlocking(false);
        f.connect(full.getLocalSocketAddress());
        fillers.add(f);
      }
      Programs.run(Duration.ofSeconds(10), () -> {
        Server s = Net.createServer(sock -> sock.end());
        s.listen(port, "::1", () -> {
          long start = System.nanoTime();
          Socket c = Net.connect(new ConnectOptions().port(port).host("dual.test").autoSelectFamilyAttemptTimeout(100)
              .lookup(dual(List.of(V4, V6), new ArrayList<>())));
          trace(c, port);
          c.on(Socket.CONNECT, () -> log.add("elapsed>=100 " + ((System.nanoTime() - start) / 1_000_000 >= 100)));
          c.on(Socket.CLOSE, e -> s.close());
        });
      });
    } finally {
      for (java.nio.channels.SocketChannel f : fillers) {
        f.close();
      }
    }
    assertThat(log).containsExactly("lookup null 127.0.0.1 4 dual.test", "lookup null ::1 6 dual.test",
        "connectionAttempt 127.0.0.1 PORT 4", "connectionAttemptTimeout 127.0.0.1 PORT 4",
        "connectionAttempt ::1 PORT 6", "connect", "elapsed>=100 true", "ready", "close false",
        "attempted [127.0.0.1:PORT, ::1:PORT]");
  }

  @Test
  void withoutAutoSelectFamilyOnlyTheFirstAddressIsTried() {
    // node: autoSelectFamily:false, lookup -> ::1 (first of [::1, 127.0.0.1], all false):
    // lookup null ::1 6 dual.test, connectionAttempt ::1 PORT 6, connectionAttemptFailed ...,
    // error ECONNREFUSED, close true, attempted undefined
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.end());
      s.listen(0, "127.0.0.1", () -> {
        int port = s.address().port();
        Socket c = Net.connect(new ConnectOptions().port(port).host("dual.test").autoSelectFamily(false)
            .lookup(dual(List.of(V6, V4), log)));
        trace(c, port);
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("lookup called dual.test 0 false", "lookup null ::1 6 dual.test",
        "connectionAttempt ::1 PORT 6", "connectionAttemptFailed ::1 PORT 6 ECONNREFUSED",
        "error SystemError Error ECONNREFUSED \"connect ECONNREFUSED ::1:PORT\"",
        "close true", "attempted null");
  }
}
