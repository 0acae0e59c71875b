package dev.nodus.dgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.Nodus;
import dev.nodus.Process;
import dev.nodus.Timers;
import dev.nodus.buffer.Buffer;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md section 4: every public method of a DatagramSocket is safe and non-blocking from any
 * thread. A call from off the loop is handed to the loop in order; getters read a snapshot the
 * loop keeps; nothing waits for a loop.
 */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
class DgramThreadingTest {
  private static final int ROUNDS = 2000;
  /** The NIO fallback has no setTTL (ENOTSUP on the loop). */
  private static final boolean EPOLL = Nodus.transport().equals("epoll");
  private final List<String> log = new CopyOnWriteArrayList<>();

  @Test
  void twoLoopsCallEachOthersSocketsWithoutDeadlock() {
    AtomicReferenceArray<DatagramSocket> sockets = new AtomicReferenceArray<>(2);
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger[] received = {new AtomicInteger(), new AtomicInteger()};
    Programs.run(2, Duration.ofSeconds(40), () -> {
      int me = Nodus.loopIndex();
      DatagramSocket mine = Dgram.createSocket("udp4");
      mine.on(DatagramSocket.MESSAGE, (m, r) -> received[me].incrementAndGet());
      mine.bind(0, "127.0.0.1", () -> {
        sockets.set(me, mine);
        int myPort = mine.address().port();
        Runnable[] waitForOther = new Runnable[1];
        waitForOther[0] = () -> {
          DatagramSocket other = sockets.get(1 - me);
          if (other == null) {
            Timers.setTimeout(waitForOther[0], 1);
            return;
          }
          int otherPort = other.address().port();
          for (int i = 0; i < ROUNDS; i++) {
            // The other loop's socket, called from this loop: each call must return at once.
            other.send("from loop " + me, myPort, "127.0.0.1", (e, n) -> {
              if (e == null) {
                sent.incrementAndGet();
              }
            });
            if (other.address().port() != otherPort) {
              log.add("wrong address");
            }
            if (EPOLL) {
              other.setTTL(64);
            }
            other.setMulticastTTL(2);
            other.setBroadcast(i % 2 == 0);
            if (other.getRecvBufferSize() <= 0 || other.getSendBufferSize() <= 0) {
              log.add("no buffer size");
            }
            other.getSendQueueSize();
            other.getSendQueueCount();
            other.ref();
          }
          log.add("loop " + me + " done");
          finished.incrementAndGet();
          // Handed over behind this loop's own calls to it, so it runs after all of them.
          other.close();
        };
        waitForOther[0].run();
      });
    });
    assertThat(log).containsExactlyInAnyOrder("loop 0 done", "loop 1 done");
    assertThat(finished.get()).isEqualTo(2);
    // Every send ran on its socket's loop, before that socket's close (handed over after it).
    assertThat(sent.get()).isEqualTo(2 * ROUNDS);
  }

  @Test
  void everyMethodReturnsAtOnceFromAPlainThreadWhileTheLoopIsBusy() throws Exception {
    CompletableFuture<DatagramSocket[]> ready = new CompletableFuture<>();
    CountDownLatch loopBusy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> events = new CopyOnWriteArrayList<>();
    Process p = Nodus.start(() -> {
      DatagramSocket s = Dgram.createSocket("udp4");
      DatagramSocket peer = Dgram.createSocket("udp4");
      DatagramSocket fresh = Dgram.createSocket("udp4");
      Nodus.onUncaughtException(e -> events.add("uncaught " + e));
      peer.on(DatagramSocket.MESSAGE, (m, r) -> {
        events.add("peer got " + m);
        if (events.contains("peer got three") && events.contains("peer got four")) {
          peer.close();
        }
      });
      s.on(DatagramSocket.CONNECT, () -> events.add("connect"));
      s.on(DatagramSocket.CLOSE, () -> events.add("close"));
      DatagramSocket linked = Dgram.createSocket("udp4");
      linked.on(DatagramSocket.CLOSE, () -> events.add("linked close"));
      fresh.on(DatagramSocket.LISTENING, () -> events.add("fresh listening"));
      fresh.on(DatagramSocket.CLOSE, () -> events.add("fresh close"));
      peer.bind(0, "127.0.0.1", () -> s.bind(0, "127.0.0.1", () -> linked.connect(
          peer.address().port(), "127.0.0.1", err -> {
        ready.complete(new DatagramSocket[] {s, peer, fresh, linked});
        // Hold the loop until the plain thread has made every call.
        Timers.setImmediate(() -> {
          loopBusy.countDown();
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      })));
    });
    try {
      DatagramSocket[] socks = ready.get(10, TimeUnit.SECONDS);
      DatagramSocket s = socks[0];
      DatagramSocket peer = socks[1];
      DatagramSocket fresh = socks[2];
      DatagramSocket linked = socks[3];
      assertThat(loopBusy.await(10, TimeUnit.SECONDS)).isTrue();
      int peerPort = peer.address().port();
      List<String> calls = new ArrayList<>();
      long start = System.nanoTime();
      calls.add("type " + s.type());
      calls.add("address " + s.address().address());
      calls.add("recv " + (s.getRecvBufferSize() > 0) + " send " + (s.getSendBufferSize() > 0));
      calls.add("queue " + s.getSendQueueSize() + " " + s.getSendQueueCount());
      calls.add("ttl " + (EPOLL ? s.setTTL(9) : 9) + " " + s.setMulticastTTL(3) + " "
          + s.setMulticastLoopback(true));
      s.setBroadcast(true);
      s.setMulticastInterface("127.0.0.1");
      s.addMembership("224.0.0.114", "127.0.0.1");
      s.dropMembership("224.0.0.114", "127.0.0.1");
      s.addSourceSpecificMembership("127.0.0.1", "232.1.1.1", "127.0.0.1");
      s.dropSourceSpecificMembership("127.0.0.1", "232.1.1.1", "127.0.0.1");
      s.setRecvBufferSize(64 * 1024);
      s.setSendBufferSize(64 * 1024);
      s.send("one", peerPort, "127.0.0.1", (e, n) -> events.add("sent one " + e));
      s.send(Buffer.from("two"), peerPort, "127.0.0.1");
      s.send(List.of(Buffer.from("thr"), Buffer.from("ee")), peerPort, "127.0.0.1");
      s.ref();
      s.unref();
      s.ref();
      s.connect(peerPort, "127.0.0.1", e -> {
        events.add("connected " + e + " remote " + (s.remoteAddress().port() == peerPort));
        s.disconnect();
        s.close();
      });
      // State checks Node makes synchronously still throw synchronously, from the snapshot.
      calls.add("remote " + code(s::remoteAddress));
      calls.add("bind again " + code(() -> s.bind(0)));
      calls.add("bad port " + code(() -> s.send("x", 0)));
      calls.add("bad ttl " + code(() -> s.setTTL(0)));
      calls.add("fresh address " + code(fresh::address));
      calls.add("fresh recv " + code(fresh::getRecvBufferSize));
      // Each call handed over runs as a callback of its own (its ticks drain before the next),
      // so this bind completes before the close, unlike the same two lines on the loop.
      fresh.bind(0, "127.0.0.1");
      fresh.close();
      calls.add("fresh closed " + code(fresh::address));
      fresh.on(DatagramSocket.ERROR, e -> events.add("fresh error " + e));
      // A connected socket: its peer from the snapshot, then disconnect and close handed over.
      calls.add("linked remote " + (linked.remoteAddress().port() == peerPort));
      calls.add("linked connect again " + code(() -> linked.connect(peerPort)));
      linked.send("four", (e, n) -> events.add("sent four " + e));
      linked.disconnect();
      linked.once(DatagramSocket.CLOSE, () -> events.add("linked closed once"));
      linked.close();
      calls.add("linked closed " + code(linked::remoteAddress));
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(ms).as("all calls returned while the loop was busy").isLessThan(1000);
      assertThat(calls).containsExactly(
          "type udp4", "address 127.0.0.1", "recv true send true", "queue 0 0", "ttl 9 3 true",
          "remote ERR_SOCKET_DGRAM_NOT_CONNECTED", "bind again ERR_SOCKET_ALREADY_BOUND",
          "bad port ERR_SOCKET_BAD_PORT", "bad ttl EINVAL", "fresh address EBADF",
          "fresh recv ERR_SOCKET_BUFFER_SIZE", "fresh closed ERR_SOCKET_DGRAM_NOT_RUNNING",
          "linked remote true", "linked connect again ERR_SOCKET_DGRAM_IS_CONNECTED",
          "linked closed ERR_SOCKET_DGRAM_NOT_RUNNING");
    } finally {
      release.countDown();
    }
    assertThat(p.awaitExit(Duration.ofSeconds(20))).isTrue();
    assertThat(events).containsExactlyInAnyOrder(
        "sent one null", "peer got one", "peer got two", "peer got three", "connect",
        "connected null remote true", "close", "fresh listening", "fresh close", "sent four null",
        "peer got four", "linked close", "linked closed once");
  }

  private static String code(Runnable r) {
    try {
      r.run();
      return "ok";
    } catch (NodeError e) {
      return e.code();
    }
  }
}
