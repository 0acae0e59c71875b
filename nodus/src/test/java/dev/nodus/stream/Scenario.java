package dev.nodus.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.testing.Programs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one event-order scenario in Java and compares the recorded lines with the ones recorded
 * from the equivalent Node script. The expected lines are stored in the test (recorded with
 * node v20); when node is installed the script is also run, and must still print them, so a
 * wrong recording cannot hide.
 */
final class Scenario {
  private Scenario() {}

  /** The lines a scenario records, in order. */
  static final class Log {
    final List<String> lines = new ArrayList<>();

    void add(String line) {
      lines.add(line);
    }
  }

  /** Runs {@code body} on a fresh Nodus program and returns what it logged. */
  static List<String> java(Consumer<Log> body) {
    Log log = new Log();
    Programs.run(Duration.ofSeconds(10), () -> body.accept(log));
    return log.lines;
  }

  /** Whether node is on the PATH. */
  static boolean nodeAvailable() {
    return Node.AVAILABLE;
  }

  private static final class Node {
    static final boolean AVAILABLE = probe();

    private static boolean probe() {
      try {
        Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException | InterruptedException e) {
        return false;
      }
    }
  }

  /** Runs {@code script} with node and returns its stdout lines. */
  static List<String> node(String script) {
    try {
      Process p = new ProcessBuilder("node", "-e", script).redirectErrorStream(true).start();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        out = bytes.toByteArray();
      }
      p.waitFor(20, TimeUnit.SECONDS);
      String s = new String(out, StandardCharsets.UTF_8).strip();
      return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The Node error code of {@code e}, or its class name. */
  static String code(Throwable e) {
    return e instanceof dev.nodus.NodeError n ? n.code() : e == null ? "null" : e.getMessage();
  }

  /**
   * Asserts that the Java scenario logs {@code expected} and, when node is installed, that the
   * node script still logs the same.
   */
  static void check(String nodeScript, String expected, Consumer<Log> body) {
    List<String> want = expected.isBlank() ? List.of() : List.of(expected.strip().split("\n"));
    if (nodeAvailable()) {
      assertThat(node(nodeScript)).as("node's output (the recording)").containsExactlyElementsOf(want);
    }
    assertThat(java(body)).as("the Java scenario's events").containsExactlyElementsOf(want);
  }
}
