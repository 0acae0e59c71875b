package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.net.Net;
import dev.nodus.net.Server;

/**
 * The pipe echo server of 《深入浅出Node.js》 (朴灵), chapter 7 "网络编程": a TCP socket is a Duplex stream,
 * so {@code pipe} echoes. Port 1337 on 127.0.0.1, or the first argument.
 */
public final class EchoServer {
  private EchoServer() {}

  /**
   * Runs the example.
   *
   * @param args optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 1337;
    Nodus.run(() -> {
      // var server = net.createServer(function (socket) {
      //   socket.write('Echo server\r\n');
      //   socket.pipe(socket);
      // });
      Server server = Net.createServer(socket -> {
        socket.write("Echo server\r\n");
        socket.pipe(socket);
      });
      // server.listen(1337, '127.0.0.1');
      server.listen(port, "127.0.0.1");
    });
  }
}
