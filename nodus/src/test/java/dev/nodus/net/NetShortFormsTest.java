package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.testing.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The short forms Node code uses, without callbacks: {@code net.connect(path)},
 * {@code net.createConnection(port[, host])}, {@code net.createConnection(path)},
 * {@code net.createServer(options)}, {@code server.listen(options)} and
 * {@code server.listen(port, host, backlog)}. Each connects, and the listener added on the next
 * line (Node's idiom: the socket is named before its 'connect' fires) sees it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NetShortFormsTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  @Test
  void tcpShortForms() {
    Programs.run(Duration.ofSeconds(10), () -> {
      Server server = Net.createServer(new ServerOptions());
      server.on(Server.CONNECTION, s -> s.end("hi"));
      server.listen(0, "127.0.0.1", 511);
      server.on(Server.LISTENING, () -> {
        int port = server.address().port();
        Socket a = Net.createConnection(port, "127.0.0.1");
        a.on(Socket.DATA, d -> log.add("a " + d));
        a.on(Socket.CLOSE, e -> {
          Socket b = Net.createConnection(port);
          b.setEncoding("utf8");
          b.on(Socket.TEXT, d -> log.add("b " + d));
          b.on(Socket.CLOSE, e2 -> server.close());
        });
      });
    });
    assertThat(log).containsExactly("a hi", "b hi");
  }

  @Test
  void unixShortForms() throws Exception {
    Path dir = Files.createTempDirectory("nodus-short");
    String path = dir.resolve("s.sock").toString();
    try {
      Programs.run(Duration.ofSeconds(10), () -> {
        Server server = Net.createServer(s -> s.end("hi"));
        server.listen(new ListenOptions().path(path));
        server.on(Server.LISTENING, () -> {
          Socket a = Net.connect(path);
          a.on(Socket.DATA, d -> log.add("a " + d));
          a.on(Socket.CLOSE, e -> {
            Socket b = Net.createConnection(path);
            b.on(Socket.DATA, d -> log.add("b " + d));
            b.on(Socket.CLOSE, e2 -> server.close());
          });
        });
      });
    } finally {
      Files.deleteIfExists(Path.of(path));
      Files.deleteIfExists(dir);
    }
    assertThat(log).containsExactly("a hi", "b hi");
  }
}
