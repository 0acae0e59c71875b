package dev.nodus.dgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodus.NodeError;
import dev.nodus.SystemError;
import dev.nodus.Timers;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** bind in all its forms, 'listening', address(), bind errors, close, ref/unref. */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class DgramBindTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  @ParameterizedTest
  @EnumSource(Fam.class)
  void bindEmitsListeningOnALaterTickThenCallsBack(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket s = f.create();
      s.on(DatagramSocket.LISTENING, () -> log.add("listening"));
      s.on(DatagramSocket.CLOSE, () -> log.add("close"));
      assertThat(s.bind(0, f.loopback, () -> {
        log.add("callback");
        AddressInfo a = s.address();
        assertThat(a.address()).isEqualTo(f.loopback);
        assertThat(a.family()).isEqualTo(f.family);
        assertThat(a.port()).isBetween(1, 65535);
        s.close(() -> log.add("close callback"));
        log.add("after close");
      })).isSameAs(s);
      log.add("after bind");
    });
    assertThat(log).containsExactly(
        "after bind", "listening", "callback", "after close", "close", "close callback");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void bindWithoutAddressTakesEveryInterface(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket s = f.create();
      s.bind(() -> {
        log.add(s.address().address());
        s.close();
      });
    });
    assertThat(log).containsExactly(f.any);
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void bindOptionsAndHostNames(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket s = f.create();
      // This host's /etc/hosts maps localhost to 127.0.0.1 only (node agrees: ENOTFOUND for udp6).
      String host = f == Fam.V4 ? "localhost" : f.loopback;
      s.bind(new BindOptions().port(0).address(host), () -> {
        log.add(s.address().address());
        int port = s.address().port();
        s.close(() -> {
          DatagramSocket again = f.create();
          again.bind(new BindOptions().port(port), () -> {
            log.add("rebound " + (again.address().port() == port));
            again.close();
          });
        });
      });
    });
    assertThat(log).containsExactly(f.loopback, "rebound true");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void addressInUseIsEmittedAndTheSocketMayBindAgain(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket a = f.create();
      a.bind(0, f.loopback, () -> {
        int port = a.address().port();
        DatagramSocket b = f.create();
        b.once(DatagramSocket.ERROR, err -> {
          SystemError e = (SystemError) err;
          log.add(e.code() + "|" + e.getMessage().replace(":" + port, ":P") + "|" + e.syscall()
              + "|" + e.address() + "|" + (e.port() == port) + "|" + e.errno());
          b.bind(0, f.loopback, () -> {
            log.add("bound again");
            b.close();
            a.close();
          });
        });
        b.bind(port, f.loopback);
      });
    });
    assertThat(log).containsExactly(
        "EADDRINUSE|bind EADDRINUSE " + f.loopback + ":P|bind|" + f.loopback + "|true|-98",
        "bound again");
  }

  @Test
  void aBindCallbackIsAnErrorListenerSoAFailedBindDoesNotThrow() {
    // Node: bind(port, cb) adds 'error' and 'listening' listeners that remove each other.
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket a = Dgram.createSocket("udp4");
      a.bind(0, () -> {
        DatagramSocket b = Dgram.createSocket("udp4");
        b.bind(a.address().port(), () -> log.add("never"));
        Timers.setTimeout(() -> {
          log.add("listeners " + b.listenerCount(DatagramSocket.ERROR) + " "
              + b.listenerCount(DatagramSocket.LISTENING));
          b.close();
          a.close();
        }, 50);
      });
    });
    assertThat(log).containsExactly("listeners 0 0");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void aClosedSocketReleasesItsPortAtOnce(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket a = f.create();
      a.bind(0, f.loopback, () -> {
        int port = a.address().port();
        a.close();
        // Synchronously after close(), before 'close' is emitted, as in Node.
        DatagramSocket b = f.create();
        b.on(DatagramSocket.ERROR, e -> log.add("error " + e));
        b.bind(port, f.loopback, () -> {
          log.add("rebound " + (b.address().port() == port));
          b.close();
        });
      });
    });
    assertThat(log).containsExactly("rebound true");
  }

  @Test
  void closeWhileBindingEmitsOnlyClose() {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket s = Dgram.createSocket("udp4");
      s.on(DatagramSocket.LISTENING, () -> log.add("listening"));
      s.on(DatagramSocket.CLOSE, () -> log.add("close"));
      s.bind(0);
      s.close();
    });
    assertThat(log).containsExactly("close");
  }

  @Test
  void bindRejectsSecondBinds() {
    // Out-of-range ports are not refused (Node keeps their low 16 bits): DgramFidelityTest.
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket s = Dgram.createSocket("udp4");
      s.bind(0);
      assertThatThrownBy(() -> s.bind(0))
          .hasMessage("Socket is already bound")
          .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_SOCKET_ALREADY_BOUND");
      s.close();
    });
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void reuseAddrLetsTwoSocketsBindOnePort(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket a = Dgram.createSocket(new SocketOptions(f.type).reuseAddr(true));
      a.bind(0, () -> {
        DatagramSocket b = Dgram.createSocket(new SocketOptions(f.type).reuseAddr(true));
        b.bind(a.address().port(), () -> {
          log.add("both bound");
          a.close();
          b.close();
        });
      });
    });
    assertThat(log).containsExactly("both bound");
  }

  @Test
  void ipv6OnlyLeavesTheIpv4PortFree() {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket v6 = Dgram.createSocket(new SocketOptions("udp6").ipv6Only(true));
      v6.bind(0, () -> {
        DatagramSocket v4 = Dgram.createSocket("udp4");
        v4.bind(v6.address().port(), () -> {
          log.add("v4 bound beside v6only");
          v4.close();
          v6.close();
        });
      });
      DatagramSocket dual = Dgram.createSocket("udp6");
      dual.bind(0, () -> {
        DatagramSocket v4 = Dgram.createSocket("udp4");
        v4.on(DatagramSocket.ERROR, e -> {
          log.add("dual-stack: " + ((NodeError) e).code());
          v4.close();
          dual.close();
        });
        v4.bind(dual.address().port());
      });
    });
    assertThat(log).containsExactlyInAnyOrder("v4 bound beside v6only", "dual-stack: EADDRINUSE");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void anUnrefdSocketLetsTheProgramEnd(Fam f) {
    // Programs.run fails if the program does not end by itself.
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket s = f.create();
      s.unref();
      s.bind(0, () -> log.add("listening"));
    });
    assertThat(log).containsExactly("listening");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void aRefdSocketKeepsTheProgramAliveUntilClosed(Fam f) {
    AtomicInteger ticks = new AtomicInteger();
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket s = f.create();
      s.unref().ref();
      s.bind(0, () -> Timers.setTimeout(() -> {
        ticks.incrementAndGet();
        s.close();
      }, 100).unref());
    });
    assertThat(ticks).hasValue(1);
  }

  @Test
  void loopsOfOneProgramShareAPort() {
    int port;
    try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0)) {
      port = probe.getLocalPort();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    Programs.run(2, Duration.ofSeconds(10), () -> {
      DatagramSocket s = Dgram.createSocket("udp4");
      s.bind(port, "127.0.0.1", () -> {
        log.add("bound");
        s.close();
      });
    });
    assertThat(log).containsExactly("bound", "bound");
  }

  @Test
  void methodsWorkFromOtherThreads() throws Exception {
    java.util.concurrent.CompletableFuture<DatagramSocket> made = new java.util.concurrent.CompletableFuture<>();
    dev.nodus.Process p = dev.nodus.Nodus.start(() -> {
      DatagramSocket s = Dgram.createSocket("udp4");
      s.bind(0, "127.0.0.1", () -> made.complete(s));
    });
    DatagramSocket s = made.get(10, TimeUnit.SECONDS);
    assertThat(s.address().address()).isEqualTo("127.0.0.1");
    assertThatThrownBy(() -> s.bind(0)).hasMessage("Socket is already bound");
    s.close();
    assertThat(p.awaitExit(Duration.ofSeconds(10))).isTrue();
  }
}
