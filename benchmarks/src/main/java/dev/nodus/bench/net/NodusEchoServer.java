package dev.nodus.bench.net;

import dev.nodus.Nodus;
import dev.nodus.net.Net;

/**
 * The Nodus echo server of {@code benchmarks/net/run.sh}: Node's
 * {@code net.createServer(s => s.pipe(s))}, line for line, on one loop.
 *
 * <pre>java ... dev.nodus.bench.net.NodusEchoServer PORT</pre>
 *
 * Prints {@code listening PORT} once bound (run.sh waits for that line), then serves until killed.
 */
public final class NodusEchoServer {
  private NodusEchoServer() {}

  /**
   * Runs the server.
   *
   * @param args the port (127.0.0.1 only: the benchmark is loopback-only)
   */
  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Nodus.run(() -> Net.createServer(s -> s.pipe(s))
        .listen(port, "127.0.0.1", () -> System.out.println("listening " + port + " (" + Nodus.transport() + ")")));
  }
}
