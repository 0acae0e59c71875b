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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Unix-domain clients that fail, as node v20.20 reports them: no 'connectionAttempt', but a
 * 'connectionAttemptFailed' with the path and undefined (null) port and family, then 'error'
 * with the path as {@code address} and no port.
 */
@Timeout(30)
class SocketUnixTest {
  private final List<String> log = new CopyOnWriteArrayList<>();
  private Path dir;

  @BeforeEach
  void dir() throws Exception {
    dir = Files.createTempDirectory("nodus-unix");
  }

  @AfterEach
  void clean() throws Exception {
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir);
  }

  private void trace(Socket c) {
    c.on(Socket.CONNECTION_ATTEMPT, (a, p, f) -> log.add("connectionAttempt " + a + " " + p + " " + f));
    c.on(Socket.CONNECTION_ATTEMPT_FAILED, (a, p, f, e) ->
        log.add("connectionAttemptFailed " + a + " " + p + " " + f + " " + ((NodeError) e).code()));
    c.on(Socket.CONNECT, () -> log.add("connect"));
    c.on(Socket.ERROR, e -> {
      SystemError se = (SystemError) e;
      log.add("error " + se.code() + " " + se.errno() + " " + se.syscall() + " " + se.address() + " "
          + se.port() + " " + se.getMessage());
    });
    c.on(Socket.CLOSE, hadError -> log.add("close " + hadError));
  }

  @Test
  void aMissingPathIsEnoent() {
    // node: net.connect('MISSING_DIR/x.sock') ->
    // connectionAttemptFailed PATH undefined undefined ENOENT,
    // error ENOENT -2 connect PATH undefined connect ENOENT PATH, close true
    String path = dir.resolve("missing").resolve("x.sock").toString();
    Programs.run(Duration.ofSeconds(10), () -> trace(Net.connect(path, null)));
    assertThat(log).containsExactly("connectionAttemptFailed " + path + " null null ENOENT",
        "error ENOENT -2 connect " + path + " null connect ENOENT " + path, "close true");
  }

  @Test
  void aPathThatIsNoSocketIsRefused() throws Exception {
    // node: a regular file -> connectionAttemptFailed FILE undefined undefined ECONNREFUSED,
    // error ECONNREFUSED -111 connect FILE connect ECONNREFUSED FILE, close true
    String path = Files.writeString(dir.resolve("file"), "x").toString();
    Programs.run(Duration.ofSeconds(10), () -> trace(Net.connect(path, null)));
    assertThat(log).containsExactly("connectionAttemptFailed " + path + " null null ECONNREFUSED",
        "error ECONNREFUSED -111 connect " + path + " null connect ECONNREFUSED " + path, "close true");
  }
}
