package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.buffer.Buffer;
import dev.nodus.tls.Server;
import dev.nodus.tls.Tls;
import dev.nodus.tls.TlsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tutorial's TLS server (seed 004, "TLS服务"): mutual TLS with a CA of our own. It asks each
 * client for a certificate, prints whether the CA signed it ({@code server connected authorized}
 * or {@code unauthorized}), writes "welcome!" and echoes what the client sends. Port 8000, or
 * the first argument. Keys and certificates are read from {@code ./keys}, as the seed does: make
 * them with {@code examples/keys/make-keys.sh} and run from {@code examples/}.
 */
public final class TlsServer {
  private TlsServer() {}

  /**
   * Runs the example.
   *
   * @param args optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
    Nodus.run(() -> {
      // var options = { key: fs.readFileSync('./keys/server.key'), cert: ..., requestCert: true, ca: [...] };
      TlsOptions options = new TlsOptions()
          .key(readFile("./keys/server.key"))
          .cert(readFile("./keys/server.crt"))
          .requestCert(true)
          .ca(readFile("./keys/ca.crt"));
      // var server = tls.createServer(options, function (stream) {
      Server server = Tls.createServer(options, stream -> {
        System.out.println("server connected " + (stream.authorized() ? "authorized" : "unauthorized"));
        stream.write("welcome!\n");
        stream.setEncoding("utf8");
        stream.pipe(stream);
      });
      // server.listen(8000, function() { console.log('server bound'); });
      server.listen(port, () -> System.out.println("server bound"));
    });
  }

  /** Node's {@code fs.readFileSync(path)}. */
  static Buffer readFile(String path) {
    try {
      return Buffer.from(Files.readAllBytes(Path.of(path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
