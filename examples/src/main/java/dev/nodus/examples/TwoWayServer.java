package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.net.Net;
import dev.nodus.net.Server;
import dev.nodus.net.Socket;

/**
 * The tutorial "Node.js网络编程" (2019), §6.2.2 (3), server side: prints what the client says and
 * answers "我吃的小豆包". Port 3000 on 127.0.0.1, or the first argument.
 */
public final class TwoWayServer {
  private TwoWayServer() {}

  /**
   * Runs the example.
   *
   * @param args optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    Nodus.run(() -> {
      Server server = Net.createServer();
      server.on(Server.CONNECTION, socket -> {
        // socket.on('data',function (data) {
        socket.on(Socket.DATA, data -> {
          // console.log(data.toString());
          System.out.println(data.toString());
          // socket.write('我吃的小豆包');
          socket.write("我吃的小豆包");
        });
      });
      server.listen(port, "127.0.0.1", () -> System.out.println("server listening at port " + port));
    });
  }
}
