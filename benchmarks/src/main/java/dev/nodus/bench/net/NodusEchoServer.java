package dev.nodus.bench.net;

import dev.nodus.Nodus;
import dev.nodus.net.Net;

/**
 * The Nodus echo server of {@code benchmarks/net/run.sh}: Node's
 * {@code net.createServer(s => { s.setNoDelay(NODELAY); s.pipe(s); })}, line for line, on one
 * loop (node-echo.js is the same program in Node).
 *
 * <pre>java ... dev.nodus.bench.net.NodusEchoServer PORT NODELAY</pre>
 *
 * NODELAY (0 or 1) is set on every accepted socket explicitly, so that every server of the run
 * has the same Nagle setting whatever its library's default is. Prints {@code listening PORT}
 * once bound (run.sh waits for that line), then serves until killed.
 */
public final class NodusEchoServer {
  private NodusEchoServer() {}

  /**
   * Runs the server.
   *
   * @param args the port (127.0.0.1 only: the benchmark is loopback-only) and NODELAY (0 or 1)
   */
  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    boolean noDelay = NettyEchoServer.flag(args);
    Nodus.run(() -> Net.createServer(s -> {
      s.setNoDelay(noDelay);
      s.pipe(s);
    }).listen(port, "127.0.0.1", () -> System.out.println(
        "listening " + port + " (" + Nodus.transport() + ", nodelay " + noDelay + ")")));
  }
}
