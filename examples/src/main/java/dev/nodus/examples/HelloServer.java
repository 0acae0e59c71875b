package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.net.Net;
import dev.nodus.net.Server;

/**
 * The tutorial "Node.js网络编程" (2019), §6.2.2 (1): the server greets each client with "hello" and
 * logs its IP address. Port 3000 on 127.0.0.1, or the first argument.
 */
public final class HelloServer {
  private HelloServer() {}

  /**
   * Runs the example.
   *
   * @param args optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    Nodus.run(() -> {
      Server server = Net.createServer();
      // server.on('connection',function(socket){
      server.on(Server.CONNECTION, socket -> {
        System.out.println("有客户端连接上来了");
        // console.log('客户端IP地址：'+socket.remoteAddress+'连接到了当前服务器');
        System.out.println("客户端IP地址：" + socket.remoteAddress() + "连接到了当前服务器");
        // socket.write('hello');
        socket.write("hello");
      });
      server.on(Server.LISTENING, () -> System.out.println("服务器监听成功了，正在等待客户端连接"));
      server.listen(port, "127.0.0.1");
    });
  }
}
