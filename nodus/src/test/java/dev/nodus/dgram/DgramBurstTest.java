package dev.nodus.dgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Nodus;
import dev.nodus.Process;
import dev.nodus.Timers;
import dev.nodus.buffer.Buffer;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A burst of 10,000 datagrams into a socket read the normal way ('message' listener) loses none
 * on loopback. As a Node user would, the receiver asks for a large receive buffer
 * ({@code recvBufferSize} 4 MiB, which Linux doubles), and the sender, another program on its
 * own loop, goes in windows of 1,000: it sends the next window once the receiver has read the
 * previous one, so the receive buffer never holds more than a window. (Pacing by the send
 * callbacks alone let a sender run several windows ahead of a receiver starved of CPU on a busy
 * 2-core machine, and the kernel then drops datagrams, as it would for Node: 22 of 10,000 once.)
 */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
class DgramBurstTest {
  private static final int COUNT = 10_000;
  private static final int WINDOW = 1_000;

  @ParameterizedTest
  @EnumSource(Fam.class)
  void tenThousandDatagramsLoseNone(Fam f) throws Exception {
    BitSet seen = new BitSet(COUNT);
    AtomicInteger received = new AtomicInteger();
    AtomicInteger outOfOrder = new AtomicInteger();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Process receiver = Nodus.start(() -> {
      DatagramSocket r = Dgram.createSocket(new SocketOptions(f.type).recvBufferSize(4 << 20));
      int[] last = {-1};
      r.on(DatagramSocket.MESSAGE, (msg, rinfo) -> {
        int seq = (msg.get(0) << 24) | (msg.get(1) << 16) | (msg.get(2) << 8) | msg.get(3);
        if (seq < last[0]) {
          outOfOrder.incrementAndGet();
        }
        last[0] = seq;
        seen.set(seq);
        if (received.incrementAndGet() == COUNT) {
          r.close();
        }
      });
      r.bind(0, f.loopback, () -> port.complete(r.address().port()));
      // Ends the receiver if datagrams were lost, so the assertion below reports it.
      Timers.setTimeout(() -> {
        if (received.get() < COUNT) {
          r.close();
        }
      }, 20_000).unref();
    });
    int p = port.get(10, TimeUnit.SECONDS);
    Programs.run(Duration.ofSeconds(30), () -> {
      DatagramSocket s = f.create();
      int[] next = {0};
      int[] pending = {0};
      Runnable[] window = new Runnable[1];
      window[0] = () -> {
        int end = Math.min(next[0] + WINDOW, COUNT);
        for (; next[0] < end; next[0]++) {
          Buffer b = Buffer.alloc(64);
          int seq = next[0];
          b.set(0, seq >>> 24);
          b.set(1, seq >>> 16);
          b.set(2, seq >>> 8);
          b.set(3, seq);
          pending[0]++;
          s.send(b, p, f.loopback, (err, n) -> {
            if (err != null) {
              throw new AssertionError(err);
            }
            if (--pending[0] == 0) {
              if (next[0] == COUNT) {
                s.close();
              } else {
                whenReceived(next[0], received, System.nanoTime() + 5_000_000_000L, window[0]);
              }
            }
          });
        }
      };
      window[0].run();
    });
    assertThat(receiver.awaitExit(Duration.ofSeconds(30))).isTrue();
    assertThat(received).hasValue(COUNT);
    assertThat(seen.cardinality()).isEqualTo(COUNT);
    assertThat(outOfOrder).hasValue(0);
  }

  /**
   * Runs {@code then} on this loop once the receiver has counted {@code sent} datagrams, or after
   * {@code deadline} (datagrams were lost: the assertions on the count then say how many).
   */
  private static void whenReceived(int sent, AtomicInteger received, long deadline, Runnable then) {
    if (received.get() >= sent || System.nanoTime() > deadline) {
      Timers.setImmediate(then);
    } else {
      Timers.setTimeout(() -> whenReceived(sent, received, deadline, then), 1);
    }
  }
}
