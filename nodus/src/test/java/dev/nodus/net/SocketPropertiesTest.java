package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.testing.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A socket's address properties before, during and after the connection, as node v20.20 prints
 * them (undefined is null here, and {@code address()}'s {@code {}} is null too).
 */
@Timeout(30)
class SocketPropertiesTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  private static String props(Socket c, int serverPort) {
    Integer rp = c.remotePort();
    Integer lp = c.localPort();
    AddressInfo a = c.address();
    return c.localAddress() + " " + (lp == null ? null : lp > 0) + " " + c.localFamily() + " "
        + (a == null ? null : a.address() + "/" + a.family() + "/" + java.util.Objects.equals(a.port(), lp)) + " "
        + c.remoteAddress() + " " + (rp == null ? null : rp == serverPort) + " " + c.remoteFamily();
  }

  @Test
  void localAddressIsGoneAfterCloseAndTheRemoteOneStaysOnlyIfReadBefore() {
    // node: before: all undefined, address() {}; connected: 127.0.0.1 IPv4, address()
    // {address,family,port}; after close: local* undefined, address() {}, remote* kept as read
    // before; the accepted socket, whose remote address was never read: all undefined, {}
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> {
        sock.resume();
        sock.on(Socket.CLOSE, e -> log.add("srv after close " + props(sock, -1)));
      });
      s.listen(0, "127.0.0.1", () -> {
        int port = s.address().port();
        Socket c = Net.connect(port, "127.0.0.1", null);
        c.on(Socket.CONNECT, () -> {
          log.add("connected " + props(c, port));
          c.end();
        });
        c.on(Socket.CLOSE, e -> {
          log.add("after close " + props(c, port));
          s.close();
        });
        log.add("before " + props(c, port));
      });
    });
    assertThat(log).containsExactly(
        "before null null null null null null null",
        "connected 127.0.0.1 true IPv4 127.0.0.1/IPv4/true 127.0.0.1 true IPv4",
        "srv after close null null null null null null null",
        "after close null null null null 127.0.0.1 true IPv4");
  }

  @Test
  void aRemoteAddressNeverReadIsGoneAfterClose() {
    // node: remote* read only in 'close' -> undefined
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.resume().end());
      s.listen(0, "127.0.0.1", () -> {
        int port = s.address().port();
        Socket c = Net.connect(port, "127.0.0.1", null);
        c.resume();
        c.on(Socket.CLOSE, e -> {
          log.add("after close " + props(c, port));
          s.close();
        });
      });
    });
    assertThat(log).containsExactly("after close null null null null null null null");
  }

  @Test
  void aUnixSocketHasNoAddressProperties() throws Exception {
    // node: accepted and client: address() {}, every local/remote property undefined
    Path dir = Files.createTempDirectory("nodus-props");
    String path = dir.resolve("s.sock").toString();
    try {
      Programs.run(Duration.ofSeconds(10), () -> {
        Server s = Net.createServer(sock -> {
          log.add("srv " + props(sock, -1));
          sock.end();
        });
        s.listen(path, () -> {
          Socket c = Net.connect(path, null);
          c.on(Socket.CONNECT, () -> log.add("cli " + props(c, -1)));
          c.resume();
          c.on(Socket.CLOSE, e -> {
            log.add("cli closed " + props(c, -1));
            s.close();
          });
        });
      });
    } finally {
      Files.deleteIfExists(Path.of(path));
      Files.deleteIfExists(dir);
    }
    assertThat(log).containsExactlyInAnyOrder("srv null null null null null null null",
        "cli null null null null null null null", "cli closed null null null null null null null");
  }

  @Test
  void localFamilyAndBufferSizeOverTheLifecycle() {
    // node: new net.Socket(): bufferSize undefined, writableLength 0; over ::1:
    // connecting after write('abc'): 3 3 undefined; accepted IPv6 ::1 IPv6; connect 0 IPv6 ::1
    // IPv6; after write(8 MiB) bufferSize === writableLength, > 0; destroyed: bufferSize
    // undefined, localFamily undefined
    Programs.run(Duration.ofSeconds(10), () -> {
      Socket fresh = new Socket();
      log.add("fresh " + fresh.bufferSize() + " " + fresh.writableLength());
      Server s = Net.createServer(sock -> {
        log.add("accepted " + sock.localFamily() + " " + sock.localAddress() + " " + sock.remoteFamily());
        sock.resume();
      });
      s.listen(0, "::1", () -> {
        Socket c = Net.connect(s.address().port(), "::1");
        c.write("abc");
        log.add("connecting " + c.bufferSize() + " " + c.writableLength() + " " + c.localFamily());
        c.on(Socket.CONNECT, () -> {
          log.add("connect " + c.bufferSize() + " " + c.localFamily() + " " + c.localAddress() + " " + c.remoteFamily());
          c.write(new byte[8 * 1024 * 1024]);
          log.add("big " + (c.bufferSize() == c.writableLength()) + " " + (c.bufferSize() > 0));
          c.destroy();
          log.add("destroyed " + c.bufferSize() + " " + c.localFamily());
        });
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("fresh null 0", "connecting 3 3 null", "accepted IPv6 ::1 IPv6",
        "connect 0 IPv6 ::1 IPv6", "big true true", "destroyed null null");
  }
}
