package dev.nodus.dgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.buffer.Buffer;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** send in its forms: callbacks, lists, strings, offsets, sizes, implicit bind, lookups. */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class DgramSendTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  /** Binds a server on loopback that logs each message and closes after {@code n}. */
  private DatagramSocket server(Fam f, int n, Runnable ready) {
    DatagramSocket server = f.create();
    int[] count = {0};
    server.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
      log.add("got " + msg + " size=" + rinfo.size() + " " + rinfo.family());
      if (++count[0] == n) {
        server.close();
      }
    });
    server.bind(0, f.loopback, ready);
    return server;
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void everySendFormArrivesAsOneDatagramWithItsByteCount(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket[] server = new DatagramSocket[1];
      server[0] = server(f, 6, () -> {
        int port = server[0].address().port();
        DatagramSocket c = f.create();
        Buffer abc = Buffer.from("abcdef");
        c.send(abc, 1, 3, port, f.loopback, (err, n) -> log.add("cb1 " + err + " " + n));
        c.send(Buffer.from("buffer"), port, f.loopback, (err, n) -> log.add("cb2 " + err + " " + n));
        c.send(List.of(Buffer.from("li"), Buffer.from("st")), port, f.loopback,
            (err, n) -> log.add("cb3 " + err + " " + n));
        c.send("深入浅出", port, f.loopback, (err, n) -> log.add("cb4 " + err + " " + n));
        // No address: localhost of the socket's family, as Node's lookup4/lookup6 default.
        c.send("default", port, (err, n) -> log.add("cb5 " + err + " " + n));
        c.send(List.of(), port, (err, n) -> {
          log.add("cb6 " + err + " " + n);
          c.close();
        });
      });
    });
    assertThat(log).containsExactlyInAnyOrder(
        "cb1 null 3", "cb2 null 6", "cb3 null 4", "cb4 null 12", "cb5 null 7", "cb6 null 0",
        "got bcd size=3 " + f.family, "got buffer size=6 " + f.family, "got list size=4 " + f.family,
        "got 深入浅出 size=12 " + f.family, "got default size=7 " + f.family,
        "got  size=0 " + f.family);
    // Datagrams on loopback keep their order.
    assertThat(log.stream().filter(l -> l.startsWith("got")).map(l -> l.split(" ")[1]))
        .containsExactly("bcd", "buffer", "list", "深入浅出", "default", "");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void theFirstSendBindsARandomPortAndRinfoNamesIt(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket server = f.create();
      DatagramSocket client = f.create();
      client.on(DatagramSocket.LISTENING, () -> log.add("client listening " + client.address().address()));
      server.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
        assertThat(rinfo).isEqualTo(new RemoteInfo(f.loopback, f.family, client.address().port(), 2));
        log.add("rinfo ok");
        server.close();
        client.close();
      });
      server.bind(0, () -> client.send("hi", server.address().port(), f.loopback));
    });
    assertThat(log).containsExactly("client listening " + f.any, "rinfo ok");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void theLargestDatagramArrivesWhole(Fam f) {
    byte[] big = new byte[f.maxDatagram()];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket server = f.create();
      server.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
        log.add("size " + rinfo.size() + " same " + Arrays.equals(msg.toByteArray(), big));
        server.close();
      });
      server.bind(0, f.loopback, () -> {
        DatagramSocket c = f.create();
        c.send(Buffer.from(big), server.address().port(), f.loopback, (err, n) -> {
          log.add("sent " + n);
          c.close();
        });
      });
    });
    assertThat(log).containsExactlyInAnyOrder("sent " + big.length, "size " + big.length + " same true");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void aSendFollowedByCloseInTheSameTickIsDroppedAsInNode(Fam f) {
    // Node: send() defers to the lookup's nextTick; close() in between nulls the handle, so
    // doSend drops the datagram and never calls back. A probe then shows nothing else came.
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket[] server = new DatagramSocket[1];
      server[0] = server(f, 1, () -> {
        int port = server[0].address().port();
        DatagramSocket c = f.create();
        c.on(DatagramSocket.CLOSE, () -> {
          log.add("close");
          DatagramSocket probe = f.create();
          probe.send("probe", port, f.loopback, (e, n) -> probe.close());
        });
        c.bind(0, () -> {
          c.send("dropped", port, f.loopback, (err, n) -> log.add("callback"));
          c.close();
        });
      });
    });
    assertThat(log).containsExactly("close", "got probe size=5 " + f.family);
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void sendsWhileBindingWaitForListeningAndCloseWaitsBehindThem(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket[] server = new DatagramSocket[1];
      server[0] = server(f, 1, () -> {
        int port = server[0].address().port();
        DatagramSocket c = f.create();
        c.on(DatagramSocket.LISTENING, () -> log.add("listening"));
        c.on(DatagramSocket.CLOSE, () -> {
          log.add("close");
          DatagramSocket probe = f.create();
          probe.send("probe", port, f.loopback, (e, n) -> probe.close());
        });
        c.send("one", port, f.loopback, (e, n) -> log.add("sent one"));
        c.send("two", port, f.loopback, (e, n) -> log.add("sent two"));
        c.close(); // queued: runs after the sends, which it then overtakes (Node drops them)
        log.add("after close");
      });
    });
    // node prints: after close, listening, close (checked with node v20).
    assertThat(log).containsExactly("after close", "listening", "close", "got probe size=5 " + f.family);
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void aCustomLookupResolvesEveryAddress(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket[] server = new DatagramSocket[1];
      server[0] = server(f, 1, () -> {
        DatagramSocket c = Dgram.createSocket(new SocketOptions(f.type).lookup((host, family, cb) -> {
          log.add("lookup " + host + " " + family);
          cb.done(null, f.loopback, family);
        }));
        c.send("via lookup", server[0].address().port(), "my-server", (e, n) -> {
          log.add("sent " + e + " " + n);
          c.close();
        });
      });
    });
    int fam = f == Fam.V4 ? 4 : 6;
    assertThat(log).containsExactly(
        "lookup " + f.any + " " + fam, "lookup my-server " + fam, "sent null 10",
        "got via lookup size=10 " + f.family);
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void aFailedCustomLookupReachesTheCallback(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket c = Dgram.createSocket(new SocketOptions(f.type).lookup((host, family, cb) -> {
        if (host.equals("nowhere")) {
          cb.done(new IllegalStateException("no such host"), null, 0);
        } else {
          cb.done(null, host, family);
        }
      }));
      c.send("x", 9, "nowhere", (e, n) -> {
        log.add(e.getMessage() + " " + n);
        c.close();
      });
    });
    assertThat(log).containsExactly("no such host null");
  }

  @Test
  void sendsFromAnotherThreadRunOnTheLoop() throws Exception {
    java.util.concurrent.CompletableFuture<Integer> port = new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.CompletableFuture<DatagramSocket> client = new java.util.concurrent.CompletableFuture<>();
    dev.nodus.Process p = dev.nodus.Nodus.start(() -> {
      DatagramSocket server = Dgram.createSocket("udp4");
      server.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
        log.add("got " + msg + " on " + Thread.currentThread().getName().startsWith("nodus-loop"));
        server.close();
      });
      server.bind(0, "127.0.0.1", () -> port.complete(server.address().port()));
      client.complete(Dgram.createSocket("udp4"));
    });
    DatagramSocket c = client.get(10, TimeUnit.SECONDS);
    c.send("from elsewhere", port.get(10, TimeUnit.SECONDS), "127.0.0.1", (e, n) -> {
      log.add("callback on loop " + Thread.currentThread().getName().startsWith("nodus-loop"));
      c.close();
    });
    assertThat(p.awaitExit(Duration.ofSeconds(10))).isTrue();
    assertThat(log).containsExactlyInAnyOrder("got from elsewhere on true", "callback on loop true");
  }
}
