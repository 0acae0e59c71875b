package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.net.Net;
import dev.nodus.net.Server;
import dev.nodus.net.Socket;

/**
 * The first TCP server of 《深入浅出Node.js》 (朴灵), chapter 7 "网络编程": greets each client, answers every
 * message with "你好", and logs disconnections. Port 8124, or the first argument.
 */
public final class GreetingServer {
  private GreetingServer() {}

  /**
   * Runs the example.
   *
   * @param args optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8124;
    Nodus.run(() -> {
      // var server = net.createServer(function (socket) {
      Server server = Net.createServer(socket -> {
        // 新的连接
        // socket.on('data', function (data) { socket.write("你好"); });
        socket.on(Socket.DATA, data -> socket.write("你好"));
        // socket.on('end', function () { console.log('连接断开'); });
        socket.on(Socket.END, () -> System.out.println("连接断开"));
        // socket.write("欢迎光临《深入浅出Node.js》示例：\n");
        socket.write("欢迎光临《深入浅出Node.js》示例：\n");
      });
      // server.listen(8124, function () { console.log('server bound'); });
      server.listen(port, () -> System.out.println("server bound"));
    });
  }
}
