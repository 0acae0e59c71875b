package dev.nodus.http;

import dev.nodus.Timers;
import dev.nodus.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request handler, written twice: in Java here and in JavaScript ({@link #JS}) for Node's
 * {@code http}. Wire tests run both and compare every byte of the answers (Date aside). The
 * handler reads the whole body, then answers by path.
 */
final class Routes {
  private Routes() {}

  static final String JS = String.join("\n",
      "const http = require('http');",
      "function dump(h) { let s = ''; for (const k of Object.keys(h)) {",
      "  const v = h[k]; s += k + '=' + (Array.isArray(v) ? '[' + v.join('|') + ']' : v) + '\\n'; } return s; }",
      "const server = http.createServer((req, res) => {",
      "  if (req.url === '/early') { res.end('early'); return; }",
      "  if (req.url === '/early-pause') { req.pause(); res.end('early'); return; }",
      "  let n = 0; req.on('data', (d) => { n += d.length; });",
      "  req.on('end', () => {",
      "    const q = req.url.indexOf('?'); const path = q === -1 ? req.url : req.url.slice(0, q);",
      "    if (path.startsWith('/delay/')) { setTimeout(() => res.end(path), Number(path.slice(7))); return; }",
      "    switch (path) {",
      "      case '/hello': res.writeHead(200, {'Content-Type': 'text/plain'}); res.end('Hello World\\n'); break;",
      "      case '/order': res.setHeader('X-B', '1'); res.setHeader('x-a', '2'); res.setHeader('X-b', 3);",
      "        res.setHeader('Set-Cookie', ['a=1', 'b=2']); res.end('ok'); break;",
      "      case '/remove': res.setHeader('X-A', '1'); res.removeHeader('x-a'); res.removeHeader('Date'); res.end(); break;",
      "      case '/chunked': res.write('a'); res.write('h\\u00e9llo \\u4f60\\u597d'); res.end('z'); break;",
      "      case '/empty-write': res.write(''); res.end(); break;",
      "      case '/status': res.statusCode = 404; res.statusMessage = 'Nope'; res.end('x'); break;",
      "      case '/204': res.writeHead(204); res.end('ignored'); break;",
      "      case '/304': res.statusCode = 304; res.end(); break;",
      "      case '/204-chunked': res.writeHead(204, {'Transfer-Encoding': 'chunked'}); res.end(); break;",
      "      case '/cl': res.setHeader('Content-Length', 3); res.write('abc'); res.end(); break;",
      "      case '/close': res.setHeader('Connection', 'close'); res.write('a'); res.end('b'); break;",
      "      case '/te': res.setHeader('Transfer-Encoding', 'chunked'); res.write('abc'); res.end(); break;",
      "      case '/trailers': res.setHeader('Trailer', 'X-T'); res.write('a'); res.addTrailers({'X-T': 'v'}); res.end(); break;",
      "      case '/merge': res.setHeader('X-A', '1'); res.writeHead(201, 'Made', {'X-B': '2', 'x-a': '3'}); res.end(); break;",
      "      case '/array': res.writeHead(200, ['X-A', '1', 'X-A', '2']); res.end('y'); break;",
      "      case '/append': res.setHeader('X-A', '1'); res.appendHeader('x-a', ['2', '3']); res.end('y'); break;",
      "      case '/cookie': res.setHeader('Cookie', ['a=1', 'b=2']); res.end(); break;",
      "      case '/keepalive': res.setHeader('Keep-Alive', 'timeout=9'); res.end('k'); break;",
      "      case '/hints': res.writeEarlyHints({ link: ['</a.css>; rel=preload; as=style', '</b.js>; rel=preload'], 'x-hint': 'h' });",
      "        res.end('h'); break;",
      "      case '/buffer': res.end(Buffer.from([0, 1, 2, 255])); break;",
      "      case '/flush': res.flushHeaders(); res.end('later'); break;",
      "      case '/no-cl': res.removeHeader('Content-Length'); res.end('nocl'); break;",
      "      case '/no-framing': res.removeHeader('Content-Length'); res.removeHeader('Transfer-Encoding'); res.write('a'); res.end('b'); break;",
      "      case '/no-connection': res.removeHeader('Connection'); res.end('nc'); break;",
      "      case '/headers': res.end(dump(req.headers) + 'trailers:\\n' + dump(req.trailers) + 'raw:' + req.rawHeaders.length",
      "        + ' ' + req.httpVersion + ' ' + req.method + ' ' + req.url + ' body:' + n",
      "        + '\\ndistinct:' + JSON.stringify(req.headersDistinct) + JSON.stringify(req.trailersDistinct) + JSON.stringify(req.rawTrailers)); break;",
      "      default: res.end(req.method + ' ' + req.url + ' ' + n);",
      "    }",
      "  });",
      "});",
      "if (process.argv[1] === 'tunnels') {",
      "  const tunnel = (first) => (req, socket, head) => { socket.on('error', () => {});",
      "    socket.write(first + req.method + ' ' + head.length + '\\r\\n\\r\\n'); socket.write(head); socket.pipe(socket); };",
      "  server.on('upgrade', tunnel('HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: echo\\r\\nConnection: Upgrade\\r\\nX-Req: '));",
      "  server.on('connect', tunnel('HTTP/1.1 200 Connection Established\\r\\nX-Req: '));",
      "}",
      "server.listen(0, '127.0.0.1', () => console.log(server.address().port));");

  /** The same upgrade and CONNECT listeners as {@link #JS} with the argument {@code tunnels}. */
  static void tunnels(Server server) {
    server.on(Server.UPGRADE, (req, socket, head) -> tunnel(req, socket, head,
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\nX-Req: "));
    server.on(Server.CONNECT, (req, socket, head) -> tunnel(req, socket, head,
        "HTTP/1.1 200 Connection Established\r\nX-Req: "));
  }

  private static void tunnel(IncomingMessage req, dev.nodus.net.Socket socket, Buffer head, String first) {
    socket.on(dev.nodus.net.Socket.ERROR, e -> { });
    socket.write(first + req.method() + " " + head.length() + "\r\n\r\n");
    socket.write(head);
    socket.pipe(socket);
  }

  static String dump(Map<String, ?> h) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, ?> e : h.entrySet()) {
      Object v = e.getValue();
      s.append(e.getKey()).append('=')
          .append(v instanceof List<?> l ? "[" + String.join("|", (List<String>) l) + "]" : v)
          .append('\n');
    }
    return s.toString();
  }

  static String listJson(List<String> l) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < l.size(); i++) {
      b.append(i > 0 ? "," : "").append('"').append(l.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append(']').toString();
  }

  static String distinctJson(Map<String, List<String>> m) {
    StringBuilder b = new StringBuilder("{");
    int i = 0;
    for (Map.Entry<String, List<String>> e : m.entrySet()) {
      b.append(i++ > 0 ? "," : "").append('"').append(e.getKey()).append("\":").append(listJson(e.getValue()));
    }
    return b.append('}').toString();
  }

  static void handle(IncomingMessage req, ServerResponse res) {
    if (req.url().equals("/early")) {
      res.end("early");
      return;
    }
    if (req.url().equals("/early-pause")) {
      req.pause();
      res.end("early");
      return;
    }
    long[] n = {0};
    req.on(IncomingMessage.DATA, d -> n[0] += d.length());
    req.on(IncomingMessage.END, () -> {
      int q = req.url().indexOf('?');
      String path = q == -1 ? req.url() : req.url().substring(0, q);
      if (path.startsWith("/delay/")) {
        Timers.setTimeout(() -> res.end(path), Long.parseLong(path.substring(7)));
        return;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      switch (path) {
        case "/hello" -> {
          res.writeHead(200, Map.of("Content-Type", "text/plain"));
          res.end("Hello World\n");
        }
        case "/order" -> {
          res.setHeader("X-B", "1");
          res.setHeader("x-a", "2");
          res.setHeader("X-b", 3);
          res.setHeader("Set-Cookie", List.of("a=1", "b=2"));
          res.end("ok");
        }
        case "/remove" -> {
          res.setHeader("X-A", "1");
          res.removeHeader("x-a");
          res.removeHeader("Date");
          res.end();
        }
        case "/chunked" -> {
          res.write("a");
          res.write("h\u00e9llo \u4f60\u597d");
          res.end("z");
        }
        case "/empty-write" -> {
          res.write("");
          res.end();
        }
        case "/status" -> {
          res.statusCode(404);
          res.statusMessage("Nope");
          res.end("x");
        }
        case "/204" -> {
          res.writeHead(204);
          res.end("ignored");
        }
        case "/304" -> {
          res.statusCode(304);
          res.end();
        }
        case "/204-chunked" -> {
          res.writeHead(204, Map.of("Transfer-Encoding", "chunked"));
          res.end();
        }
        case "/cl" -> {
          res.setHeader("Content-Length", 3);
          res.write("abc");
          res.end();
        }
        case "/close" -> {
          res.setHeader("Connection", "close");
          res.write("a");
          res.end("b");
        }
        case "/te" -> {
          res.setHeader("Transfer-Encoding", "chunked");
          res.write("abc");
          res.end();
        }
        case "/trailers" -> {
          res.setHeader("Trailer", "X-T");
          res.write("a");
          res.addTrailers(Map.of("X-T", "v"));
          res.end();
        }
        case "/merge" -> {
          res.setHeader("X-A", "1");
          m.put("X-B", "2");
          m.put("x-a", "3");
          res.writeHead(201, "Made", m);
          res.end();
        }
        case "/array" -> {
          res.writeHead(200, List.of("X-A", "1", "X-A", "2"));
          res.end("y");
        }
        case "/append" -> {
          res.setHeader("X-A", "1");
          res.appendHeader("x-a", List.of("2", "3"));
          res.end("y");
        }
        case "/cookie" -> {
          res.setHeader("Cookie", List.of("a=1", "b=2"));
          res.end();
        }
        case "/keepalive" -> {
          res.setHeader("Keep-Alive", "timeout=9");
          res.end("k");
        }
        case "/hints" -> {
          Map<String, Object> hints = new LinkedHashMap<>();
          hints.put("link", List.of("</a.css>; rel=preload; as=style", "</b.js>; rel=preload"));
          hints.put("x-hint", "h");
          res.writeEarlyHints(hints, null);
          res.end("h");
        }
        case "/buffer" -> res.end(Buffer.from(new int[] {0, 1, 2, 255}));
        case "/flush" -> {
          res.flushHeaders();
          res.end("later");
        }
        case "/no-cl" -> {
          res.removeHeader("Content-Length");
          res.end("nocl");
        }
        case "/no-framing" -> {
          res.removeHeader("Content-Length");
          res.removeHeader("Transfer-Encoding");
          res.write("a");
          res.end("b");
        }
        case "/no-connection" -> {
          res.removeHeader("Connection");
          res.end("nc");
        }
        case "/headers" -> res.end(dump(req.headers()) + "trailers:\n" + dump(req.trailers())
            + "raw:" + req.rawHeaders().size() + " " + req.httpVersion() + " " + req.method() + " "
            + req.url() + " body:" + n[0] + "\ndistinct:" + distinctJson(req.headersDistinct())
            + distinctJson(req.trailersDistinct()) + listJson(req.rawTrailers()));
        default -> res.end(req.method() + " " + req.url() + " " + n[0]);
      }
    });
  }
}
