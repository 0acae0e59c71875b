package dev.nodus.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Runs an example's main in its own JVM, as a user would, and reads what it prints. */
final class ExampleProcess implements AutoCloseable {
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder err = new StringBuilder();
  private final Thread out;

  private ExampleProcess(Process p) {
    this.process = p;
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String l;
        while ((l = r.readLine()) != null) {
          lines.add(l);
        }
      } catch (IOException ignored) {
        // ended
      }
    });
    t.setDaemon(true);
    t.start();
    this.out = t;
    Thread e = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        String l;
        while ((l = r.readLine()) != null) {
          synchronized (err) {
            err.append(l).append('\n');
          }
        }
      } catch (IOException ignored) {
        // ended
      }
    });
    e.setDaemon(true);
    e.start();
  }

  static ExampleProcess start(Class<?> main, String... args) throws IOException {
    return startIn(null, main, args);
  }

  /** As {@link #start(Class, String...)}, in the working directory {@code dir} (null: this one's). */
  static ExampleProcess startIn(Path dir, Class<?> main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.add("-Dstdout.encoding=UTF-8");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    // The library's tests' leak detector, at its strictest (see LeakChecked).
    cmd.add("-Dio.netty.leakDetection.level=paranoid");
    cmd.add("-Dio.netty.leakDetection.targetRecords=4");
    cmd.add(LeakChecked.class.getName());
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    return new ExampleProcess(pb.start());
  }

  /**
   * Runs a seed program (a resource under {@code seeds/}) with {@code node}, its port
   * {@code seedPort} replaced by {@code port} throughout the text.
   */
  static ExampleProcess node(String seed, int seedPort, int port) throws IOException {
    return nodeIn(null, seed, seedPort, port);
  }

  /** As {@link #node(String, int, int)}, in the working directory {@code dir} (null: this one's). */
  static ExampleProcess nodeIn(Path dir, String seed, int seedPort, int port) throws IOException {
    String js;
    try (java.io.InputStream in = ExampleProcess.class.getResourceAsStream("/seeds/" + seed)) {
      if (in == null) {
        throw new IOException("no seed program " + seed);
      }
      js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String ported = js.replace(String.valueOf(seedPort), String.valueOf(port));
    if (ported.equals(js)) {
      throw new IOException(seed + " does not name the port " + seedPort);
    }
    Path file = java.nio.file.Files.createTempFile("seed-", "-" + seed);
    file.toFile().deleteOnExit();
    java.nio.file.Files.writeString(file, ported);
    ProcessBuilder pb = new ProcessBuilder("node", file.toString());
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    return new ExampleProcess(pb.start());
  }

  /** Whether {@code node} runs. */
  static boolean nodeAvailable() {
    try {
      java.lang.Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A port that was free a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  String nextLine() throws InterruptedException {
    String l = lines.poll(20, TimeUnit.SECONDS);
    if (l == null) {
      throw new AssertionError("the example printed nothing within 20 s; stderr:\n" + stderr());
    }
    return l;
  }

  /** Closes the program's stdin (Ctrl-D). */
  void endStdin() throws IOException {
    process.getOutputStream().close();
  }

  void stdin(String text) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write(text.getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  int waitFor() throws InterruptedException {
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      throw new AssertionError("the example did not end by itself; stderr:\n" + stderr());
    }
    checkNoLeak();
    return process.exitValue();
  }

  /** Fails if Netty's leak detector reported a buffer the example (or the library) leaked. */
  void checkNoLeak() {
    String e = stderr();
    if (e.contains("LEAK:")) {
      throw new AssertionError("Netty reported a leaked buffer in the example:\n" + e);
    }
  }

  /** Ends the process and returns every line it printed that was not read yet. */
  List<String> stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    out.join(5_000);
    checkNoLeak();
    return remainingLines();
  }

  List<String> remainingLines() {
    List<String> out = new ArrayList<>();
    lines.drainTo(out);
    return out;
  }

  String stderr() {
    synchronized (err) {
      return err.toString();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    checkNoLeak();
  }
}
