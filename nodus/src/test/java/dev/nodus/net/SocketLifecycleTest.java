package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client socket's events around connect, end and destroy, in the order node v20.20 emits them.
 * Each expected list was printed by the same program run with {@code node -e} (quoted above it).
 */
@Timeout(30)
class SocketLifecycleTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  private void trace(Socket c) {
    c.on(Socket.CONNECT, () -> log.add("connect"));
    c.on(Socket.READY, () -> log.add("ready"));
    c.on(Socket.PREFINISH, () -> log.add("prefinish"));
    c.on(Socket.FINISH, () -> log.add("finish"));
    c.on(Socket.END, () -> log.add("end"));
    c.on(Socket.ERROR, e -> log.add("error " + ((NodeError) e).code() + " " + e.getMessage()));
    c.on(Socket.CLOSE, hadError -> log.add("close " + hadError));
  }

  private static String code(Throwable e) {
    return e == null ? "null" : ((NodeError) e).code();
  }

  @Test
  void theFirstWriteMadeWhileConnectingCompletesBetweenConnectAndReady() {
    // node: s=net.createServer(c=>{c.resume();c.on('end',()=>c.end())}); c=net.connect(port,
    // '127.0.0.1'); listeners; c.write('a',cb1); c.write('b',cb2); c.end(endcb); c.resume()
    // -> connect, cb1 null, ready, cb2 null, endcb, finish, end, close false
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> {
        sock.resume();
        sock.on(Socket.END, () -> sock.end());
      });
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        c.on(Socket.CONNECT, () -> log.add("connect"));
        c.on(Socket.READY, () -> log.add("ready"));
        c.on(Socket.FINISH, () -> log.add("finish"));
        c.on(Socket.END, () -> log.add("end"));
        c.on(Socket.CLOSE, hadError -> log.add("close " + hadError));
        c.write("a", e -> log.add("cb1 " + code(e)));
        c.write("b", e -> log.add("cb2 " + code(e)));
        c.end(() -> log.add("endcb"));
        c.resume();
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("connect", "cb1 null", "ready", "cb2 null", "endcb", "finish", "end",
        "close false");
  }

  @Test
  void aWriteBeforeConnectWhoseListenerCameFirstCompletesBeforeTheUsersConnect() {
    // node: c.write('a',cb1) before c.on('connect') -> cb1 null, connect, ready, close false
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.resume().end());
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        c.write("a", e -> log.add("cb1 " + code(e)));
        c.on(Socket.CONNECT, () -> log.add("connect"));
        c.on(Socket.READY, () -> log.add("ready"));
        c.on(Socket.CLOSE, hadError -> log.add("close " + hadError));
        c.resume();
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("cb1 null", "connect", "ready", "close false");
  }

  @Test
  void writesMadeWhileConnectingFailWhenTheSocketIsDestroyedFirst() {
    // node: c.write('a',cb1); c.write('b',cb2); listeners; c.destroy(); bytesWritten
    // -> bw 2, cb1 ERR_SOCKET_CLOSED_BEFORE_CONNECTION, cb2 ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
    // close false (no 'error': the socket was already destroyed)
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.end());
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        c.write("a", e -> log.add("cb1 " + code(e) + " " + e.getMessage()));
        c.write("b", e -> log.add("cb2 " + code(e)));
        trace(c);
        c.destroy();
        log.add("bw " + c.bytesWritten());
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("bw 2",
        "cb1 ERR_SOCKET_CLOSED_BEFORE_CONNECTION Socket closed before the connection was established",
        "cb2 ERR_SOCKET_CLOSED_BEFORE_CONNECTION", "close false");
  }

  @Test
  void aWriteAfterEndWhileConnectingDestroysWithoutFinish() {
    // node: c=net.connect(...); listeners incl. prefinish/finish; c.end(); c.write('late',cb)
    // -> cb ERR_STREAM_WRITE_AFTER_END, error ERR_STREAM_WRITE_AFTER_END write after end, close true
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.resume());
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        trace(c);
        c.end();
        c.write("late", e -> log.add("cb " + code(e)));
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("cb ERR_STREAM_WRITE_AFTER_END",
        "error ERR_STREAM_WRITE_AFTER_END write after end", "close true");
  }

  @Test
  void aWriteAfterEndOnAConnectedSocketDestroysWithoutFinish() {
    // node: c.on('connect',()=>{c.end();c.write('late',cb)})
    // -> connect, ready, cb ERR_STREAM_WRITE_AFTER_END, error ERR_STREAM_WRITE_AFTER_END write
    // after end, close true
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.resume());
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        trace(c);
        c.on(Socket.CONNECT, () -> {
          c.end();
          c.write("late", e -> log.add("cb " + code(e)));
        });
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("connect", "ready", "cb ERR_STREAM_WRITE_AFTER_END",
        "error ERR_STREAM_WRITE_AFTER_END write after end", "close true");
  }

  @Test
  void destroySoonEndsThenDestroysOnceFinished() {
    // node: c.write('abc', wcb); c.destroySoon() while connecting ->
    // after: destroyed false, writable false, writableEnded true, opening, bufferSize 3,
    // writableLength 3; connect, wcb null, ready, prefinish, finish (writableFinished true),
    // close false (destroyed true; no 'end': destroyed before the peer's FIN);
    // the server: data abc, end, close false
    List<String> server = new CopyOnWriteArrayList<>();
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> {
        sock.setEncoding("utf8");
        sock.on(Socket.TEXT, d -> server.add("srv data " + d));
        sock.on(Socket.END, () -> server.add("srv end"));
        sock.on(Socket.CLOSE, h -> server.add("srv close " + h));
      });
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        for (String e : List.of("connect", "ready", "prefinish", "finish", "end")) {
          c.on(e, args -> log.add(e + " destroyed " + c.destroyed() + " wf " + c.writableFinished()));
        }
        c.on(Socket.CLOSE, h -> log.add("close " + h + " destroyed " + c.destroyed() + " wf " + c.writableFinished()));
        c.write("abc", e -> log.add("wcb " + code(e)));
        c.destroySoon();
        log.add("after " + c.destroyed() + " " + c.writable() + " " + c.writableEnded() + " " + c.readyState()
            + " " + c.bufferSize() + " " + c.writableLength());
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("after false false true opening 3 3",
        "connect destroyed false wf false", "wcb null", "ready destroyed false wf false",
        "prefinish destroyed false wf false", "finish destroyed false wf true", "close false destroyed true wf true");
    assertThat(server).containsExactly("srv data abc", "srv end", "srv close false");
  }

  @Test
  void destroySoonAfterFinishDestroysAtOnce() {
    // node: in 'connect' c.end(); in 'finish' c.destroySoon() -> destroyed true
    // right away, then close false; the server sees end, close false
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.resume());
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1", () -> {});
        c.on(Socket.CONNECT, () -> {
          c.on(Socket.CLOSE, h -> {
            log.add("close " + h);
            s.close();
          });
          c.end();
          log.add("ended " + c.writable() + " " + c.writableFinished());
          c.on(Socket.FINISH, () -> {
            c.destroySoon();
            log.add("destroyed now " + c.destroyed());
          });
        });
      });
    });
    assertThat(log).containsExactly("ended false false", "destroyed now true", "close false");
  }

  @Test
  void aWriteMadeWhileConnectingFailsWhenTheConnectionIsRefused() {
    // node: c.write('a',cb1) to a closed port -> error ECONNREFUSED,
    // cb1 ERR_SOCKET_CLOSED_BEFORE_CONNECTION, close true
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer();
      s.listen(0, "127.0.0.1", () -> {
        int port = s.address().port();
        s.close(e -> {
          Socket c = Net.connect(port, "127.0.0.1");
          c.write("a", err -> log.add("cb1 " + code(err)));
          c.on(Socket.CONNECT, () -> log.add("connect"));
          c.on(Socket.CLOSE, h -> log.add("close " + h));
          c.on(Socket.FINISH, () -> log.add("finish"));
          c.on(Socket.ERROR, err -> log.add("error " + code(err)));
        });
      });
    });
    assertThat(log).containsExactly("error ECONNREFUSED", "cb1 ERR_SOCKET_CLOSED_BEFORE_CONNECTION", "close true");
  }

  @Test
  void aDestroyedSocketClosesInTheClosingPhaseAfterImmediatesTheLastClosedFirst() {
    // node: two sockets a and b connected; in b's connect callback a.destroy(); b.destroy();
    // setImmediate(log 'immediate'); process.nextTick(log 'tick'); setTimeout(log 'timeout0', 0)
    // -> tick, immediate, close b, close a, timeout0 (libuv runs close callbacks after the check
    // phase, from its closing_handles list, the last closed first)
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> {});
      s.listen(0, "127.0.0.1", () -> {
        Socket a = Net.connect(s.address().port(), "127.0.0.1");
        a.once(Socket.CONNECT, () -> {
          Socket b = Net.connect(s.address().port(), "127.0.0.1");
          b.once(Socket.CONNECT, () -> {
            a.on(Socket.CLOSE, e -> log.add("close a"));
            b.on(Socket.CLOSE, e -> log.add("close b"));
            a.destroy();
            b.destroy();
            dev.nodus.Timers.setImmediate(() -> log.add("immediate"));
            dev.nodus.Timers.nextTick(() -> log.add("tick"));
            dev.nodus.Timers.setTimeout(() -> {
              log.add("timeout0");
              s.close();
            }, 0);
          });
        });
      });
    });
    assertThat(log).containsExactly("tick", "immediate", "close b", "close a", "timeout0");
  }

  @Test
  void aSocketDestroyedInAnImmediateClosesBeforeTheNextImmediate() {
    // node: in a connected socket's setImmediate: c.destroy(); setImmediate(log 'immediate2')
    // -> close, immediate2 (the closing phase follows the check phase in the same iteration; the
    // new immediate waits for the next one)
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> {});
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        c.once(Socket.CONNECT, () -> dev.nodus.Timers.setImmediate(() -> {
          c.on(Socket.CLOSE, e -> log.add("close"));
          c.destroy();
          dev.nodus.Timers.setImmediate(() -> {
            log.add("immediate2");
            s.close();
          });
        }));
      });
    });
    assertThat(log).containsExactly("close", "immediate2");
  }
}
