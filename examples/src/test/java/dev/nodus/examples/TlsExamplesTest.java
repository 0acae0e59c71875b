package dev.nodus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's TLS scenario end to end: keys made by {@code examples/keys/make-keys.sh} (in a
 * temporary folder), then TlsServer and TlsClient, each played by the Java example and by the
 * seed's Node program ({@code seeds/TlsServer.js}, {@code seeds/TlsClient.js}), in every pairing.
 * Each pairing's transcript (what the server and the client print) must equal Node's with Node.
 * Skipped, with a message, without {@code openssl} or {@code node}.
 */
@Timeout(180)
class TlsExamplesTest {
  @TempDir
  static Path dir;

  @BeforeAll
  static void makeKeys() throws Exception {
    Assumptions.assumeTrue(runs("openssl", "version"), "openssl is not on the PATH: cannot make the keys");
    Path keys = Files.createDirectories(dir.resolve("keys"));
    Path script = keys.resolve("make-keys.sh");
    Files.copy(Path.of("keys/make-keys.sh"), script);
    Process p = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("make-keys.sh: %s", out).isTrue();
    for (String f : List.of("ca.crt", "server.key", "server.crt", "client.key", "client.crt")) {
      assertThat(keys.resolve(f)).exists();
    }
  }

  private static boolean runs(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static ExampleProcess start(boolean java, String example, int port) throws IOException {
    return java
        ? ExampleProcess.startIn(dir, example.equals("TlsServer") ? TlsServer.class : TlsClient.class,
            String.valueOf(port))
        : ExampleProcess.nodeIn(dir, example + ".js", 8000, port);
  }

  /** The seed's session: connect, read the welcome, send two lines, end stdin, both sides end. */
  private static List<String> session(boolean javaServer, boolean javaClient) throws Exception {
    List<String> t = new ArrayList<>();
    int port = ExampleProcess.freePort();
    try (ExampleProcess server = start(javaServer, "TlsServer", port)) {
      t.add("server: " + server.nextLine());
      try (ExampleProcess client = start(javaClient, "TlsClient", port)) {
        t.add("client: " + client.nextLine());
        t.add("server: " + server.nextLine());
        // console.log(data) of "welcome!\n": the line, then an empty one.
        t.add("client: " + client.nextLine());
        t.add("client: " + client.nextLine());
        client.stdin("hello tls\n");
        t.add("client: " + client.nextLine());
        t.add("client: " + client.nextLine());
        client.stdin("你好\n");
        t.add("client: " + client.nextLine());
        t.add("client: " + client.nextLine());
        client.endStdin();
        t.add("client exit " + client.waitFor());
        t.add("client rest " + client.remainingLines());
      }
    }
    return t;
  }

  @Test
  void nodeServerWithNodeClientIsTheReference() throws Exception {
    Assumptions.assumeTrue(ExampleProcess.nodeAvailable(), "node is not on the PATH");
    assertThat(session(false, false)).containsExactly(
        "server: server bound",
        "client: client connected authorized",
        "server: server connected authorized",
        "client: welcome!",
        "client: ",
        "client: hello tls",
        "client: ",
        "client: 你好",
        "client: ",
        "client exit 0",
        "client rest []");
  }

  @Test
  void javaServerWithNodeClient() throws Exception {
    Assumptions.assumeTrue(ExampleProcess.nodeAvailable(), "node is not on the PATH: no Node peer");
    assertThat(session(true, false)).isEqualTo(session(false, false));
  }

  @Test
  void nodeServerWithJavaClient() throws Exception {
    Assumptions.assumeTrue(ExampleProcess.nodeAvailable(), "node is not on the PATH: no Node peer");
    assertThat(session(false, true)).isEqualTo(session(false, false));
  }

  @Test
  void javaServerWithJavaClient() throws Exception {
    List<String> java = session(true, true);
    assertThat(java).containsExactly(
        "server: server bound",
        "client: client connected authorized",
        "server: server connected authorized",
        "client: welcome!",
        "client: ",
        "client: hello tls",
        "client: ",
        "client: 你好",
        "client: ",
        "client exit 0",
        "client rest []");
  }
}
