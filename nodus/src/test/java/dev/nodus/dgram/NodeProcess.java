package dev.nodus.dgram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@code node -e script} child process whose stdout is read line by line. */
final class NodeProcess implements AutoCloseable {
  private static final String EOF = new String("<eof>");
  private static volatile Boolean available;

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private NodeProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the process went away
      } finally {
        lines.add(EOF);
      }
    }, "node-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Whether a {@code node} binary runs. */
  static boolean available() {
    if (available == null) {
      try {
        Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        available = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        available = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        available = false;
      }
    }
    return available;
  }

  /** Starts {@code node -e script args...}; stderr goes to the test's stderr. */
  static NodeProcess start(String script, String... args) throws IOException {
    String[] cmd = new String[3 + args.length];
    cmd[0] = "node";
    cmd[1] = "-e";
    cmd[2] = script;
    System.arraycopy(args, 0, cmd, 3, args.length);
    return new NodeProcess(
        new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  /** The next stdout line; fails after {@code limit} or at end of output. */
  String readLine(Duration limit) throws InterruptedException {
    String line = lines.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new AssertionError("node printed nothing within " + limit);
    }
    if (line == EOF) {
      lines.add(EOF);
      throw new AssertionError("node exited with " + process.waitFor() + " before printing a line");
    }
    return line;
  }

  /** Everything node prints until it exits. */
  String allOutput(Duration limit) throws InterruptedException {
    StringBuilder sb = new StringBuilder();
    long end = System.nanoTime() + limit.toNanos();
    while (true) {
      String line = lines.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("node did not finish within " + limit + "; so far:\n" + sb);
      }
      if (line == EOF) {
        return sb.toString();
      }
      sb.append(line).append('\n');
    }
  }

  /** Waits for node to exit and returns its exit code. */
  int waitFor(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("node did not exit within " + limit);
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
