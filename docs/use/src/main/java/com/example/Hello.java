package com.example;

import dev.nodus.Nodus;
import dev.nodus.net.Net;
import dev.nodus.net.Server;
import dev.nodus.net.Socket;

/** An echo server and a client that talks to it over loopback, in one program. */
public class Hello {
  public static void main(String[] args) {
    Nodus.run(() -> {
      Server server = Net.createServer(socket -> socket.pipe(socket)); // echo what comes in
      server.listen(0, "127.0.0.1", () -> {
        Socket client = Net.connect(server.address().port(), "127.0.0.1");
        client.on(Socket.DATA, data -> {
          System.out.println("echoed: " + data);
          client.end();
          server.close(); // nothing left to wait for: the program ends
        });
        client.write("hello, Nodus");
      });
    });
  }
}
