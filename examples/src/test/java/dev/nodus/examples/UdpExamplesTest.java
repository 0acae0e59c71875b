package dev.nodus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Nodus;
import dev.nodus.Process;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the seed's UDP server and client in this JVM and checks what the server prints. */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpExamplesTest {
  @Test
  void clientMessageReachesServer() throws Exception {
    int port;
    try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0)) {
      port = probe.getLocalPort();
    }
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
    Process server = Nodus.start(() -> UdpServer.server(port));
    try {
      awaitOutput(captured, "server listening");
      // The client program ends by itself once its socket is closed.
      UdpClient.main(new String[] {String.valueOf(port)});
      String got = awaitOutput(captured, "server got: ");
      assertThat(got.lines()).contains("server listening 0.0.0.0:" + port);
      assertThat(got.lines().filter(l -> l.startsWith("server got: ")))
          .singleElement()
          .asString()
          .matches("server got: 深入浅出Node\\.js from 127\\.0\\.0\\.1:\\d+");
    } finally {
      server.stop();
      server.awaitExit(Duration.ofSeconds(5));
      System.setOut(original);
    }
  }

  private static String awaitOutput(ByteArrayOutputStream out, String text) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    synchronized (out) {
      // The examples print on their loops; the Tee wakes us up on every write.
      while (true) {
        String s = out.toString(StandardCharsets.UTF_8);
        if (s.contains(text)) {
          return s;
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no \"" + text + "\" in the output within 10 s");
        }
        TimeUnit.NANOSECONDS.timedWait(out, left);
      }
    }
  }

  /** Writes to the console and to a buffer. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final ByteArrayOutputStream b;

    Tee(OutputStream a, ByteArrayOutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws java.io.IOException {
      a.write(c);
      synchronized (b) {
        b.write(c);
        b.notifyAll();
      }
    }

    @Override
    public void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      synchronized (b) {
        b.write(buf, off, len);
        b.notifyAll();
      }
    }
  }
}
