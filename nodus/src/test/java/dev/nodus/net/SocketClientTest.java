package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.SystemError;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(30)
class SocketClientTest {
  private final List<Object> log = new CopyOnWriteArrayList<>();

  /** A port nothing listens on: bind a server, note its port, close it. */
  private static void withClosedPort(java.util.function.IntConsumer body) {
    Server s = Net.createServer();
    s.listen(0, "127.0.0.1", () -> {
      int port = s.address().port();
      s.close(e -> body.accept(port));
    });
  }

  @Test
  void refusedConnectionEmitsErrorThenCloseTrue() {
    Programs.run(Duration.ofSeconds(10), () -> withClosedPort(port -> {
      Socket c = Net.connect(port, "127.0.0.1");
      c.on(Socket.ERROR, e -> {
        SystemError se = (SystemError) e;
        log.add(se.code() + "|" + se.errno() + "|" + se.syscall() + "|" + se.address() + "|"
            + (se.port() == port) + "|" + se.getMessage().equals("connect ECONNREFUSED 127.0.0.1:" + port));
      });
      c.on(Socket.CLOSE, hadError -> log.add("close:" + hadError));
    }));
    assertThat(log).containsExactly("ECONNREFUSED|-111|connect|127.0.0.1|true|true", "close:true");
  }

  @Test
  void unknownHostEmitsLookupThenEnotfoundThenClose() {
    Programs.run(Duration.ofSeconds(20), () -> {
      Socket c = Net.connect(80, "nonexistent.invalid");
      c.on(Socket.LOOKUP, (err, address, family, host) -> log.add("lookup:" + (err != null) + ":" + address + ":" + family + ":" + host));
      c.on(Socket.ERROR, e -> log.add(((NodeError) e).code() + ":" + e.getMessage()));
      c.on(Socket.CLOSE, hadError -> log.add("close:" + hadError));
    });
    assertThat(log).containsExactly("lookup:true:null:null:nonexistent.invalid", "ENOTFOUND:getaddrinfo ENOTFOUND nonexistent.invalid", "close:true");
  }

  @Test
  void localhostIsLookedUpAndConnects() {
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.end());
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port());
        c.on(Socket.LOOKUP, (err, address, family, host) -> log.add("lookup:" + err + ":" + address + ":" + family + ":" + host));
        c.on(Socket.CONNECT, () -> log.add("connect:" + c.remoteAddress() + ":" + c.remoteFamily()
            + ":" + (c.remotePort() == s.address().port()) + ":" + c.localAddress() + ":" + c.readyState()));
        c.resume();
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("lookup:null:127.0.0.1:4:localhost", "connect:127.0.0.1:IPv4:true:127.0.0.1:open");
  }

  @Test
  void stateBeforeAndAfterConnect() {
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.pipe(sock));
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        log.add(c.readyState() + ":" + c.connecting() + ":" + c.pending());
        // Written before the connection exists: buffered, then sent.
        c.write("early");
        log.add("before:" + c.bytesWritten());
        c.on(Socket.CONNECT, () -> log.add(c.readyState() + ":" + c.connecting() + ":" + c.pending() + ":" + c.bytesWritten()));
        c.on(Socket.TEXT, d -> {
          log.add(d);
          c.end();
        });
        c.on(Socket.CLOSE, e -> {
          log.add("close:" + c.readyState() + ":" + c.bytesRead() + ":" + c.bytesWritten() + ":" + c.destroyed());
          s.close();
        });
      });
    });
    // node: before 5, connect 5, close 5 5 (bytesWritten counts data not yet sent)
    assertThat(log).containsExactly("opening:true:true", "before:5", "open:false:false:5", "early", "close:closed:5:5:true");
  }

  @Test
  void idleTimeoutEmitsTimeoutAndKeepsSocketOpen() {
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.resume());
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        long start = System.nanoTime();
        c.setTimeout(150, () -> {
          log.add("timeout:" + ((System.nanoTime() - start) / 1_000_000 >= 140) + ":" + c.destroyed());
          c.destroy();
        });
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("timeout:true:false");
  }

  @Test
  void writeAfterEndFailsWithErrStreamWriteAfterEnd() {
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.resume());
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        c.end();
        c.write("late", err -> log.add("cb:" + ((NodeError) err).code()));
        c.on(Socket.ERROR, e -> log.add("error:" + ((NodeError) e).code()));
        c.on(Socket.CLOSE, e -> {
          log.add("close:" + e);
          s.close();
        });
      });
    });
    assertThat(log).contains("cb:ERR_STREAM_WRITE_AFTER_END", "error:ERR_STREAM_WRITE_AFTER_END");
    assertThat(log.get(log.size() - 1)).isEqualTo("close:true");
  }

  @Test
  void aWriteTheKernelTakesReturnsTrueAboveTheHighWaterMark() {
    // node v20: on a fresh connection, write(64 KiB) -> true, writableLength 0 (the write
    // completes at once, so the 16 KiB high-water mark is not reached), and no 'drain'.
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> sock.resume());
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        c.on(Socket.DRAIN, () -> log.add("drain"));
        c.on(Socket.CONNECT, () -> {
          log.add("write " + c.write(dev.nodus.buffer.Buffer.alloc(64 * 1024)) + " " + c.writableLength());
          c.end();
          c.on(Socket.CLOSE, e -> s.close());
        });
      });
    });
    assertThat(log).containsExactly("write true 0");
  }

  @Test
  void writeReturnsFalseWhenPeerDoesNotReadAndDrainFollows() {
    Programs.run(Duration.ofSeconds(20), () -> {
      Socket[] accepted = new Socket[1];
      Server s = Net.createServer(new ServerOptions().pauseOnConnect(true), sock -> accepted[0] = sock);
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        c.on(Socket.CONNECT, () -> {
          dev.nodus.buffer.Buffer chunk = dev.nodus.buffer.Buffer.alloc(64 * 1024);
          int writes = 0;
          while (c.write(chunk)) {
            writes++;
            if (writes > 10_000) {
              throw new AssertionError("write() never returned false");
            }
          }
          log.add("full");
          c.once(Socket.DRAIN, () -> {
            log.add("drain");
            c.destroy();
            accepted[0].destroy();
            s.close();
          });
          accepted[0].resume();
        });
      });
    });
    assertThat(log).containsExactly("full", "drain");
  }

  @Test
  void badPortThrowsAtOnceAndLeavesNothingOpen() {
    // node: net.connect(70000) throws ERR_SOCKET_BAD_PORT; the process then exits normally.
    Programs.run(Duration.ofSeconds(10), () -> {
      try {
        Net.connect(70000);
      } catch (NodeError e) {
        log.add(e.code() + ":" + e.getMessage());
      }
    });
    assertThat(log).containsExactly(
        "ERR_SOCKET_BAD_PORT:Port should be >= 0 and < 65536. Received type number (70000).");
  }

  @Test
  void ipv6Loopback() {
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Net.createServer(sock -> {
        log.add("server:" + sock.remoteAddress() + ":" + sock.remoteFamily());
        sock.end("v6");
      });
      s.listen(0, "::1", () -> {
        Socket c = Net.connect(s.address().port(), "::1");
        c.on(Socket.TEXT, d -> log.add(d));
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(log).containsExactly("server:::1:IPv6", "v6");
  }
}
