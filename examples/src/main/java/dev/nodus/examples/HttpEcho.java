package dev.nodus.examples;

import dev.nodus.Nodus;
import dev.nodus.buffer.Buffer;
import dev.nodus.http.Http;
import dev.nodus.http.IncomingMessage;
import dev.nodus.http.Server;
import dev.nodus.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The echo server of the HTTP conformance harness ({@code ../shared/conformance/ECHO.md} and its
 * {@code echo-server.js}), line by line: every request is answered with a JSON description of
 * what arrived; {@code /status/NNN}, {@code /stream} and {@code /close} vary the answer; Upgrade
 * and CONNECT requests become echo tunnels. Prints {@code listening <port>}; the port is the first
 * argument (0, the default, picks a free one).
 */
public final class HttpEcho {
  private HttpEcho() {}

  private static final Pattern STATUS = Pattern.compile("^/status/([2-5][0-9][0-9])$");

  /**
   * Runs the example.
   *
   * @param args optional port
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    Nodus.run(() -> {
      // const server = http.createServer((req, res) => {
      Server server = Http.createServer((req, res) -> {
        // const hash = crypto.createHash('sha256');
        MessageDigest hash = sha256();
        // let n = 0;
        long[] n = {0};
        // req.on('data', (chunk) => { n += chunk.length; hash.update(chunk); });
        req.on(IncomingMessage.DATA, chunk -> {
          n[0] += chunk.length();
          hash.update(chunk.buffer(), chunk.byteOffset(), chunk.length());
        });
        // req.on('end', () => {
        req.on(IncomingMessage.END, () -> {
          // const json = JSON.stringify({method, url, httpVersion, rawHeaders, bodyLength, bodySha256});
          String json = "{\"method\":" + str(req.method())
              + ",\"url\":" + str(req.url())
              + ",\"httpVersion\":" + str(req.httpVersion())
              + ",\"rawHeaders\":" + strs(req.rawHeaders())
              + ",\"bodyLength\":" + n[0]
              + ",\"bodySha256\":" + str(HexFormat.of().formatHex(hash.digest())) + "}";
          // const q = req.url.indexOf('?');
          int q = req.url().indexOf('?');
          // const path = q === -1 ? req.url : req.url.slice(0, q);
          String path = q == -1 ? req.url() : req.url().substring(0, q);
          // if (path === '/stream') { res.write('a'); res.write('bb'); res.write('ccc'); res.end(); return; }
          if (path.equals("/stream")) {
            res.write("a");
            res.write("bb");
            res.write("ccc");
            res.end();
            return;
          }
          // const m = /^\/status\/([2-5][0-9][0-9])$/.exec(path);
          Matcher m = STATUS.matcher(path);
          // res.statusCode = m ? Number(m[1]) : 200;
          res.statusCode(m.matches() ? Integer.parseInt(m.group(1)) : 200);
          // res.setHeader('Content-Type', 'application/json');
          res.setHeader("Content-Type", "application/json");
          // if (path === '/close') res.setHeader('Connection', 'close');
          if (path.equals("/close")) {
            res.setHeader("Connection", "close");
          }
          // res.end(json);
          res.end(json);
        });
      });
      // server.on('upgrade', (req, socket, head) => tunnel(socket, head, '...101...'));
      server.on(Server.UPGRADE, (req, socket, head) -> tunnel(socket, head,
          "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n"));
      // server.on('connect', (req, socket, head) => tunnel(socket, head, '...200...'));
      server.on(Server.CONNECT, (req, socket, head) -> tunnel(socket, head,
          "HTTP/1.1 200 Connection Established\r\n\r\n"));
      // server.listen(port, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
      server.listen(port, "127.0.0.1", () -> {
        System.out.print("listening " + server.address().port() + "\n");
        System.out.flush();
      });
    });
  }

  private static void tunnel(Socket socket, Buffer head, String firstLine) {
    // socket.on('error', () => {});
    socket.on(Socket.ERROR, e -> { });
    // socket.write(firstLine);
    socket.write(firstLine);
    // if (head && head.length) socket.write(head);
    if (head != null && head.length() > 0) {
      socket.write(head);
    }
    // socket.pipe(socket);
    socket.pipe(socket);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String strs(List<String> l) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < l.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(str(l.get(i)));
    }
    return b.append(']').toString();
  }

  /** JSON.stringify of a string. */
  static String str(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !validPair(s, i)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
            if (Character.isHighSurrogate(c)) {
              b.append(s.charAt(++i));
            }
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }
}
