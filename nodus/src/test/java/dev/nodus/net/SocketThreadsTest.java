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

  static long nettyPending(Socket s) {
    return NettyOutbound.pending(s);
  }

  private static final int WRITERS = 4;
  private static final int RECORD = 8 * 1024;

  /** A record: writer id, sequence number, then bytes derived from both. */
  private static Buffer record(int writer, int seq) {
    byte[] b = new byte[RECORD];
    java.nio.ByteBuffer.wrap(b).putInt(writer).putInt(seq);
    for (int i = 8; i < RECORD; i++) {
      b[i] = (byte) (writer * 31 + seq + i);
    }
    return Buffer.wrap(b);
  }

  /** Reassembles records from the byte stream and checks each writer's order and content. */
  private static final class RecordChecker {
    final byte[] partial = new byte[RECORD];
    int have;
    final int[] next = new int[WRITERS];
    final List<String> errors = new CopyOnWriteArrayList<>();
    long bytes;

    void accept(Buffer d) {
      bytes += d.length();
      int off = 0;
      while (off < d.length()) {
        int n = Math.min(RECORD - have, d.length() - off);
        System.arraycopy(d.buffer(), d.byteOffset() + off, partial, have, n);
        have += n;
        off += n;
        if (have == RECORD) {
          check();
          have = 0;
        }
      }
    }

    private void check() {
      java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(partial);
      int w = bb.getInt();
      int seq = bb.getInt();
      if (w < 0 || w >= WRITERS) {
        errors.add("bad writer id " + w);
        return;
      }
      if (seq != next[w]) {
        errors.add("writer " + w + ": got " + seq + ", expected " + next[w]);
      }
      next[w] = seq + 1;
      for (int i = 8; i < RECORD; i++) {
        if (partial[i] != (byte) (w * 31 + seq + i)) {
          errors.add("writer " + w + " record " + seq + ": byte " + i + " differs");
          return;
        }
      }
    }
  }

  @Test
  void fourWritersThatWaitForDrainDeliverEveryByteInOrderWithBoundedMemory() {
    int perWriter = 512; // 4 MiB per writer
    long total = (long) WRITERS * perWriter * RECORD;
    RecordChecker checker = new RecordChecker();
    java.util.concurrent.atomic.AtomicLong maxHeld = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong maxStream = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong maxNetty = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong drainGen = new java.util.concurrent.atomic.AtomicLong();
    Object drainLock = new Object();
    AtomicInteger falses = new AtomicInteger();
    List<String> writerErrors = new CopyOnWriteArrayList<>();
    int[] hwm = {0};
    Programs.run(Duration.ofSeconds(50), () -> {
      Server[] server = new Server[1];
      server[0] = Net.createServer(sock -> {
        // A slow reader: every 64 KiB it pauses and resumes a millisecond later.
        long[] sincePause = {0};
        sock.on(Socket.DATA, d -> {
          checker.accept(d);
          sincePause[0] += d.length();
          if (sincePause[0] >= 64 * 1024) {
            sincePause[0] = 0;
            sock.pause();
            dev.nodus.Timers.setTimeout(sock::resume, 1);
          }
          if (checker.bytes == total) {
            sock.end();
            server[0].close();
          }
        });
      });
      server[0].listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(server[0].address().port(), "127.0.0.1");
        hwm[0] = c.writableHighWaterMark();
        c.resume();
        c.on(Socket.END, c::end);
        c.on(Socket.DRAIN, () -> {
          drainGen.incrementAndGet();
          synchronized (drainLock) {
            drainLock.notifyAll();
          }
        });
        c.on(Socket.CONNECT, () -> {
          for (int w = 0; w < WRITERS; w++) {
            int id = w;
            Thread t = new Thread(() -> {
              try {
                for (int seq = 0; seq < perWriter; seq++) {
                  long gen = drainGen.get();
                  boolean more = c.write(record(id, seq));
                  long wl = c.writableLength();
                  long np = nettyPending(c);
                  maxHeld.accumulateAndGet(wl + np, Math::max);
                  maxStream.accumulateAndGet(wl, Math::max);
                  maxNetty.accumulateAndGet(np, Math::max);
                  if (!more) {
                    falses.incrementAndGet();
                    long deadline = System.nanoTime() + 20_000_000_000L;
                    synchronized (drainLock) {
                      while (drainGen.get() == gen && System.nanoTime() < deadline) {
                        drainLock.wait(100);
                      }
                    }
                    if (drainGen.get() == gen) {
                      writerErrors.add("writer " + id + ": no 'drain' after record " + seq);
                      return;
                    }
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }, "writer-" + w);
            t.setDaemon(true);
            t.start();
          }
        });
        // The loop measures too, whenever it reads.
        server[0].on(Server.CONNECTION, sock -> sock.on(Socket.DATA,
            d -> maxHeld.accumulateAndGet(c.writableLength() + nettyPending(c), Math::max)));
      });
    });
    assertThat(writerErrors).isEmpty();
    assertThat(checker.errors).isEmpty();
    assertThat(checker.bytes).isEqualTo(total);
    assertThat(checker.next).containsOnly(perWriter);
    assertThat(falses.get()).as("writes that returned false").isPositive();
    // The stream: its mark plus the records the writers hand over after a drain (one each, and a
    // second from the writer told true; a writer woken by a drain that came between its reading
    // of the drain count and its write has one more queued). Netty: its outbound mark (256 KiB)
    // plus the record that crosses it, and the 96 bytes Netty counts per queued write (at most
    // 40 here). The withheld record is counted in both.
    long streamBound = hwm[0] + 2L * WRITERS * RECORD;
    long nettyBound = 256 * 1024 + RECORD + 40 * 96;
    long bound = streamBound + nettyBound;
    System.out.println("held at most " + maxHeld.get() + " bytes (bound " + bound + "), "
        + falses.get() + " writes returned false; stream at most " + maxStream.get()
        + " (bound " + streamBound + "), Netty at most " + maxNetty.get() + " (bound " + nettyBound + ")");
    assertThat(maxStream.get()).as("bytes held by the stream").isLessThanOrEqualTo(streamBound);
    assertThat(maxNetty.get()).as("bytes held by Netty").isLessThanOrEqualTo(nettyBound);
    assertThat(maxHeld.get()).as("bytes held by the stream and Netty").isLessThanOrEqualTo(bound);
  }

  @Test
  void writersIgnoringBackpressureAreToldFalseOnceThePendingBytesReachTheMark() {
    int perWriter = 16;
    int chunk = 1024;
    List<Boolean> results = new CopyOnWriteArrayList<>();
    int[] lengthWhileBlocked = {-1};
    long[] received = {0};
    AtomicInteger drains = new AtomicInteger();
    Programs.run(Duration.ofSeconds(30), () -> {
      Server[] server = new Server[1];
      server[0] = Net.createServer(sock -> {
        sock.on(Socket.DATA, d -> {
          received[0] += d.length();
          if (received[0] == (long) WRITERS * perWriter * chunk) {
            sock.end();
            server[0].close();
          }
        });
      });
      server[0].listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(server[0].address().port(), "127.0.0.1");
        c.resume();
        c.on(Socket.END, c::end);
        c.on(Socket.DRAIN, drains::incrementAndGet);
        c.on(Socket.CONNECT, () -> {
          CountDownLatch done = new CountDownLatch(WRITERS);
          for (int w = 0; w < WRITERS; w++) {
            new Thread(() -> {
              for (int i = 0; i < perWriter; i++) {
                results.add(c.write(Buffer.alloc(chunk)));
              }
              done.countDown();
            }).start();
          }
          blockLoopUntil(done);
          lengthWhileBlocked[0] = c.writableLength();
        });
      });
    });
    // 1 KiB .. 15 KiB pending are below the 16 KiB mark; every later write is told false.
    assertThat(results).hasSize(WRITERS * perWriter);
    assertThat(results.stream().filter(b -> b).count()).isEqualTo(15);
    assertThat(lengthWhileBlocked[0]).isEqualTo(WRITERS * perWriter * chunk);
    assertThat(received[0]).isEqualTo((long) WRITERS * perWriter * chunk);
    assertThat(drains.get()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void writesAndEndFromAnotherThreadWhileConnectingArriveInOrderAfterTheConnect() {
    StringBuilder got = new StringBuilder();
    List<String> events = new CopyOnWriteArrayList<>();
    Programs.run(Duration.ofSeconds(30), () -> {
      Server[] server = new Server[1];
      server[0] = Net.createServer(sock -> {
        sock.setEncoding("utf8");
        sock.on(Socket.TEXT, got::append);
        sock.on(Socket.END, () -> {
          events.add("server end");
          sock.end();
          server[0].close();
        });
      });
      server[0].listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(server[0].address().port(), "127.0.0.1");
        c.resume();
        c.on(Socket.CONNECT, () -> events.add("connect"));
        c.on(Socket.FINISH, () -> events.add("finish"));
        CountDownLatch done = new CountDownLatch(1);
        new Thread(() -> {
          events.add("connecting " + c.connecting());
          c.write("one ");
          c.write("two ", "utf8");
          c.write(Buffer.from("three "), err -> events.add("written " + err + " " + dev.nodus.Nodus.inLoop()));
          c.end("four");
          done.countDown();
        }).start();
        blockLoopUntil(done);
      });
    });
    assertThat(got.toString()).isEqualTo("one two three four");
    assertThat(events).containsExactly(
        "connecting true", "connect", "written null true", "finish", "server end");
  }

  @Test
  void aWriterThreadThatAddsOnceDrainAfterFalseIsNeverLeftWaiting() {
    // The natural pattern from another thread: write; on false, once('drain') and wait. The
    // once() is handed over behind the write, and the loop may take the write and emit 'drain'
    // before it arrives.
    int writes = 300;
    List<String> stuck = new CopyOnWriteArrayList<>();
    long[] received = {0};
    long total = (long) writes * 64 * 1024;
    Programs.run(Duration.ofSeconds(50), () -> {
      Server[] server = new Server[1];
      server[0] = Net.createServer(sock -> sock.on(Socket.DATA, d -> {
        received[0] += d.length();
        if (received[0] == total) {
          sock.end();
          server[0].close();
        }
      }));
      server[0].listen(0, "127.0.0.1", () -> {
        Socket c = Net.connect(server[0].address().port(), "127.0.0.1");
        c.resume();
        c.on(Socket.END, c::end);
        c.on(Socket.CONNECT, () -> {
          Thread t = new Thread(() -> {
            for (int i = 0; i < writes; i++) {
              if (!c.write(Buffer.alloc(64 * 1024))) {
                CountDownLatch drained = new CountDownLatch(1);
                c.once(Socket.DRAIN, drained::countDown);
                try {
                  if (!drained.await(5, TimeUnit.SECONDS)) {
                    stuck.add("write " + i + ": no 'drain' within 5 s");
                    c.destroy();
                    server[0].close();
                    return;
                  }
                } catch (InterruptedException e) {
                  return;
                }
              }
            }
          });
          t.setDaemon(true);
          t.start();
        });
      });
    });
    assertThat(stuck).isEmpty();
    assertThat(received[0]).isEqualTo(total);
  }
}
