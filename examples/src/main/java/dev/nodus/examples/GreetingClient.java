package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.net.ConnectOptions;
import dev.nodus.net.Net;
import dev.nodus.net.Socket;

/**
 * The TCP client of 《深入浅出Node.js》 (朴灵), chapter 7 "网络编程": connects to the greeting server, sends
 * "world!", prints the first reply and ends. Port 8124, or the first argument.
 */
public final class GreetingClient {
  private GreetingClient() {}

  /**
   * Runs the example.
   *
   * @param args optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8124;
    Nodus.run(() -> {
      // var client = net.connect({ port: 8124 }, function () { //'connect' listener
      // A Java lambda cannot name the variable it initialises, so the 'connect' listener is
      // added on the next line; it runs on 'connect' all the same, as Node's does.
      Socket client = Net.connect(new ConnectOptions().port(port));
      client.once(Socket.CONNECT, () -> {
        System.out.println("client connected");
        client.write("world!\r\n");
      });
      // client.on('data', function (data) { console.log(data.toString()); client.end(); });
      client.on(Socket.DATA, data -> {
        System.out.println(data.toString());
        client.end();
      });
      // client.on('end', function () { console.log('client disconnected'); });
      client.on(Socket.END, () -> System.out.println("client disconnected"));
    });
  }
}
