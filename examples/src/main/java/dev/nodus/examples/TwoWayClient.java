package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.net.ConnectOptions;
import dev.nodus.net.Net;
import dev.nodus.net.Socket;

/**
 * The tutorial "Node.js网络编程" (2019), §6.2.2 (3), client side: asks "你吃了吗" and prints the answers.
 * It stays connected, as the tutorial's client does; stop it with Ctrl-C. Port 3000, or the first
 * argument.
 */
public final class TwoWayClient {
  private TwoWayClient() {}

  /**
   * Runs the example.
   *
   * @param args optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    Nodus.run(() -> {
      // let client = net.createConnection({ port:3000 });
      Socket client = Net.createConnection(new ConnectOptions().port(port));
      // client.on('connect',function () {
      client.on(Socket.CONNECT, () -> {
        System.out.println("客户端与服务器连接成功了");
        client.write("你吃了吗");
      });
      // client.on('data',function (data) { console.log(data.toString()); });
      client.on(Socket.DATA, data -> System.out.println(data.toString()));
    });
  }
}
