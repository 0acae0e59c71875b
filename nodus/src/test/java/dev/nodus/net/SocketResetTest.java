package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.SystemError;
import dev.nodus.testing.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code socket.resetAndDestroy()} as node v20.20 does it; expected lists printed by node. */
@Timeout(30)
class SocketResetTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  private void trace(String who, Socket c) {
    c.on(Socket.CONNECT, () -> log.add(who + "connect"));
    c.on(Socket.READY, () -> log.add(who + "ready"));
    c.on(Socket.END, () -> log.add(who + "end"));
    c.on(Socket.FINISH, () -> log.add(who + "finish"));
    c.on(Socket.ERROR, e -> {
      SystemError se = (SystemError) e;
      log.add(who + "error " + se.code() + " " + se.getMessage() + " " + se.syscall() + " " + se.errno());
    });
    c.on(Socket.CLOSE, hadError -> log.add(who + "close " + hadError));
  }

  @Test
  void whileConnectingItWaitsForTheConnectionAndResetsIt() {
    // node: c=net.connect(port,'127.0.0.1'); listeners; c.resetAndDestroy(); destroyed, connecting
    // -> after false true, connect, ready, close false,
    //    server error ECONNRESET read ECONNRESET read -104, server close true
    List<String> server = new CopyOnWriteArrayList<>();
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> {
        sock.on(Socket.ERROR, e -> {
          SystemError se = (SystemError) e;
          server.add("server error " + se.code() + " " + se.getMessage() + " " + se.syscall() + " " + se.errno());
        });
        sock.on(Socket.END, () -> server.add("server end"));
        sock.on(Socket.CLOSE, hadError -> server.add("server close " + hadError));
      });
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        trace("", c);
        c.on(Socket.CLOSE, e -> s.close());
        c.resetAndDestroy();
        log.add("after " + c.destroyed() + " " + c.connecting());
      });
    });
    assertThat(log).containsExactly("after false true", "connect", "ready", "close false");
    assertThat(server).containsExactly("server error ECONNRESET read ECONNRESET read -104", "server close true");
  }

  @Test
  void onAUnixSocketItThrowsAndLeavesTheSocketOpen() throws Exception {
    // node: c=net.connect(path); try{c.resetAndDestroy()}catch(e){e.code,e.name,e.message}
    // -> threw ERR_INVALID_HANDLE_TYPE TypeError This handle type cannot be sent, after false true;
    //    again in 'connect': threw2 ..., destroyed false; then c.destroy() -> ready, close false
    Path dir = Files.createTempDirectory("nodus-reset");
    String path = dir.resolve("s.sock").toString();
    try {
      Programs.run(Duration.ofSeconds(10), () -> {
        Server s = Net.createServer(sock -> sock.resume());
        s.listen(path, () -> {
          Socket c = Net.connect(path, null);
          c.on(Socket.CONNECT, () -> log.add("connect"));
          c.on(Socket.READY, () -> log.add("ready"));
          c.on(Socket.CLOSE, hadError -> log.add("close " + hadError));
          try {
            c.resetAndDestroy();
          } catch (NodeError e) {
            log.add("threw " + e.code() + " " + e.name() + " " + e.getMessage());
          }
          log.add("after " + c.destroyed() + " " + c.connecting());
          c.on(Socket.CONNECT, () -> {
            try {
              c.resetAndDestroy();
            } catch (NodeError e) {
              log.add("threw2 " + e.code());
            }
            log.add(String.valueOf(c.destroyed()));
            c.destroy();
          });
          c.on(Socket.CLOSE, e -> s.close());
        });
      });
    } finally {
      Files.deleteIfExists(Path.of(path));
      Files.deleteIfExists(dir);
    }
    assertThat(log).containsExactly("threw ERR_INVALID_HANDLE_TYPE TypeError This handle type cannot be sent",
        "after false true", "connect", "threw2 ERR_INVALID_HANDLE_TYPE", "false", "ready", "close false");
  }
}
