package dev.nodus.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js process as a test peer: runs a script with {@code node -e}, collects its stdout
 * lines, and is killed on {@link #close()}. Tests check {@link #available()} first (with
 * {@code Assumptions}); CI machines have node. The npm packages of {@link NpmModules} are on its
 * {@code NODE_PATH}.
 */
public final class NodePeer implements AutoCloseable {
  private static final Boolean AVAILABLE = probe();

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = new ArrayList<>();
  private final StringBuilder stderr = new StringBuilder();

  private NodePeer(Process process) {
    this.process = process;
    Thread out = new Thread(() -> pump(process.getInputStream(), true), "node-peer-out");
    out.setDaemon(true);
    out.start();
    Thread err = new Thread(() -> pump(process.getErrorStream(), false), "node-peer-err");
    err.setDaemon(true);
    err.start();
  }

  private static Boolean probe() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Whether a {@code node} binary is on the PATH. */
  public static boolean available() {
    return AVAILABLE;
  }

  /** Starts {@code node -e script args...}. */
  public static NodePeer start(String script, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add("node");
    cmd.add("-e");
    cmd.add(script);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (NpmModules.nodePath() != null) {
      pb.environment().put("NODE_PATH", NpmModules.nodePath().toString());
    }
    return new NodePeer(pb.start());
  }

  private void pump(java.io.InputStream in, boolean out) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (out) {
          synchronized (all) {
            all.add(line);
          }
          lines.add(line);
        } else {
          synchronized (stderr) {
            stderr.append(line).append('\n');
          }
        }
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  /** Waits up to {@code seconds} for the next stdout line; fails with node's stderr if none. */
  public String nextLine(int seconds) throws InterruptedException {
    String l = lines.poll(seconds, TimeUnit.SECONDS);
    if (l == null) {
      throw new AssertionError("node printed no line within " + seconds + " s; stderr:\n" + stderr());
    }
    return l;
  }

  /** Waits for the process to exit and returns its exit code. */
  public int waitFor(int seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("node did not exit within " + seconds + " s; stderr:\n" + stderr());
    }
    return process.exitValue();
  }

  /** Every stdout line so far. */
  public List<String> lines() {
    synchronized (all) {
      return new ArrayList<>(all);
    }
  }

  /** What node wrote to stderr so far. */
  public String stderr() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
