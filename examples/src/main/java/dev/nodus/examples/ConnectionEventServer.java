package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.net.Net;
import dev.nodus.net.Server;

/**
 * The tutorial "Node.js网络编程" (2019), §6.2.1: a server that logs each connection through the
 * 'connection' and 'listening' events instead of callbacks. Port 3000 on 127.0.0.1, or the first
 * argument; try it with {@code telnet 127.0.0.1 3000}.
 */
public final class ConnectionEventServer {
  private ConnectionEventServer() {}

  /**
   * Runs the example.
   *
   * @param args optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    Nodus.run(() -> {
      // let server = net.createServer();
      Server server = Net.createServer();
      // server.on('connection',function(){ console.log('有客户端连接上来了'); });
      server.on(Server.CONNECTION, socket -> System.out.println("有客户端连接上来了"));
      // server.on('listening',function () { console.log('服务器监听成功了，正在等待客户端连接'); });
      server.on(Server.LISTENING, () -> System.out.println("服务器监听成功了，正在等待客户端连接"));
      // server.listen(3000,'127.0.0.1');
      server.listen(port, "127.0.0.1");
    });
  }
}
