package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.Timers;
import dev.nodus.testing.JsLog;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server closing while it has a connection: the order of the server's {@code 'close'} (and
 * its close callback) and the accepted socket's {@code 'end'}, {@code 'finish'},
 * {@code 'close'}, as node v20 logs it. In net.js the socket's _destroy counts the connection
 * down at once (the server's 'close' is a nextTick) while the socket's own 'close' waits for the
 * handle to close, so the server's 'close' comes first.
 *
 * <p>Each scenario is this node program ({@code node sc.js <scenario>}), written the same way
 * below; the expected lines are what node printed.
 * <pre>
 * const watch = (tag, s) =&gt; ['end', 'finish', 'close', 'error'].forEach(ev =&gt;
 *   s.on(ev, x =&gt; L(tag, ev, ev === 'close' ? x : ev === 'error' ? x.code : '')));
 * const server = net.createServer({allowHalfOpen: which === 'halfopen',
 *     pauseOnConnect: which.startsWith('unread')}, sock =&gt; {
 *   L('server connection'); watch('ssock', sock);
 *   server.close(err =&gt; L('server close-cb', err ? err.code : 'null'));
 *   ...the scenario's server side...
 * });
 * server.on('close', () =&gt; L('server close'));
 * server.listen(0, '127.0.0.1', () =&gt; {
 *   const c = net.connect(server.address().port, '127.0.0.1'); watch('client', c);
 *   c.on('connect', () =&gt; { L('client connect'); ...the scenario's client side... });
 *   c.resume();
 * });
 * </pre>
 */
@Timeout(30)
class ServerCloseOrderTest {
  private final JsLog js = new JsLog();

  private void watch(String tag, Socket s) {
    s.on(Socket.END, () -> js.log(tag, "end", ""));
    s.on(Socket.FINISH, () -> js.log(tag, "finish", ""));
    s.on(Socket.CLOSE, hadError -> js.log(tag, "close", hadError));
    s.on(Socket.ERROR, e -> js.log(tag, "error", ((NodeError) e).code()));
  }

  private List<String> run(String which) {
    Programs.run(Duration.ofSeconds(10), () -> {
      Server[] server = new Server[1];
      ServerOptions opts = new ServerOptions()
          .allowHalfOpen(which.equals("halfopen"))
          .pauseOnConnect(which.startsWith("unread"));
      server[0] = Net.createServer(opts, sock -> {
        js.log("server connection");
        watch("ssock", sock);
        server[0].close(err -> js.log("server close-cb", err == null ? "null" : ((NodeError) err).code()));
        switch (which) {
          case "plain" -> {
            sock.resume();
            sock.end();
          }
          case "halfopen" -> {
            sock.resume();
            sock.on(Socket.END, () -> Timers.setTimeout(() -> {
              js.log("ssock end()");
              sock.end();
            }, 50));
          }
          case "unread" -> Timers.setTimeout(() -> {
            js.log("ssock destroy()");
            sock.destroy();
          }, 100);
          case "unreadresume" -> Timers.setTimeout(() -> {
            js.log("ssock resume()");
            sock.resume();
          }, 100);
          case "clientdestroy" -> sock.resume();
          case "closethenend" -> {
            sock.resume();
            Timers.setTimeout(() -> {
              js.log("ssock end()");
              sock.end();
            }, 50);
          }
          default -> throw new IllegalArgumentException(which);
        }
      });
      Server s = server[0];
      s.on(Server.CLOSE, () -> js.log("server close"));
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        watch("client", c);
        c.on(Socket.CONNECT, () -> {
          js.log("client connect");
          if (which.equals("halfopen")) {
            c.end();
          }
          if (which.startsWith("unread")) {
            c.write("x".repeat(1000));
            c.end();
          }
          if (which.equals("clientdestroy")) {
            Timers.setTimeout(() -> {
              js.log("client destroy()");
              c.destroy();
            }, 50);
          }
        });
        c.resume();
      });
    });
    return js.lines;
  }

  /** The lines of the server and its accepted socket (the client's own are another matter). */
  private static List<String> serverSide(List<String> lines) {
    return lines.stream().filter(l -> l.startsWith("server") || l.startsWith("ssock")).toList();
  }

  // Node's full logs are in each test. Between the two sockets of the test, node's order of
  // 'close' also follows libuv's close-callback list (last closed, first called); the tests
  // check the server's side, where the server's 'close' and its callback sit among the
  // accepted socket's events.

  @Test
  void plain() {
    // server connection, client connect, ssock finish, client end, client finish,
    // client close false, ssock end, server close, server close-cb null, ssock close false
    assertThat(serverSide(run("plain"))).containsExactly(
        "server connection", "ssock finish ", "ssock end ", "server close", "server close-cb null",
        "ssock close false");
  }

  @Test
  void halfOpenServerEndsLater() {
    // server connection, client connect, client finish, ssock end, ssock end(), ssock finish,
    // server close, server close-cb null, client end, client close false, ssock close false
    assertThat(serverSide(run("halfopen"))).containsExactly(
        "server connection", "ssock end ", "ssock end()", "ssock finish ", "server close",
        "server close-cb null", "ssock close false");
  }

  @Test
  void unreadDataThenDestroyResetsTheClient() {
    // server connection, client connect, client finish, ssock destroy(), server close,
    // server close-cb null, client error ECONNRESET, client close true, ssock close false
    List<String> lines = run("unread");
    assertThat(serverSide(lines)).containsExactly(
        "server connection", "ssock destroy()", "server close", "server close-cb null",
        "ssock close false");
    // the 1000 bytes were never read: the kernel answers the close with an RST
    org.junit.jupiter.api.Assumptions.assumeTrue(dev.nodus.internal.loop.Transports.epoll(),
        "the JDK's NIO close shuts the output down first, so the peer reads a FIN before the RST");
    assertThat(lines).containsSubsequence("client finish ", "ssock destroy()", "client error ECONNRESET",
        "client close true");
    assertThat(lines).doesNotContain("client end ");
  }

  @Test
  void unreadDataThenResume() {
    // server connection, client connect, client finish, ssock resume(), ssock end,
    // ssock finish, server close, server close-cb null, client end, client close false,
    // ssock close false
    List<String> lines = run("unreadresume");
    assertThat(serverSide(lines)).containsExactly(
        "server connection", "ssock resume()", "ssock end ", "ssock finish ", "server close",
        "server close-cb null", "ssock close false");
    assertThat(lines).contains("client end ", "client close false");
  }

  @Test
  void clientDestroyed() {
    // server connection, client connect, client destroy(), ssock end, ssock finish,
    // server close, server close-cb null, ssock close false, client close false
    assertThat(serverSide(run("clientdestroy"))).containsExactly(
        "server connection", "ssock end ", "ssock finish ", "server close", "server close-cb null",
        "ssock close false");
  }

  @Test
  void serverClosesThenTheSocketEnds() {
    // server connection, client connect, ssock end(), ssock finish, client end, client finish,
    // client close false, ssock end, server close, server close-cb null, ssock close false
    assertThat(serverSide(run("closethenend"))).containsExactly(
        "server connection", "ssock end()", "ssock finish ", "ssock end ", "server close",
        "server close-cb null", "ssock close false");
  }

  @Test
  void closeEmitsOnceOnTheNextTickWhenTheLastConnectionIsDestroyed() {
    // node: in 'connection': server.close(cb); sock.destroy(); log('sync after destroy');
    //   nextTick(log 'tick'); then a second server: listen, close(cb), nextTick, microtask
    // -> sync after destroy, server close, close-cb, tick, ..., s2 close, s2 close-cb, s2 tick,
    //    s2 micro (one 'close' each; with no connection 'close' is the next tick after close())
    Programs.run(Duration.ofSeconds(10), () -> {
      Server[] sv = new Server[1];
      sv[0] = Net.createServer(sock -> {
        sv[0].close(e -> js.log("close-cb"));
        sock.destroy();
        js.log("sync after destroy");
        Timers.nextTick(() -> js.log("tick"));
      });
      Server s = sv[0];
      s.on(Server.CLOSE, () -> js.log("server close"));
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        c.on(Socket.ERROR, e -> { });
        c.on(Socket.CLOSE, x -> Timers.setTimeout(() -> {
          Server s2 = Net.createServer();
          s2.on(Server.CLOSE, () -> js.log("s2 close"));
          s2.listen(0, "127.0.0.1", () -> {
            s2.close(e -> js.log("s2 close-cb"));
            Timers.nextTick(() -> js.log("s2 tick"));
            Timers.queueMicrotask(() -> js.log("s2 micro"));
          });
        }, 20));
      });
    });
    assertThat(js.lines).containsExactly("sync after destroy", "server close", "close-cb", "tick",
        "s2 close", "s2 close-cb", "s2 tick", "s2 micro");
  }
}
