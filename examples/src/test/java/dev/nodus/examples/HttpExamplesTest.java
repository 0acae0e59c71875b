package dev.nodus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP examples in their own JVMs: {@link HttpHello}'s output and bytes as its seed's Node
 * program sends them (written out here; {@link SeedComparisonTest} runs the seed itself), and
 * {@link HttpEcho} against the conformance sample of {@code ../shared/conformance} (Node's
 * recorded answers to 113 raw requests, valid, odd, malformed and hostile).
 */
@Timeout(400)
class HttpExamplesTest {

  @Test
  void httpHelloAnswersAsItsSeed() throws Exception {
    int port = ExampleProcess.freePort();
    try (ExampleProcess server = ExampleProcess.start(HttpHello.class, String.valueOf(port))) {
      assertThat(server.nextLine()).isEqualTo("Server running at http://127.0.0.1:" + port + "/");
      try (Socket s = connectWhenUp(port)) {
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(read(s)).isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nDate: X\r\n"
            + "Connection: keep-alive\r\nKeep-Alive: timeout=5\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "c\r\nHello World\n\r\n0\r\n\r\n<open>"); // the head is stored by writeHead, before end(data)
      }
      try (Socket s = connectWhenUp(port)) {
        s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(read(s)).isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nDate: X\r\n"
            + "Connection: close\r\n\r\nHello World\n<EOF>");
      }
    }
  }

  /**
   * Runs {@code conform.py compare} with {@link HttpEcho} as the server. The folder is {@code
   * ../shared/conformance} beside the repository (or the {@code nodus.conformanceDir} system
   * property); without it or without python3 the test is skipped with a message.
   */
  @Test
  void httpEchoPassesTheConformanceSample() throws Exception {
    Path dir = conformanceDir();
    Assumptions.assumeTrue(dir != null,
        "no conformance folder (../shared/conformance beside the repository, or -Dnodus.conformanceDir)");
    Assumptions.assumeTrue(python3(), "python3 is not installed: cannot run conform.py");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String server = java + " -cp " + System.getProperty("java.class.path") + " dev.nodus.examples.Main HttpEcho 0";
    List<String> cmd = List.of("python3", "conform.py", "compare", "--spawn", server,
        "--expected", "expected.node.sample.json", "--quiet");
    java.lang.Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    List<String> failures = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("FAIL ")) {
        failures.add(line);
      }
    }
    assertThat(failures).as(out).isEmpty();
    assertThat(out.strip()).as(out).endsWith("113 passed, 0 failed");
    assertThat(p.exitValue()).as(out).isZero();
  }

  static Path conformanceDir() {
    String prop = System.getProperty("nodus.conformanceDir");
    if (prop != null && Files.isRegularFile(Path.of(prop, "conform.py"))) {
      return Path.of(prop);
    }
    // surefire runs in examples/; the repository root is its parent
    Path here = Path.of("").toAbsolutePath();
    for (Path root : List.of(here.getParent(), here)) {
      if (root != null && root.getParent() != null) {
        Path d = root.getParent().resolve("shared").resolve("conformance");
        if (Files.isRegularFile(d.resolve("conform.py"))) {
          return d;
        }
      }
    }
    return null;
  }

  private static boolean python3() throws InterruptedException {
    try {
      java.lang.Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static String read(Socket s) throws IOException {
    s.setSoTimeout(500);
    InputStream in = s.getInputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    String end;
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        b.write(buf, 0, n);
      }
      end = "<EOF>";
    } catch (java.net.SocketTimeoutException e) {
      end = "<open>";
    }
    return b.toString(StandardCharsets.ISO_8859_1).replaceAll("Date: [^\r]*", "Date: X") + end;
  }

  private static Socket connectWhenUp(int port) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      try {
        return new Socket("127.0.0.1", port);
      } catch (java.net.ConnectException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
      }
    }
  }
}
