package dev.nodus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The launcher (the jar's and exec:java's main class), and how a failed start ends. */
@Timeout(60)
class MainTest {
  @Test
  void aTakenPortEndsTheDemoWithStatusOneAndNodesErrorMessage() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      try (ExampleProcess demo = ExampleProcess.start(Main.class, "ChatServer", String.valueOf(port))) {
        assertThat(demo.waitFor()).isEqualTo(1);
        String err = demo.stderr();
        assertThat(err)
            .contains("Error: listen EADDRINUSE: address already in use 127.0.0.1:" + port)
            .contains("code: 'EADDRINUSE'")
            .contains("port: " + port)
            .doesNotContain("io.netty")
            .doesNotContain("Caused by");
        assertThat(demo.remainingLines()).isEmpty();
      }
    }
  }

  @Test
  void aMisspelledNameAnswersWithTheListOfExamples() throws Exception {
    try (ExampleProcess launcher = ExampleProcess.start(Main.class, "ChatSever", "3000")) {
      assertThat(launcher.waitFor()).isEqualTo(2);
      String err = launcher.stderr();
      assertThat(err).startsWith("There is no example \"ChatSever\".");
      for (Class<?> c : Main.EXAMPLES) {
        assertThat(err).contains("\n  " + c.getSimpleName() + "\n");
      }
    }
  }

  @Test
  void theLauncherListsEveryExample() throws Exception {
    Path dir = Path.of(ChatServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("dev/nodus/examples");
    List<String> withMain;
    try (Stream<Path> files = Files.list(dir)) {
      withMain = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$"))
          .map(n -> n.substring(0, n.length() - ".class".length()))
          .filter(n -> !n.equals("Main") && hasMain("dev.nodus.examples." + n))
          .sorted()
          .collect(Collectors.toList());
    }
    assertThat(Main.EXAMPLES.stream().map(Class::getSimpleName).sorted().collect(Collectors.toList()))
        .isEqualTo(withMain);
  }

  private static boolean hasMain(String className) {
    try {
      Method m = Class.forName(className).getMethod("main", String[].class);
      return Modifier.isStatic(m.getModifiers());
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
