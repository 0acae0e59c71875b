package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodus.NodeError;
import dev.nodus.SystemError;
import dev.nodus.Timers;
import dev.nodus.testing.Programs;
import dev.nodus.internal.net.TcpHandle;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code new Socket()} then {@code socket.connect(...)}: Node's way to set listeners and settings
 * before connecting. Expected lists printed by the same programs under node v20.20.
 */
@Timeout(30)
class SocketConnectTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  private void trace(Socket c, int port) {
    c.on(Socket.LOOKUP, (err, a, f, h) -> log.add("lookup " + err + " " + a + " " + f + " " + h));
    c.on(Socket.CONNECTION_ATTEMPT, (a, p, f) -> log.add("connectionAttempt " + a + " " + (p == port ? "PORT" : p) + " " + f));
    c.on(Socket.CONNECT, () -> log.add("connect"));
    c.on(Socket.READY, () -> log.add("ready"));
    c.on(Socket.END, () -> log.add("end"));
    c.on(Socket.FINISH, () -> log.add("finish"));
    c.on(Socket.TEXT, d -> log.add("data " + d));
    c.on(Socket.ERROR, e -> log.add("error " + ((NodeError) e).code() + " "
        + e.getMessage().replace(String.valueOf(port), "PORT").replaceAll("Local \\(127.0.0.1:\\d+\\)", "Local (LOCAL)")));
    c.on(Socket.CLOSE, hadError -> log.add("close " + hadError));
  }

  @Test
  void aNewSocketConnectsWithTheListenersSetBefore() {
    // node: new net.Socket() -> connecting false, pending true, readyState open,
    // destroyed false, readable true, writable true, address() {}; c.connect(port, '127.0.0.1', cb1)
    // returns c, connecting true; connectionAttempt 127.0.0.1 PORT 4, connect, cb1, ready,
    // data hi, end, finish, close false
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> {
        sock.resume();
        sock.end("hi");
      });
      s.listen(0, "127.0.0.1", () -> {
        int port = s.address().port();
        Socket c = new Socket();
        log.add("fresh " + c.connecting() + " " + c.pending() + " " + c.readyState() + " " + c.destroyed()
            + " " + c.readable() + " " + c.writable() + " " + c.address());
        c.setEncoding("utf8");
        trace(c, port);
        Socket r = c.connect(port, "127.0.0.1", () -> log.add("cb1"));
        log.add("returns this " + (r == c) + " " + c.connecting());
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("fresh false true open false true true null", "returns this true true",
        "connectionAttempt 127.0.0.1 PORT 4", "connect", "cb1", "ready", "data hi", "end", "finish", "close false");
  }

  @Test
  void pauseAndSetTimeoutBeforeConnectApplyOnceConnected() {
    // node (the server writes 'hi' and ends when the client does):
    // c.pause(); c.setTimeout(5000); c.connect({port, host:'localhost'}, cb) -> connect,
    // cb paused true 5000, ready, (100 ms later) resume 0, data hi, (c.end()) end, close false.
    // (The server does not end first: after the peer's FIN Netty's epoll reads a paused socket,
    // a known difference.)
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> {
        sock.write("hi");
        sock.on(Socket.END, () -> sock.end());
        sock.resume();
      });
      s.listen(0, "127.0.0.1", () -> {
        int port = s.address().port();
        Socket c = new Socket();
        c.pause();
        c.setTimeout(5000);
        c.setEncoding("utf8");
        c.on(Socket.CONNECT, () -> log.add("connect"));
        c.on(Socket.READY, () -> log.add("ready"));
        c.on(Socket.TEXT, d -> {
          log.add("data " + d);
          c.end();
        });
        c.on(Socket.END, () -> log.add("end"));
        c.on(Socket.CLOSE, hadError -> log.add("close " + hadError));
        c.connect(new ConnectOptions().port(port).host("localhost"), () -> {
          log.add("cb paused " + c.isPaused() + " " + c.timeout());
          Timers.setTimeout(() -> {
            log.add("resume " + c.bytesRead());
            c.resume();
          }, 100);
        });
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("connect", "cb paused true 5000", "ready", "resume 0", "data hi", "end",
        "close false");
  }

  @Test
  void aSocketNeverConnectedDoesNotKeepTheProgramAlive() {
    // node: new net.Socket() with a 'close' listener and setTimeout(100): the program ends at
    // once, no 'timeout', no 'close'
    Programs.run(Duration.ofSeconds(5), () -> {
      Socket c = new Socket();
      c.on(Socket.CLOSE, e -> log.add("close"));
      c.setTimeout(100, () -> log.add("timeout"));
      log.add("end");
    });
    assertThat(log).containsExactly("end");
  }

  @Test
  void unrefBeforeConnectAppliesOnceConnected() {
    // node: the accepted socket unref'd; c=new net.Socket(); c.unref();
    // c.connect(port,'127.0.0.1'); in 'connect' the server is closed: the program ends with the
    // socket open (connect logged, no close). Without c.unref() node does not end.
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.resume().unref());
      s.listen(0, "127.0.0.1", () -> {
        Socket c = new Socket();
        c.unref();
        c.on(Socket.CONNECT, () -> {
          log.add("connect");
          s.close();
          s.unref();
        });
        c.on(Socket.CLOSE, e -> log.add("close"));
        c.connect(s.address().port(), "127.0.0.1");
      });
    });
    assertThat(log).containsExactly("connect");
  }

  @Test
  void argumentsAreCheckedAtOnce() {
    // node: new net.Socket().connect({host:'a'}) -> TypeError ERR_MISSING_ARGS The "options" or
    // "port" or "path" argument must be specified; connect({port:-1}) -> RangeError
    // ERR_SOCKET_BAD_PORT Port should be >= 0 and < 65536. Received type number (-1).
    Programs.run(Duration.ofSeconds(5), () -> {
      Socket c = new Socket();
      for (ConnectOptions o : List.of(new ConnectOptions().host("a"), new ConnectOptions().port(-1))) {
        try {
          c.connect(o);
        } catch (NodeError e) {
          log.add(e.name() + " " + e.code() + " " + e.getMessage());
        }
      }
      log.add(c.connecting() + " " + c.destroyed());
    });
    assertThat(log).containsExactly(
        "TypeError ERR_MISSING_ARGS The \"options\" or \"port\" or \"path\" argument must be specified",
        "RangeError ERR_SOCKET_BAD_PORT Port should be >= 0 and < 65536. Received type number (-1).",
        "false false");
  }

  @Test
  void aSecondConnectWhileConnectingFailsWithEalready() {
    // node connecting: c=net.connect(port,'127.0.0.1'); c.connect(port,'127.0.0.1')
    // -> connectionAttempt x2, error EALREADY connect EALREADY 127.0.0.1:PORT - Local (...), close true
    // (Nodus's message lacks node's " - Local (address:port)": Netty does not know it yet)
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.resume().end());
      s.listen(0, "127.0.0.1", () -> {
        int port = s.address().port();
        Socket c = Net.connect(port, "127.0.0.1");
        trace(c, port);
        c.connect(port, "127.0.0.1");
        c.resume();
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("connectionAttempt 127.0.0.1 PORT 4", "connectionAttempt 127.0.0.1 PORT 4",
        "error EALREADY connect EALREADY 127.0.0.1:PORT", "close true");
  }

  @Test
  void noDelayAndKeepAliveSetBeforeConnectOrDuringTheLookupReachTheKernel() {
    // node under strace: new net.Socket(); setNoDelay(true); setKeepAlive(true, 4000); connect
    // -> TCP_NODELAY 1, SO_KEEPALIVE 1, TCP_KEEPIDLE 4 (KEEPINTVL 1, KEEPCNT 10); and the same
    // through net.connect({host:'localhost'}) then setNoDelay/setKeepAlive(true, 3000) during
    // the lookup -> TCP_NODELAY 1, SO_KEEPALIVE 1, TCP_KEEPIDLE 3
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.resume());
      s.listen(0, "127.0.0.1", () -> {
        int port = s.address().port();
        Socket a = new Socket();
        a.setNoDelay(true);
        a.setKeepAlive(true, 4000);
        a.connect(port, "127.0.0.1", () -> {
          log.add("a " + kernel(a));
          a.destroy();
        });
        Socket b = Net.connect(port, "localhost");
        b.setNoDelay(true);
        b.setKeepAlive(true, 3000);
        b.on(Socket.CONNECT, () -> {
          log.add("b " + kernel(b));
          b.destroy();
        });
        Socket d = new Socket(new SocketOptions().noDelay(true).keepAlive(true).keepAliveInitialDelay(5000));
        d.connect(port, "127.0.0.1", () -> {
          log.add("d " + kernel(d));
          d.destroy();
        });
        for (Socket c : List.of(a, b, d)) {
          c.on(Socket.CLOSE, e -> {
            if (log.size() == 3) {
              s.close();
            }
          });
        }
      });
    });
    assertThat(log).containsExactlyInAnyOrder("a true true 4 1 10", "b true true 3 1 10", "d true true 5 1 10");
  }

  @Test
  void socketConnectIgnoresTheOptionsSocketSettings() {
    // node under strace: new net.Socket().connect({port, host, noDelay:true, keepAlive:true})
    // -> no setsockopt at all: TCP_NODELAY 0, SO_KEEPALIVE 0
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.resume());
      s.listen(0, "127.0.0.1", () -> {
        Socket c = new Socket();
        c.connect(new ConnectOptions().port(s.address().port()).host("127.0.0.1").noDelay(true).keepAlive(true), () -> {
          log.add(c.handle().option(ChannelOption.TCP_NODELAY) + " " + c.handle().option(ChannelOption.SO_KEEPALIVE));
          c.destroy();
          s.close();
        });
      });
    });
    assertThat(log).containsExactly("false false");
  }

  /** TCP_NODELAY, SO_KEEPALIVE, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT as getsockopt reads them. */
  static String kernel(Socket c) {
    TcpHandle h = c.handle();
    return h.option(ChannelOption.TCP_NODELAY) + " " + h.option(ChannelOption.SO_KEEPALIVE) + " "
        + h.option(EpollChannelOption.TCP_KEEPIDLE) + " " + h.option(EpollChannelOption.TCP_KEEPINTVL) + " "
        + h.option(EpollChannelOption.TCP_KEEPCNT);
  }

  @Test
  void aDestroyedSocketConnectsAgain() {
    // node: a socket that closed connects again from its 'close' listener:
    // reconnect, after reconnect: connecting true, destroyed false, opening; then the same
    // events again: connectionAttempt, connect, cb2, ready, data hi, end, finish, close false
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> {
        sock.resume();
        sock.end("hi");
      });
      s.listen(0, "127.0.0.1", () -> {
        int port = s.address().port();
        Socket c = new Socket();
        c.setEncoding("utf8");
        c.setNoDelay(true);
        trace(c, port);
        int[] n = {0};
        c.on(Socket.CLOSE, e -> {
          if (++n[0] < 2) {
            log.add("reconnect");
            c.connect(port, "127.0.0.1", () -> log.add("cb2 nodelay " + c.handle().option(ChannelOption.TCP_NODELAY)
                + " bytesRead " + c.bytesRead()));
            log.add("after reconnect " + c.connecting() + " " + c.destroyed() + " " + c.readyState());
          } else {
            s.close();
          }
        });
        c.connect(port, "127.0.0.1", () -> log.add("cb1"));
      });
    });
    assertThat(log).containsExactly("connectionAttempt 127.0.0.1 PORT 4", "connect", "cb1", "ready", "data hi",
        "end", "finish", "close false", "reconnect", "after reconnect true false opening",
        "connectionAttempt 127.0.0.1 PORT 4", "connect", "cb2 nodelay true bytesRead 0", "ready", "data hi", "end",
        "finish", "close false");
  }
}
