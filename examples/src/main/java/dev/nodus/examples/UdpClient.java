package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.buffer.Buffer;
import dev.nodus.dgram.DatagramSocket;
import dev.nodus.dgram.Dgram;

/**
 * The UDP client of 《深入浅出Node.js》 (朴灵), chapter 7 "网络编程" (创建 UDP 客户端), line by line: sends one
 * message to localhost:41234 (or the port given as the first argument), then closes, so the
 * program ends.
 *
 * <p>Run: {@code java -jar examples/target/nodus-examples.jar UdpClient}
 */
public final class UdpClient {
  private UdpClient() {}

  /**
   * Sends the message and returns once the socket is closed.
   *
   * @param args optional port (default 41234)
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 41234;
    Nodus.run(() -> {
      // var dgram = require('dgram');
      // var message = new Buffer("深入浅出Node.js");
      Buffer message = Buffer.from("深入浅出Node.js");
      // var client = dgram.createSocket("udp4");
      DatagramSocket client = Dgram.createSocket("udp4");

      // client.send(message, 0, message.length, 41234, "localhost", function(err, bytes) {
      //   client.close();
      // });
      client.send(message, 0, message.length(), port, "localhost", (err, bytes) -> {
        client.close();
      });
    });
  }
}
