package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.net.Net;
import dev.nodus.net.Server;
import dev.nodus.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002 §6.3.2: the chat broadcast server. A line from one client reaches every other
 * client, prefixed with the receiving client's remote port as the seed does. Port 3000 on
 * 127.0.0.1, or the first argument; use it with {@code nc 127.0.0.1 3000} or {@link ChatClient}.
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
        // Not in the seed: without it the array keeps closed sockets, and writing to one fails.
        socket.on(Socket.CLOSE, hadError -> users.remove(socket));
      });
      server.listen(port, "127.0.0.1", () -> System.out.println("server listening at port " + port));
    });
  }
}
