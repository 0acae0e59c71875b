package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.buffer.Buffer;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A socket's public methods called from threads other than its loop (DESIGN §4). */
@Timeout(60)
class SocketThreadsTest {

  /** Blocks the calling loop until {@code latch} opens (at most 10 s): nothing it owns can run. */
  static void blockLoopUntil(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void offLoopWritesCountTowardTheHighWaterMarkAndDrainFollows() {
    List<Boolean> results = new CopyOnWriteArrayList<>();
    int[] lengthWhileBlocked = {-1};
    boolean[] needDrainWhileBlocked = {false};
    AtomicInteger drains = new AtomicInteger();
    List<String> onLoop = new CopyOnWriteArrayList<>();
    Programs.run(Duration.ofSeconds(30), () -> {
      Server[] server = new Server[1];
      Server s = Net.createServer(sock -> {
        sock.resume();
        sock.on(Socket.END, () -> {
          sock.end();
          server[0].close();
        });
      });
      server[0] = s;
      s.listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(s.address().port(), "127.0.0.1");
        c.resume();
        c.on(Socket.DRAIN, () -> {
          onLoop.add(String.valueOf(dev.nodus.Nodus.inLoop()));
          if (drains.incrementAndGet() == 1) {
            c.end();
          }
        });
        c.on(Socket.CONNECT, () -> {
          CountDownLatch done = new CountDownLatch(1);
          Thread writer = new Thread(() -> {
            // 16 KiB mark: 4 KiB, 8, 12 are below it; the fourth write reaches it.
            for (int i = 0; i < 4; i++) {
              results.add(c.write(Buffer.alloc(4096)));
            }
            lengthWhileBlocked[0] = c.writableLength();
            needDrainWhileBlocked[0] = c.writableNeedDrain();
            done.countDown();
          });
          writer.start();
          // The loop stays busy, so none of the writes can be taken before the writer is done.
          blockLoopUntil(done);
        });
      });
    });
    assertThat(results).containsExactly(true, true, true, false);
    assertThat(lengthWhileBlocked[0]).isEqualTo(16384);
    assertThat(needDrainWhileBlocked[0]).isTrue();
    // The kernel took every byte at once, yet the writer told to wait gets its 'drain', once.
    assertThat(drains.get()).isEqualTo(1);
    assertThat(onLoop).containsExactly("true");
  }
}
