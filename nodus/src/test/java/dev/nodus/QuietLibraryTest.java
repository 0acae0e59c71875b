package dev.nodus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.buffer.Buffer;
import dev.nodus.dgram.DatagramSocket;
import dev.nodus.dgram.Dgram;
import dev.nodus.net.Net;
import dev.nodus.net.Server;
import dev.nodus.net.Socket;
import dev.nodus.testing.ChildJvm;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The library prints nothing Node would not print: a program that uses net and dgram through
 * their ordinary paths and their ordinary failures, each handled by a listener, writes only
 * what it printed itself. Run in a child JVM, so every byte on the process's stdout and stderr
 * counts, including Netty's own logging (a leak report, a warning) and debug output.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QuietLibraryTest {

  static final class Busy {
    public static void main(String[] args) {
      Nodus.run(() -> {
        int[] pending = {4};
        Runnable done = () -> {
          if (--pending[0] == 0) {
            System.out.println("done");
          }
        };
        // TCP: echo, then end; a refused connect; a reset.
        Server server = Net.createServer(s -> {
          s.on(Socket.ERROR, e -> {});
          s.pipe(s);
        });
        server.listen(0, "127.0.0.1", () -> {
          int port = server.address().port();
          Socket c = Net.connect(port, "127.0.0.1");
          c.on(Socket.DATA, d -> c.end());
          c.on(Socket.CLOSE, h -> {
            Socket r = Net.connect(port, "127.0.0.1");
            r.on(Socket.CONNECT, () -> r.resetAndDestroy());
            r.on(Socket.ERROR, e -> {});
            r.on(Socket.CLOSE, h2 -> server.close(e -> done.run()));
          });
          c.write("hello");
          Server gone = Net.createServer();
          gone.listen(0, "127.0.0.1", () -> {
            int deadPort = gone.address().port();
            gone.close(closeError -> {
              Socket refused = Net.connect(deadPort, "127.0.0.1");
              refused.on(Socket.ERROR, e -> {});
              refused.on(Socket.CLOSE, h -> done.run());
            });
          });
        });
        // UDP: a datagram out and back, a connected socket whose peer is gone (ICMP
        // unreachable comes back as a read error), closes.
        DatagramSocket a = Dgram.createSocket("udp4");
        DatagramSocket b = Dgram.createSocket("udp4");
        b.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
          a.close();
          b.close(done);
        });
        b.bind(0, "127.0.0.1", () -> a.send(Buffer.from("ping"), b.address().port(), "127.0.0.1"));
        DatagramSocket lost = Dgram.createSocket("udp4");
        DatagramSocket peer = Dgram.createSocket("udp4");
        peer.bind(0, "127.0.0.1", () -> {
          int port = peer.address().port();
          peer.close(() -> lost.connect(port, "127.0.0.1", connectError -> {
            lost.on(DatagramSocket.ERROR, e -> {});
            lost.send(Buffer.from("x"), (err, n) -> {
              Timers.setTimeout(() -> {
                lost.close(done);
              }, 100);
            });
          }));
        });
      });
    }
  }

  @Test
  void netAndDgramPrintNothingOfTheirOwn() throws Exception {
    ChildJvm.Result r = ChildJvm.run(Busy.class, 45);
    assertThat(r.stderr()).as("stderr").isEmpty();
    assertThat(r.stdout()).as("stdout").isEqualTo("done\n");
    assertThat(r.exitCode()).isZero();
  }
}
