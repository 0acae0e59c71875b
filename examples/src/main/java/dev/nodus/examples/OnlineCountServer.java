package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.net.Net;
import dev.nodus.net.Server;

/**
 * The tutorial "Node.js网络编程" (2019), §6.2.2 (2): counts clients and tells each its remote address
 * and port. Port 3000 on 127.0.0.1, or the first argument.
 */
public final class OnlineCountServer {
  private OnlineCountServer() {}

  /**
   * Runs the example.
   *
   * @param args optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    Nodus.run(() -> {
      Server server = Net.createServer();
      // let count = 0;
      int[] count = {0};
      server.on(Server.CONNECTION, socket -> {
        // count++;
        count[0]++;
        // console.log('welcome,当前在线人数：'+count);
        System.out.println("welcome,当前在线人数：" + count[0]);
        // socket.write('remoteAddress'+socket.remoteAddress+'\n');
        socket.write("remoteAddress" + socket.remoteAddress() + "\n");
        // socket.write('remotePort'+socket.remotePort);
        socket.write("remotePort" + socket.remotePort());
      });
      // server.listen(3000,'127.0.0.1',function() { console.log('server listening at port 3000'); });
      server.listen(port, "127.0.0.1", () -> System.out.println("server listening at port " + port));
    });
  }
}
