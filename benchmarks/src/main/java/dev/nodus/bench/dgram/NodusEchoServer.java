package dev.nodus.bench.dgram;

import dev.nodus.Nodus;
import dev.nodus.dgram.DatagramSocket;
import dev.nodus.dgram.Dgram;

/**
 * Nodus's side of the dgram benchmark (see benchmarks/dgram/run.sh), written as a Node user
 * would write it: a 'message' listener that echoes pings, counts one-way datagrams and answers
 * queries, on one loop.
 */
public final class NodusEchoServer {
  private NodusEchoServer() {}

  /**
   * Runs the server.
   *
   * @param args optional port (default 0); prints {@code listening <port>} when bound
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    Nodus.run(() -> {
      DatagramSocket s = Dgram.createSocket("udp4");
      long[] count = {0};
      s.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
        int t = msg.get(0);
        if (t == 'P') {
          s.send(msg, rinfo.port(), rinfo.address());
        } else if (t == 'O') {
          count[0]++;
        } else if (t == 'Q') {
          s.send(Long.toString(count[0]), rinfo.port(), rinfo.address());
          count[0] = 0;
        }
      });
      s.bind(port, "127.0.0.1", () -> System.out.println("listening " + s.address().port()));
    });
  }
}
