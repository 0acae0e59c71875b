package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.buffer.Buffer;
import dev.nodus.testing.Programs;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What users hit: resets, slow readers, connection churn. */
@org.junit.jupiter.api.Timeout(120)
class SocketFaultTest {
  private final List<Object> log = new CopyOnWriteArrayList<>();

  @Test
  void peerResetInTheMiddleOfAWriteIsAnErrorThenCloseTrue() {
    Programs.run(Duration.ofSeconds(20), () -> {
      Server[] ref = new Server[1];
      Server s = Net.createServer(new ServerOptions().pauseOnConnect(true), sock -> {
        sock.resetAndDestroy();
        ref[0].close();
      });
      ref[0] = s;
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        Buffer chunk = Buffer.alloc(16 * 1024);
        c.on(Socket.CONNECT, () -> writeForever(c, chunk));
        c.on(Socket.ERROR, e -> log.add(((NodeError) e).code()));
        c.on(Socket.CLOSE, hadError -> log.add("close:" + hadError));
      });
    });
    assertThat(log).hasSize(2);
    assertThat((String) log.get(0)).isIn("ECONNRESET", "EPIPE");
    assertThat(log.get(1)).isEqualTo("close:true");
  }

  private static void writeForever(Socket c, Buffer chunk) {
    if (c.destroyed()) {
      return;
    }
    while (c.write(chunk)) {
      // fill until backpressure
    }
    c.once(Socket.DRAIN, () -> writeForever(c, chunk));
    dev.nodus.Timers.setTimeout(() -> writeForever(c, chunk), 5);
  }

  @Test
  void slowReaderKeepsMemoryBoundedWhenTheWriterRespectsWrite() {
    long total = 64L * 1024 * 1024;
    long[] maxBuffered = {0};
    long[] maxWritable = {0};
    long[] maxNetty = {0};
    long[] maxHeld = {0};
    long[] received = {0};
    Socket[] client = new Socket[1];
    Programs.run(Duration.ofSeconds(60), () -> {
      Server[] ref = new Server[1];
      Server s = Net.createServer(sock -> {
        // A slow reader: takes one chunk, pauses, resumes a little later.
        sock.on(Socket.DATA, d -> {
          received[0] += d.length();
          maxBuffered[0] = Math.max(maxBuffered[0], sock.readableLength());
          if (client[0] != null) {
            held(client[0], maxWritable, maxNetty, maxHeld);
          }
          if ((received[0] / d.length()) % 64 == 0) {
            sock.pause();
            dev.nodus.Timers.setTimeout(sock::resume, 1);
          }
          if (received[0] == total) {
            // The reader ends first: after a peer's FIN, Netty's epoll transport drains the
            // kernel buffer even while paused (docs/node-parity.md), which is not what this
            // test measures.
            sock.end();
            ref[0].close();
          }
        });
      });
      ref[0] = s;
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        client[0] = c;
        Buffer chunk = Buffer.alloc(64 * 1024);
        long[] sent = {0};
        Runnable pump = new Runnable() {
          @Override
          public void run() {
            while (sent[0] < total) {
              sent[0] += chunk.length();
              boolean more = c.write(chunk);
              held(c, maxWritable, maxNetty, maxHeld);
              if (!more) {
                c.once(Socket.DRAIN, this);
                return;
              }
            }
          }
        };
        c.on(Socket.END, c::end);
        c.on(Socket.CONNECT, pump);
        c.resume();
      });
    });
    assertThat(received[0]).isEqualTo(total);
    // Each side buffers at most a high-water mark plus one chunk.
    assertThat(maxBuffered[0]).as("reader's buffer").isLessThanOrEqualTo(256 * 1024);
    assertThat(maxWritable[0]).as("writer's buffer").isLessThanOrEqualTo(256 * 1024);
    // What Netty holds counts too (its outbound buffer, measured through the handle): its mark
    // (256 KiB) plus the chunk that crosses it, plus the stream's mark and the withheld chunk.
    System.out.println("writer held at most " + maxHeld[0] + " bytes: stream " + maxWritable[0]
        + ", Netty " + maxNetty[0]);
    assertThat(maxNetty[0]).as("Netty's outbound buffer").isLessThanOrEqualTo(256 * 1024 + 64 * 1024);
    assertThat(maxHeld[0]).as("stream and Netty together")
        .isLessThanOrEqualTo(256 * 1024 + 64 * 1024 + 16 * 1024 + 64 * 1024);
  }

  /** Samples what the writer holds: its stream's buffer and Netty's outbound buffer. */
  private static void held(Socket c, long[] maxWritable, long[] maxNetty, long[] maxHeld) {
    long w = c.writableLength();
    long n = NettyOutbound.pending(c);
    maxWritable[0] = Math.max(maxWritable[0], w);
    maxNetty[0] = Math.max(maxNetty[0], n);
    maxHeld[0] = Math.max(maxHeld[0], w + n);
  }

  @Test
  void tenThousandConnectCloseCyclesLeakNoFileDescriptors() {
    int before = openFds();
    int cycles = 10_000;
    int[] done = {0};
    Programs.run(Duration.ofSeconds(100), () -> {
      Server s = Net.createServer(sock -> sock.end());
      s.listen(0, "127.0.0.1", () -> {
        // 16 at a time keeps the loopback's ephemeral ports and TIME_WAIT in check.
        for (int i = 0; i < 16; i++) {
          cycle(s, cycles, done);
        }
      });
    });
    assertThat(done[0]).isEqualTo(cycles);
    int after = openFds();
    assertThat(after - before).isLessThanOrEqualTo(8);
  }

  private static void cycle(Server s, int cycles, int[] done) {
    Socket c = Net.connect(s.address().port(), "127.0.0.1");
    c.resume();
    c.on(Socket.CLOSE, e -> {
      if (++done[0] == cycles) {
        s.close();
      } else if (done[0] <= cycles - 16) {
        cycle(s, cycles, done);
      }
    });
  }

  private static int openFds() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? 0 : fds.length;
  }
}
