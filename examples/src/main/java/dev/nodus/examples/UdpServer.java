package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.dgram.AddressInfo;
import dev.nodus.dgram.DatagramSocket;
import dev.nodus.dgram.Dgram;

/**
 * The UDP server of 《深入浅出Node.js》 (朴灵), chapter 7 "网络编程" (创建 UDP 服务器), line by line. It receives
 * on every interface's port 41234 (or the port given as the first argument) and prints each
 * message.
 *
 * <p>Run: {@code java -jar examples/target/nodus-examples.jar UdpServer}
 */
public final class UdpServer {
  private UdpServer() {}

  /**
   * Starts the server and runs until the process is stopped.
   *
   * @param args optional port (default 41234)
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 41234;
    Nodus.run(() -> server(port));
  }

  /**
   * The tutorial's program, run on a Nodus loop.
   *
   * @param port the port to bind
   */
  public static void server(int port) {
    // var dgram = require("dgram");
    // var server = dgram.createSocket("udp4");
    DatagramSocket server = Dgram.createSocket("udp4");

    // server.on("message", function (msg, rinfo) {
    //   console.log("server got: " + msg + " from " + rinfo.address + ":" + rinfo.port);
    // });
    server.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
      System.out.println("server got: " + msg + " from " + rinfo.address() + ":" + rinfo.port());
    });

    // server.on("listening", function () {
    //   var address = server.address();
    //   console.log("server listening " + address.address + ":" + address.port);
    // });
    server.on(DatagramSocket.LISTENING, () -> {
      AddressInfo address = server.address();
      System.out.println("server listening " + address.address() + ":" + address.port());
    });

    // server.bind(41234);
    server.bind(port);
  }
}
