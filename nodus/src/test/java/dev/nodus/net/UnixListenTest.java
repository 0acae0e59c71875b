package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.SystemError;
import dev.nodus.testing.Programs;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code server.listen(path)} takes a path only when nothing is there, as libuv's bind(2) does:
 * whatever is at the path (a file, a live server's socket, a stale socket file) gives
 * EADDRINUSE and is left as it was; close() removes only the socket file the server made.
 */
@Timeout(30)
class UnixListenTest {
  private final List<Object> log = new CopyOnWriteArrayList<>();
  private Path dir;

  @BeforeEach
  void dir() throws IOException {
    dir = Files.createTempDirectory("nodus-unix");
  }

  @AfterEach
  void clean() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Listens on {@code path} in a program of its own and returns the 'error' it emitted. */
  private static SystemError listenError(String path) {
    AtomicReference<Throwable> error = new AtomicReference<>();
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer();
      s.on(Server.ERROR, error::set);
      s.on(Server.LISTENING, s::close);
      s.listen(path);
    });
    assertThat(error.get()).isInstanceOf(SystemError.class);
    return (SystemError) error.get();
  }

  private static void assertAddressInUse(SystemError e, String path) {
    // node -e 'net.createServer().on("error", e => console.log(e.code, e.errno, e.syscall,
    //   e.address, e.port, e.message)).listen(path)'
    // -> EADDRINUSE -98 listen <path> -1 listen EADDRINUSE: address already in use <path>
    assertThat(e.code()).isEqualTo("EADDRINUSE");
    assertThat(e.errno()).isEqualTo(-98);
    assertThat(e.syscall()).isEqualTo("listen");
    assertThat(e.address()).isEqualTo(path);
    assertThat(e.port()).isEqualTo(-1);
    assertThat(e.getMessage()).isEqualTo("listen EADDRINUSE: address already in use " + path);
  }

  @Test
  void aRegularFileIsKeptByteForByteAndTheListenFailsWithEaddrinuse() throws IOException {
    Path file = dir.resolve("data.sock");
    byte[] data = "a file that is not a socket\n".repeat(100).getBytes(StandardCharsets.UTF_8);
    Files.write(file, data);

    SystemError e = listenError(file.toString());

    assertAddressInUse(e, file.toString());
    assertThat(Files.isRegularFile(file)).isTrue();
    assertThat(Files.readAllBytes(file)).isEqualTo(data);
  }

  @Test
  void aLiveServersPathIsNotTakenAndItKeepsServing() {
    String path = dir.resolve("live.sock").toString();
    Programs.run(Duration.ofSeconds(10), () -> {
      Server first = Net.createServer(sock -> sock.end("first"));
      first.listen(path, () -> {
        Server second = Net.createServer(sock -> sock.end("second"));
        second.on(Server.ERROR, e -> {
          log.add(((SystemError) e).code() + ":" + e.getMessage());
          Socket c = Net.connect(path, null);
          c.setEncoding("utf8");
          c.on(Socket.TEXT, d -> log.add("got:" + d));
          c.on(Socket.END, () -> first.close(err -> log.add("first closed")));
        });
        second.on(Server.LISTENING, () -> {
          log.add("second listening");
          second.close();
          first.close();
        });
        second.listen(path);
      });
    });
    assertThat(log).containsExactly(
        "EADDRINUSE:listen EADDRINUSE: address already in use " + path, "got:first", "first closed");
    assertThat(Files.exists(Path.of(path))).as("first removed its own socket file on close").isFalse();
  }

  @Test
  void aStaleSocketFileGivesEaddrinuseAndIsKept() throws IOException {
    Path path = dir.resolve("stale.sock");
    // A socket bound and closed without unlinking leaves its file behind, as a killed process
    // does; the JDK never removes a Unix socket's file.
    try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.bind(UnixDomainSocketAddress.of(path));
    }
    Object inode = Files.getAttribute(path, "unix:ino");

    SystemError e = listenError(path.toString());

    assertAddressInUse(e, path.toString());
    assertThat(Files.getAttribute(path, "unix:ino")).as("the same file").isEqualTo(inode);
  }

  @Test
  void closeRemovesTheSocketFileTheServerMade() {
    String path = dir.resolve("own.sock").toString();
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer();
      s.listen(path, () -> {
        log.add("exists:" + Files.exists(Path.of(path)));
        s.close(err -> log.add("after close exists:" + Files.exists(Path.of(path))));
      });
    });
    assertThat(log).containsExactly("exists:true", "after close exists:false");
  }

  @Test
  void aFailedListenRemovesNothingAndALaterListenOnAFreePathWorks() throws IOException {
    Path file = dir.resolve("taken");
    Files.writeString(file, "x");
    String free = dir.resolve("free.sock").toString();
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer();
      s.on(Server.ERROR, e -> {
        log.add(((SystemError) e).code());
        s.listen(free, () -> {
          log.add("listening " + s.address().address());
          s.close();
        });
      });
      s.listen(file.toString());
    });
    assertThat(log).containsExactly("EADDRINUSE", "listening " + free);
    assertThat(Files.readString(file)).isEqualTo("x");
    assertThat(Files.exists(Path.of(free))).isFalse();
  }

  @Test
  void aMissingDirectoryIsEaccesAsLibuvSaysIt() {
    // node: listen('/nonexistent/x.sock') -> EACCES -13 listen /nonexistent/x.sock -1
    //   listen EACCES: permission denied /nonexistent/x.sock
    String path = dir.resolve("missing").resolve("x.sock").toString();
    SystemError e = listenError(path);
    assertThat(e.code()).isEqualTo("EACCES");
    assertThat(e.errno()).isEqualTo(-13);
    assertThat(e.port()).isEqualTo(-1);
    assertThat(e.getMessage()).isEqualTo("listen EACCES: permission denied " + path);
  }
}
