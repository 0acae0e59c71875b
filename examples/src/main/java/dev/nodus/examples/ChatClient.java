package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.net.ConnectOptions;
import dev.nodus.net.Net;
import dev.nodus.net.Socket;

/**
 * The tutorial "Node.js网络编程" (2019), §6.3.2 多人广播消息, client side: sends each line typed on stdin to
 * the chat server and prints what the others say. Port 3000, or the first argument.
 */
public final class ChatClient {
  private ChatClient() {}

  /**
   * Runs the example.
   *
   * @param args optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    Nodus.run(() -> {
      // let client = net.createConnection({ port:3000, host:'127.0.0.1' });
      Socket client = Net.createConnection(new ConnectOptions().port(port).host("127.0.0.1"));
      client.on(Socket.CONNECT, () -> {
        // 通过当前进程的标准输入的data事件获取终端的输入
        // process.stdin.on('data',function (data) {
        Nodus.stdin().on(Socket.DATA, data -> {
          // data = data.toString().trim();
          // client.write(data);
          client.write(data.toString().trim());
        });
      });
      // client.on('data',function (data) { console.log(data.toString()); });
      client.on(Socket.DATA, data -> System.out.println(data.toString()));
    });
  }
}
