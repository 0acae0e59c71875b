package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.Timers;
import dev.nodus.buffer.Buffer;
import dev.nodus.testing.Programs;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * A socket whose peer has half-closed, that then writes more than the kernel takes at once:
 * every byte must still arrive. On Netty 4.2.13+ epoll, the socket's interest set becomes empty
 * after the peer's FIN (reading stopped, EPOLLRDHUP cleared), Netty removes it from epoll
 * (netty#16689) but keeps it as registered, and the EPOLLOUT that the full kernel buffer then
 * needs is an EPOLL_CTL_MOD that fails with ENOENT: the pending writes were failed and the
 * connection lost ("read ENOENT"). {@code internal.loop.EpollInterestGuard} keeps the set from
 * becoming empty; this test fails without it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HalfClosedWriteTest {
  private static final int TOTAL = 8 << 20;
  private final List<String> log = new CopyOnWriteArrayList<>();

  @RepeatedTest(3)
  void writesAfterThePeersFinThatMustWaitForTheKernelAllArrive() throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    CompletableFuture<Long> received = new CompletableFuture<>();
    CompletableFuture<Void> allQueued = new CompletableFuture<>();
    Thread peer = new Thread(() -> {
      try (SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port.get()))) {
        ch.write(ByteBuffer.wrap(new byte[] {'x'}));
        ch.shutdownOutput();
        // Read only once the server has queued all 8 MiB: the kernel's buffers are full by then,
        // so the server must wait for EPOLLOUT.
        allQueued.get(20, TimeUnit.SECONDS);
        long n = 0;
        InputStream in = Channels.newInputStream(ch);
        byte[] buf = new byte[65536];
        int r;
        while ((r = in.read(buf)) > 0) {
          n += r;
        }
        received.complete(n);
      } catch (Exception e) {
        received.completeExceptionally(e);
      }
    });
    peer.start();
    Programs.run(Duration.ofSeconds(30), () -> {
      Server server = Net.createServer(new ServerOptions().allowHalfOpen(true), s -> {
        s.on(Socket.ERROR, e -> log.add("error " + e));
        s.resume();
        s.on(Socket.END, () -> Timers.setTimeout(() -> {
          Buffer chunk = Buffer.alloc(64 * 1024);
          for (int sent = 0; sent < TOTAL; sent += chunk.length()) {
            s.write(chunk);
          }
          s.end();
          allQueued.complete(null);
        }, 50));
        s.on(Socket.CLOSE, hadError -> {
          log.add("close " + hadError);
        });
      });
      server.listen(0, "127.0.0.1", () -> port.complete(server.address().port()));
      server.on(Server.CONNECTION, s -> server.close());
    });
    assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(TOTAL);
    assertThat(log).containsExactly("close false");
  }

  /**
   * The other half of the guard's promise: a half-closed socket that asks for nothing (reading
   * stopped after the peer's FIN, nothing to write) does not wake its loop again and again, the
   * loop netty#16689 set out to stop.
   */
  @org.junit.jupiter.api.Test
  void anIdleHalfClosedSocketLeavesItsLoopIdle() throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    long[] cpuNanos = new long[2];
    Thread peer = new Thread(() -> {
      try (SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port.get()))) {
        ch.shutdownOutput();
        done.get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        done.completeExceptionally(e);
      }
    });
    peer.start();
    Programs.run(Duration.ofSeconds(30), () -> {
      Server server = Net.createServer(new ServerOptions().allowHalfOpen(true), s -> {
        s.resume();
        s.on(Socket.END, () -> Timers.setTimeout(() -> {
          cpuNanos[0] = processCpuMs();
          Timers.setTimeout(() -> {
            cpuNanos[1] = processCpuMs();
            s.destroy();
            done.complete(null);
          }, 1000);
        }, 50));
      });
      server.listen(0, "127.0.0.1", () -> port.complete(server.address().port()));
      server.on(Server.CONNECTION, s -> server.close());
    });
    peer.join(10_000);
    // A spinning loop burns the whole second; an idle process a few tens of milliseconds.
    assertThat(cpuNanos[1] - cpuNanos[0]).as("process CPU ms in one idle second").isLessThan(400);
  }

  /** This process's user + system CPU time in ms, from /proc (clock ticks of 10 ms). */
  private static long processCpuMs() {
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
