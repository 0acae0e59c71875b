package dev.nodus.dgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodus.NodeError;
import dev.nodus.Timers;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** connect, disconnect, remoteAddress, connected sends, and their event order. */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class DgramConnectTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  @ParameterizedTest
  @EnumSource(Fam.class)
  void eventsComeInNodesOrder(Fam f) {
    // node prints: after bind, listening, tick1, connect, connect cb, after close, close, close cb
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket c = f.create();
      c.on(DatagramSocket.LISTENING, () -> log.add("listening"));
      c.on(DatagramSocket.CONNECT, () -> log.add("connect"));
      c.on(DatagramSocket.CLOSE, () -> log.add("close"));
      c.bind(0);
      log.add("after bind");
      Timers.nextTick(() -> log.add("tick1"));
      c.connect(9, f.loopback, err -> {
        log.add("connect cb " + err);
        c.close(() -> log.add("close cb"));
        log.add("after close");
      });
    });
    assertThat(log).containsExactly(
        "after bind", "listening", "tick1", "connect", "connect cb null", "after close", "close",
        "close cb");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void aConnectedSocketTalksToItsPeerOnly(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket server = f.create();
      DatagramSocket client = f.create();
      server.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
        log.add("server got " + msg);
        server.send("reply to " + msg, rinfo.port(), rinfo.address());
      });
      client.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
        log.add("client got " + msg + " from server " + (rinfo.port() == server.address().port()));
        if (msg.toString().equals("reply to two")) {
          client.disconnect();
          assertThatThrownBy(client::remoteAddress).hasMessage("Not connected");
          client.close();
          server.close();
        }
      });
      server.bind(0, f.loopback, () -> client.connect(server.address().port(), (err) -> {
        AddressInfo remote = client.remoteAddress();
        assertThat(remote).isEqualTo(new AddressInfo(f.loopback, f.family, server.address().port()));
        // A connected socket's local address is the interface toward the peer.
        assertThat(client.address().address()).isEqualTo(f.loopback);
        // (msg, port, address) alone is ignored by a connected socket; with a callback the
        // callback lands in Node's `port` and throws (DgramFidelityTest has every form).
        assertThatThrownBy(() -> client.send("x", 9, f.loopback, (e, n) -> { }))
            .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_SOCKET_DGRAM_IS_CONNECTED");
        assertThatThrownBy(() -> client.connect(9))
            .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_SOCKET_DGRAM_IS_CONNECTED");
        client.send("one", (e, n) -> log.add("sent " + n));
        client.send(dev.nodus.buffer.Buffer.from("xtwox"), 1, 3);
      }));
    });
    assertThat(log).containsExactly(
        "sent 3", "server got one", "server got two", "client got reply to one from server true",
        "client got reply to two from server true");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void connectDefaultsToLocalhostAndDisconnectAllowsAddressedSends(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket server = f.create();
      server.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
        log.add("got " + msg);
        server.close();
      });
      server.bind(0, f.loopback, () -> {
        DatagramSocket c = f.create();
        c.connect(9, err -> {
          log.add("remote " + c.remoteAddress().address());
          c.disconnect();
          c.send("after disconnect", server.address().port(), f.loopback, (e, n) -> c.close());
        });
      });
    });
    assertThat(log).containsExactly("remote " + f.loopback, "got after disconnect");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void datagramsSentBeforeADisconnectStillReachTheOldPeer(Fam f) {
    // Node sends a connected datagram at once; a disconnect() right after cannot stop it.
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket server = f.create();
      server.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
        log.add("got " + msg);
        if (msg.toString().equals("three")) {
          server.close();
        }
      });
      server.bind(0, f.loopback, () -> {
        DatagramSocket c = f.create();
        c.connect(server.address().port(), f.loopback, err -> {
          c.send("one", (e, n) -> log.add("sent one " + e));
          c.send("two", (e, n) -> log.add("sent two " + e));
          c.disconnect();
          c.send("three", server.address().port(), f.loopback, (e, n) -> c.close());
        });
      });
    });
    assertThat(log).containsExactly("sent one null", "sent two null", "got one", "got two", "got three");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void aConnectedSocketReportsAnUnreachablePort(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket c = f.create();
      c.on(DatagramSocket.ERROR, e -> {
        log.add(((NodeError) e).code() + " " + e.getMessage());
        c.close();
      });
      c.connect(9, f.loopback, err -> c.send("anyone?"));
    });
    assertThat(log).containsExactly("ECONNREFUSED recvmsg ECONNREFUSED");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void aFailedConnectCanBeRetried(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket c = f.create();
      c.on(DatagramSocket.CONNECT, () -> log.add("connect event"));
      c.connect(9, f == Fam.V4 ? "::1" : "127.0.0.1", err -> {
        log.add(((NodeError) err).code());
        c.connect(9, f.loopback, err2 -> {
          log.add("connected " + err2);
          c.close();
        });
      });
    });
    assertThat(log).containsExactly("EINVAL", "connect event", "connected null");
  }
}
