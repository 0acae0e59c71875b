package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.net.Socket;
import dev.nodus.tls.TLSSocket;
import dev.nodus.tls.Tls;
import dev.nodus.tls.TlsOptions;

/**
 * The tutorial's TLS client (seed 004, "TLS客户端"): connects with its own certificate, prints
 * whether the server's certificate verified ({@code client connected authorized}), sends what is
 * typed on stdin and prints what comes back. It ends when stdin ends (Ctrl-D) and the server
 * has ended too. Port 8000, or the first argument; keys from {@code ./keys}
 * ({@code examples/keys/make-keys.sh}).
 */
public final class TlsClient {
  private TlsClient() {}

  /**
   * Runs the example.
   *
   * @param args optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
    Nodus.run(() -> {
      TlsOptions options = new TlsOptions()
          .key(TlsServer.readFile("./keys/client.key"))
          .cert(TlsServer.readFile("./keys/client.crt"))
          .ca(TlsServer.readFile("./keys/ca.crt"));
      // var stream = tls.connect(8000, options, function () {
      TLSSocket[] stream = new TLSSocket[1];
      stream[0] = Tls.connect(port, options, () -> {
        System.out.println("client connected " + (stream[0].authorized() ? "authorized" : "unauthorized"));
        // process.stdin.pipe(stream);
        Nodus.stdin().pipe(stream[0]);
      });
      stream[0].setEncoding("utf8");
      // stream.on('data', function(data) { console.log(data); });
      stream[0].on(Socket.DATA, data -> System.out.println(data));
    });
  }
}
