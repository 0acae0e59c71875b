package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.net.Net;
import dev.nodus.net.Server;
import dev.nodus.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat broadcast server of the tutorial "Node.js网络编程" (2019), §6.3.2 多人广播消息. A line
 * from one client reaches every other client, prefixed with the receiving client's remote port
 * as the tutorial's server does. Port 3000 on 127.0.0.1, or the first argument; talk to it from
 * two terminals with {@code nc 127.0.0.1 3000} or {@link ChatClient}. Two additions, marked "Not
 * in the seed" below: it logs joins and leaves ("127.0.0.1:54321 joined (2 online)"), and it
 * forgets a client once its socket closes.
 */
public final class ChatServer {
  private ChatServer() {}

  /**
   * Runs the example.
   *
   * @param args optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    Nodus.run(() -> {
      Server server = Net.createServer();
      // 该数组用来封装所有客户端的scoket
      // let users = [];
      List<Socket> users = new ArrayList<>();
      server.on(Server.CONNECTION, socket -> {
        // users.push(socket);
        users.add(socket);
        // Not in the seed: log joins and leaves, so the demo's console shows who is there.
        String who = socket.remoteAddress() + ":" + socket.remotePort();
        System.out.println(who + " joined (" + users.size() + " online)");
        socket.on(Socket.DATA, chunk -> {
          // data = data.toString().trim();
          String data = chunk.toString().trim();
          // users.forEach(function (client) {
          users.forEach(client -> {
            if (client != socket) {
              // 不同客户端端口号不同
              // client.write(client.remotePort+':'+data);
              client.write(client.remotePort() + ":" + data);
            }
          });
        });
        // socket.on('error',function () { console.log('有客户端退出了'); });
        socket.on(Socket.ERROR, err -> System.out.println("有客户端退出了"));
        // Not in the seed: without it the array keeps closed sockets, and writing to one fails;
        // and the leave is logged as the join is.
        socket.on(Socket.CLOSE, hadError -> {
          users.remove(socket);
          System.out.println(who + " left (" + users.size() + " online)");
        });
      });
      server.listen(port, "127.0.0.1", () -> System.out.println("server listening at port " + port));
    });
  }
}
