package dev.nodus.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Re-runs, in Node, the programs recorded in the tests' comments and checks that Node still
 * prints what the tests assert. A test documents the Node program it mirrors as
 * {@code // node: <js>} lines and Node's stdout as {@code // node> <line>} lines (no such line:
 * no output); the Java test asserts the same literal.
 *
 * <p>Not part of the default run (the class name does not end in {@code Test}, so it costs no
 * node processes there); run it with
 * {@code ./mvnw -q -B -pl nodus test -Dtest=NodeSnippetsCheck}. Every snippet runs after
 * {@link #PREAMBLE}, in its own {@code node -e}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeSnippetsCheck {
  static final String PREAMBLE =
      "const EventEmitter = require('events'); const ee = new EventEmitter();"
          + " const log = (...a) => console.log(a.join(' '));\n";

  private static final List<Path> SOURCES =
      List.of(Path.of("src/test/java/dev/nodus/events"), Path.of("src/test/java/dev/nodus"));

  @TestFactory
  Stream<DynamicTest> nodePrintsWhatTheTestsRecorded() throws IOException {
    Assumptions.assumeTrue(nodeAvailable(), "node is not installed");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path dir : SOURCES) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          tests.addAll(snippets(f));
        }
      }
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  private static List<DynamicTest> snippets(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<DynamicTest> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().startsWith("// node:")) {
        continue;
      }
      int start = i + 1;
      StringBuilder js = new StringBuilder();
      while (i < lines.size() && lines.get(i).strip().startsWith("// node:")) {
        js.append(lines.get(i).strip().substring("// node:".length())).append('\n');
        i++;
      }
      List<String> expected = new ArrayList<>();
      while (i < lines.size() && lines.get(i).strip().startsWith("// node>")) {
        String l = lines.get(i).strip().substring("// node>".length());
        expected.add(l.startsWith(" ") ? l.substring(1) : l);
        i++;
      }
      String name = file.getFileName() + ":" + start;
      String program = js.toString();
      out.add(DynamicTest.dynamicTest(name, () -> assertThat(run(program)).as(program)
          .isEqualTo(expected)));
    }
    return out;
  }

  private static List<String> run(String js) throws Exception {
    Process p =
        new ProcessBuilder("node", "-e", PREAMBLE + js)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out.isEmpty() ? List.of() : List.of(out.split("\n", -1)).subList(0,
        out.split("\n", -1).length - (out.endsWith("\n") ? 1 : 0));
  }

  static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
