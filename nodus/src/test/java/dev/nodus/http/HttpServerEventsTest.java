package dev.nodus.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Nodus;
import dev.nodus.Process;
import dev.nodus.net.Socket;
import dev.nodus.testing.NodePeer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's events, in order, against Node's: the same program (a logging server, {@link
 * #JS} and {@link #start}) in Node and in Nodus, the same raw client, and the logs and the bytes
 * the client got compared. Covers a plain request, a client that disconnects mid-body ({@code
 * 'aborted'}, {@code 'close'}), {@code 'clientError'} and {@code 'checkContinue'} listeners, the
 * head and request timeouts (408), the keep-alive timeout, and {@code server.close()} closing
 * idle keep-alive connections.
 */
@Timeout(120)
class HttpServerEventsTest {
  static final String JS = String.join("\n",
      "const http = require('http');",
      "const o = JSON.parse(process.argv[1]);",
      "const server = http.createServer(o.options);",
      "const log = (...a) => console.log(a.join(' '));",
      "server.on('connection', (s) => { log('connection'); s.on('close', (h) => log('socket close', h)); });",
      "server.on('request', (req, res) => {",
      "  log('request', req.method, req.url, req.complete);",
      "  if (o.logHeaders) log('headers', JSON.stringify(req.headers), req.rawHeaders.length);",
      "  req.on('data', (d) => log('req data', d.length));",
      "  req.on('end', () => { log('req end', req.complete); if (req.url !== '/hang') res.end('done');",
      "    if (req.url === '/close-server') server.close(() => log('server closed')); });",
      "  req.on('aborted', () => log('req aborted'));",
      "  req.on('error', (e) => log('req error', e.code, e.message));",
      "  req.on('close', () => log('req close', req.complete));",
      "  res.on('finish', () => log('res finish'));",
      "  res.on('close', () => log('res close', res.writableFinished));",
      "});",
      "if (o.clientError) server.on('clientError', (e, s) => { log('clientError', e.code, e.message);",
      "  s.end('HTTP/1.1 400 Custom\\r\\n\\r\\n'); });",
      "if (o.checkContinue) server.on('checkContinue', (req, res) => { log('checkContinue', req.url);",
      "  res.writeContinue(); server.emit('request', req, res); });",
      "if (o.maxRequests) server.maxRequestsPerSocket = o.maxRequests;",
      "if (o.maxHeadersCount) server.maxHeadersCount = o.maxHeadersCount;",
      "if (o.checkExpectation) server.on('checkExpectation', (req, res) => { log('checkExpectation', req.headers.expect);",
      "  res.statusCode = 402; res.end('pay'); });",
      "if (o.timeout) server.setTimeout(o.timeout, o.timeoutListener ? (s) => { log('timeout'); s.end('bye'); } : undefined);",
      "server.on('dropRequest', (req, s) => log('dropRequest', req.url));",
      "server.listen(0, '127.0.0.1', () => log(server.address().port));");

  /** What a scenario's server program does: JS above, with these options. */
  record Setup(String json, int headersTimeout, int requestTimeout, int checking, int keepAlive,
      boolean clientError, boolean checkContinue, int maxHeaderSize, boolean insecure, int maxRequests) {
    Setup(String json, int headersTimeout, int requestTimeout, int checking, int keepAlive,
        boolean clientError, boolean checkContinue) {
      this(json, headersTimeout, requestTimeout, checking, keepAlive, clientError, checkContinue, 0, false, 0);
    }

    static Setup plain() {
      return new Setup("{\"options\":{}}", -1, -1, -1, -1, false, false);
    }

    static Setup timeouts(int headers, int request, int checking, int keepAlive) {
      return new Setup("{\"options\":{\"headersTimeout\":" + headers + ",\"requestTimeout\":" + request
          + ",\"connectionsCheckingInterval\":" + checking + ",\"keepAliveTimeout\":" + keepAlive + "}}",
          headers, request, checking, keepAlive, false, false);
    }
  }

  @BeforeAll
  static void needNode() {
    Assumptions.assumeTrue(NodePeer.available(), "node is not installed: the event comparisons need it");
  }

  /** Our side of {@link #JS}. */
  static Process start(Setup setup, BlockingQueue<String> log, CompletableFuture<Integer> port) {
    return Nodus.start(() -> {
      ServerOptions o = new ServerOptions();
      if (setup.json.contains("\"joinDuplicateHeaders\":true")) {
        o.joinDuplicateHeaders(true);
      }
      if (setup.headersTimeout >= 0) {
        o.headersTimeout(setup.headersTimeout).requestTimeout(setup.requestTimeout)
            .connectionsCheckingInterval(setup.checking).keepAliveTimeout(setup.keepAlive);
      }
      if (setup.maxHeaderSize > 0) {
        o.maxHeaderSize(setup.maxHeaderSize);
      }
      o.insecureHTTPParser(setup.insecure);
      Server server = Http.createServer(o);
      server.maxRequestsPerSocket(setup.maxRequests);
      if (setup.json.contains("checkExpectation")) {
        server.on(Server.CHECK_EXPECTATION, (req, res) -> {
          log.add("checkExpectation " + req.headers().get("expect"));
          res.statusCode(402);
          res.end("pay");
        });
      }
      java.util.regex.Matcher mhc = java.util.regex.Pattern.compile("\"maxHeadersCount\":(\\d+)").matcher(setup.json);
      if (mhc.find()) {
        server.maxHeadersCount(Integer.parseInt(mhc.group(1)));
      }
      if (setup.json.contains("\"timeout\"")) {
        server.setTimeout(200, setup.json.contains("timeoutListener") ? s -> {
          log.add("timeout");
          s.end("bye");
        } : null);
      }
      server.on(Server.DROP_REQUEST, (req, s) -> log.add("dropRequest " + req.url()));
      server.on(Server.CONNECTION, s -> {
        log.add("connection");
        s.on(Socket.CLOSE, h -> log.add("socket close " + h));
      });
      server.on(Server.REQUEST, (req, res) -> {
        log.add("request " + req.method() + " " + req.url() + " " + req.complete());
        if (setup.json.contains("logHeaders")) {
          log.add("headers " + headersJson(req.headers()) + " " + req.rawHeaders().size());
        }
        req.on(IncomingMessage.DATA, d -> log.add("req data " + d.length()));
        req.on(IncomingMessage.END, () -> {
          log.add("req end " + req.complete());
          if (!req.url().equals("/hang")) {
            res.end("done");
          }
          if (req.url().equals("/close-server")) {
            server.close(e -> log.add("server closed"));
          }
        });
        req.on(IncomingMessage.ABORTED, () -> log.add("req aborted"));
        req.on(IncomingMessage.ERROR, e -> log.add("req error " + ((dev.nodus.NodeError) e).code() + " " + e.getMessage()));
        req.on(IncomingMessage.CLOSE, () -> log.add("req close " + req.complete()));
        res.on(ServerResponse.FINISH, () -> log.add("res finish"));
        res.on(ServerResponse.CLOSE, () -> log.add("res close " + res.writableFinished()));
      });
      if (setup.clientError) {
        server.on(Server.CLIENT_ERROR, (e, s) -> {
          log.add("clientError " + ((dev.nodus.NodeError) e).code() + " " + e.getMessage());
          s.end("HTTP/1.1 400 Custom\r\n\r\n");
        });
      }
      if (setup.checkContinue) {
        server.on(Server.CHECK_CONTINUE, (req, res) -> {
          log.add("checkContinue " + req.url());
          res.writeContinue();
          server.emit(Server.REQUEST, req, res);
        });
      }
      server.listen(0, "127.0.0.1", () -> port.complete(server.address().port()));
    });
  }

  interface Client {
    List<String> run(int port) throws Exception;
  }

  /** The server's log as a client reads it: lines it waited for stay in the transcript. */
  static final class ServerLog {
    private final Callable<String> next;
    private final List<String> seen = new ArrayList<>();

    ServerLog(Callable<String> next) {
      this.next = next;
    }

    /** Waits until the server has logged a line starting with {@code prefix}. */
    void await(String prefix) throws Exception {
      for (;;) {
        String l = next.call();
        assertThat(l).as("server log so far: " + seen).isNotNull();
        seen.add("log: " + l);
        if (l.startsWith(prefix)) {
          return;
        }
      }
    }

    /** Adds the rest of the log, up to a line starting with {@code last}, to {@code out}. */
    void drainTo(List<String> out, String last) throws Exception {
      if (seen.isEmpty() || !seen.get(seen.size() - 1).startsWith("log: " + last)) {
        await(last);
      }
      out.addAll(seen);
    }
  }

  /** A client that waits on what the server logged (instead of sleeping). */
  interface LoggedClient {
    List<String> run(int port, ServerLog log) throws Exception;
  }

  /** Runs {@code client} against Node's and our server; returns both transcripts (log + bytes). */
  static void compare(Setup setup, Client client, String lastLogLine) throws Exception {
    compare(setup, (port, log) -> client.run(port), lastLogLine);
  }

  static void compare(Setup setup, LoggedClient client, String lastLogLine) throws Exception {
    List<String> theirs = new ArrayList<>();
    try (NodePeer node = NodePeer.start(JS, setup.json)) {
      int port = Integer.parseInt(node.nextLine(20));
      ServerLog log = new ServerLog(() -> node.nextLine(20));
      theirs.addAll(client.run(port, log));
      log.drainTo(theirs, lastLogLine);
    }
    List<String> ours = new ArrayList<>();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Process p = start(setup, lines, port);
    try {
      ServerLog log = new ServerLog(() -> lines.poll(20, TimeUnit.SECONDS));
      ours.addAll(client.run(port.get(20, TimeUnit.SECONDS), log));
      log.drainTo(ours, lastLogLine);
    } finally {
      p.stop();
    }
    assertThat(ours).isEqualTo(theirs);
  }

  private static List<String> one(Supplier<String> s) {
    return List.of("got: " + s.get());
  }

  private static String ex(int port, int idleMs, String... parts) {
    try {
      return RawClient.exchange(port, idleMs, parts).replace("\r\n", "|");
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  @Test
  void plainRequest() throws Exception {
    compare(Setup.plain(), port -> one(() -> ex(port, 300,
        "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")), "socket close");
  }

  @Test
  void clientDisconnectsMidBody() throws Exception {
    compare(Setup.plain(), port -> one(() -> ex(port, 200,
        "POST /hang HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")), "req close");
  }

  @Test
  void clientErrorListener() throws Exception {
    Setup s = new Setup("{\"options\":{},\"clientError\":true}", -1, -1, -1, -1, true, false);
    compare(s, port -> one(() -> ex(port, 500, "GET / HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n")),
        "socket close");
  }

  @Test
  void checkContinueListener() throws Exception {
    Setup s = new Setup("{\"options\":{},\"checkContinue\":true}", -1, -1, -1, -1, false, true);
    compare(s, port -> one(() -> ex(port, 300, "POST /c HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
        + "Content-Length: 2\r\n\r\n", "<sleep 100>", "hi")), "socket close");
  }

  @Test
  void headersTimeoutAnswers408() throws Exception {
    compare(Setup.timeouts(300, 600, 100, 5000), port -> one(() -> ex(port, 2000,
        "GET / HTTP/1.1\r\nHost: x\r\n")), "socket close");
  }

  @Test
  void requestTimeoutAnswers408() throws Exception {
    compare(Setup.timeouts(300, 600, 100, 5000), port -> one(() -> ex(port, 2000,
        "POST /hang HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")), "req close");
  }

  @Test
  void keepAliveTimeoutClosesIdleConnection() throws Exception {
    compare(Setup.timeouts(300, 600, 100, 200), port -> one(() -> ex(port, 3000,
        "GET / HTTP/1.1\r\nHost: x\r\n\r\n")), "socket close");
  }

  @Test
  void closeClosesIdleKeepAliveConnections() throws Exception {
    compare(Setup.timeouts(60000, 300000, 30000, 500), port -> {
      java.net.Socket idle = new java.net.Socket("127.0.0.1", port);
      idle.getOutputStream().write("GET /first HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
      String first = RawClient.readAll(idle, 300).replace("\r\n", "|");
      String second = ex(port, 300, "GET /close-server HTTP/1.1\r\nHost: x\r\n\r\n");
      String idleEnd = RawClient.readAll(idle, 3000);
      idle.close();
      return List.of("first: " + first, "second: " + second, "idle: " + idleEnd);
    }, "server closed");
  }

  @Test
  void maxRequestsPerSocketAnswers503() throws Exception {
    Setup s = new Setup("{\"options\":{},\"maxRequests\":2}", -1, -1, -1, -1, false, false, 0, false, 2);
    // One write: the order of events depends on which requests one read brings (Node parses a
    // whole read at once), so both servers must get the three in one read, not by luck.
    compare(s, port -> one(() -> ex(port, 300, "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"
        + "GET /2 HTTP/1.1\r\nHost: x\r\n\r\nGET /3 HTTP/1.1\r\nHost: x\r\n\r\n")), "socket close");
  }

  @Test
  void maxHeaderSizeOption() throws Exception {
    Setup s = new Setup("{\"options\":{\"maxHeaderSize\":64}}", -1, -1, -1, -1, false, false, 64, false, 0);
    // One connection: with two, the first one's 'close' and the second one's 'connection' may
    // come in either order, on Node as on Nodus.
    compare(s, port -> one(() -> ex(port, 300, "GET /short HTTP/1.1\r\nHost: x\r\n\r\n"
        + "GET /long HTTP/1.1\r\nHost: x\r\nX-Long: " + "a".repeat(60) + "\r\n\r\n")),
        "socket close");
  }

  @Test
  void insecureHttpParserOption() throws Exception {
    Setup s = new Setup("{\"options\":{\"insecureHTTPParser\":true}}", -1, -1, -1, -1, false, false, 0, true, 0);
    compare(s, port -> one(() -> ex(port, 300,
        "GET /lenient HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")),
        "socket close");
  }

  @Test
  void serverTimeoutDestroysIdleSocket() throws Exception {
    Setup s = new Setup("{\"options\":{},\"timeout\":200}", -1, -1, -1, -1, false, false);
    compare(s, port -> one(() -> ex(port, 2000, "GET /hang HTTP/1.1\r\nHost: x\r\n\r\n")), "req close");
  }

  @Test
  void serverTimeoutListener() throws Exception {
    Setup s = new Setup("{\"options\":{},\"timeout\":200,\"timeoutListener\":true}", -1, -1, -1, -1, false, false);
    compare(s, port -> one(() -> ex(port, 2000, "GET /hang HTTP/1.1\r\nHost: x\r\n\r\n")), "socket close");
  }

  @Test
  void clientResetMidRequestWithClientErrorListener() throws Exception {
    Setup s = new Setup("{\"options\":{},\"clientError\":true}", -1, -1, -1, -1, true, false);
    compare(s, (port, log) -> {
      java.net.Socket c = new java.net.Socket("127.0.0.1", port);
      c.getOutputStream().write("POST /hang HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab".getBytes());
      log.await("request POST /hang");
      c.setSoLinger(true, 0);
      c.close();
      return List.of("reset");
    }, "req close");
  }

  /** Slow-loris: bytes keep coming, but the head must be complete headersTimeout after it began. */
  @Test
  void headersTimeoutCountsFromTheFirstByteNotTheLast() throws Exception {
    compare(Setup.timeouts(1000, 3000, 100, 5000), port -> {
      long t0 = System.nanoTime();
      String got = ex(port, 3000, "G", "<sleep 150>", "E", "<sleep 150>", "T", "<sleep 150>", " ",
          "<sleep 150>", "/", "<sleep 150>", " ", "<sleep 150>", "H");
      long ms = (System.nanoTime() - t0) / 1_000_000;
      // answered about 1 s after the first byte (timer check every 100 ms), not 1 s after the last
      return List.of("got: " + got, "in time: " + (ms >= 900 && ms < 1700));
    }, "socket close");
  }

  static String headersJson(java.util.Map<String, Object> h) {
    StringBuilder b = new StringBuilder("{");
    int i = 0;
    for (java.util.Map.Entry<String, Object> e : h.entrySet()) {
      b.append(i++ > 0 ? "," : "").append('"').append(e.getKey()).append("\":");
      if (e.getValue() instanceof List<?> l) {
        b.append('[');
        for (int j = 0; j < l.size(); j++) {
          b.append(j > 0 ? "," : "").append('"').append(l.get(j)).append('"');
        }
        b.append(']');
      } else {
        b.append('"').append(e.getValue()).append('"');
      }
    }
    return b.append('}').toString();
  }

  private static final String DUPLICATES = "GET /dup HTTP/1.1\r\nHost: a\r\nHost: b\r\nContent-Type: x\r\n"
      + "content-type: y\r\nX-A: 1\r\nx-a: 2\r\nCookie: c=1\r\nCookie: d=2\r\nSet-Cookie: s=1\r\n"
      + "Set-Cookie: s=2\r\nUser-Agent: u\r\nuser-agent: v\r\nX-B: 1\r\nX-C: 1\r\nX-D: 1\r\n\r\n";

  @Test
  void joinDuplicateHeadersOption() throws Exception {
    Setup s = new Setup("{\"options\":{\"joinDuplicateHeaders\":true},\"logHeaders\":true}", -1, -1, -1, -1, false, false);
    compare(s, port -> one(() -> ex(port, 300, DUPLICATES)), "socket close");
  }

  @Test
  void maxHeadersCountProperty() throws Exception {
    Setup s = new Setup("{\"options\":{},\"logHeaders\":true,\"maxHeadersCount\":5}", -1, -1, -1, -1, false, false);
    compare(s, port -> one(() -> ex(port, 300, DUPLICATES)), "socket close");
  }

  @Test
  void defaultDuplicateRules() throws Exception {
    Setup s = new Setup("{\"options\":{},\"logHeaders\":true}", -1, -1, -1, -1, false, false);
    compare(s, port -> one(() -> ex(port, 300, DUPLICATES)), "socket close");
  }

  @Test
  void checkExpectationListener() throws Exception {
    Setup s = new Setup("{\"options\":{},\"checkExpectation\":true}", -1, -1, -1, -1, false, false);
    compare(s, port -> one(() -> ex(port, 300, "POST /x HTTP/1.1\r\nHost: x\r\nExpect: a\r\nExpect: b\r\n"
        + "Content-Length: 2\r\n\r\nhi")), "socket close");
  }

  @Test
  void clientResetMidRequestWithoutListener() throws Exception {
    compare(Setup.plain(), (port, log) -> {
      java.net.Socket c = new java.net.Socket("127.0.0.1", port);
      c.getOutputStream().write("POST /hang HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab".getBytes());
      log.await("request POST /hang");
      c.setSoLinger(true, 0);
      c.close();
      return List.of("reset");
    }, "req close");
  }

  @Test
  void clientResetWhileResponseIsPending() throws Exception {
    compare(Setup.plain(), (port, log) -> {
      java.net.Socket c = new java.net.Socket("127.0.0.1", port);
      c.getOutputStream().write("GET /hang HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
      log.await("request GET /hang");
      c.setSoLinger(true, 0);
      c.close();
      return List.of("reset");
    }, "res close");
  }
}
