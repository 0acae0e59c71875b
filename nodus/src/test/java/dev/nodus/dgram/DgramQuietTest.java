package dev.nodus.dgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.testing.Programs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The dgram code writes nothing to stdout or stderr: not when a socket closes, not when a read
 * fails (Node emits that failure as 'error' and prints nothing).
 */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class DgramQuietTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  @ParameterizedTest
  @EnumSource(Fam.class)
  void closeAndReadErrorsPrintNothing(Fam f) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      Programs.run(Duration.ofSeconds(10), () -> {
        DatagramSocket plain = f.create();
        plain.bind(0, f.loopback, plain::close);
        DatagramSocket c = f.create();
        // A connected socket sending to a closed port reads ECONNREFUSED: node emits
        // 'error' (recvmsg ECONNREFUSED) and prints nothing.
        c.on(DatagramSocket.ERROR, e -> {
          log.add(((NodeError) e).code());
          c.close(() -> log.add("closed"));
        });
        c.connect(9, f.loopback, e -> c.send("anyone?"));
      });
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(log).containsExactly("ECONNREFUSED", "closed");
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
