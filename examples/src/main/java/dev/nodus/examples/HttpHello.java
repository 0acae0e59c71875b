package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.http.Http;
import java.util.Map;

/**
 * The HTTP hello world of 《深入浅出Node.js》 (朴灵), "构建 http 服务器": every request gets
 * "Hello World". Port 1337 on 127.0.0.1, or the first argument.
 */
public final class HttpHello {
  private HttpHello() {}

  /**
   * Runs the example.
   *
   * @param args optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 1337;
    Nodus.run(() -> {
      // http.createServer(function (req, res) {
      Http.createServer((req, res) -> {
        // res.writeHead(200, {'Content-Type': 'text/plain'});
        res.writeHead(200, Map.of("Content-Type", "text/plain"));
        // res.end('Hello World\n');
        res.end("Hello World\n");
        // }).listen(1337, '127.0.0.1');
      }).listen(port, "127.0.0.1");
      // console.log('Server running at http://127.0.0.1:1337/')
      System.out.println("Server running at http://127.0.0.1:" + port + "/");
    });
  }
}
