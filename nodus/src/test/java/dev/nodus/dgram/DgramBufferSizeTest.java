package dev.nodus.dgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.testing.NodePeer;
import dev.nodus.testing.Programs;
import io.netty.channel.socket.DatagramChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Buffer sizes as the kernel holds them: every value Nodus reports is what Linux keeps for the
 * value set (doubled, clamped to its minimum and to this machine's {@code
 * net.core.rmem_max}/{@code wmem_max}), what node v20 reports for the same calls here, and what
 * a getsockopt of the channel's own descriptor reads, so a setter that sets nothing, or a
 * getter that reports the value asked for, cannot pass.
 */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class DgramBufferSizeTest {
  private static final long[] SIZES =
      {1, 1000, 2304, 4608, 65536, 262144, 1 << 20, 4 << 20, 8 << 20, Integer.MAX_VALUE};

  private static final String NODE_SCRIPT = """
      const dgram = require('dgram');
      const sizes = %s;
      const s = dgram.createSocket('udp4');
      s.bind(0, '127.0.0.1', () => {
        for (const n of sizes) {
          s.setRecvBufferSize(n);
          s.setSendBufferSize(n);
          console.log(n + ': ' + s.getRecvBufferSize() + ' ' + s.getSendBufferSize());
        }
        s.close();
        const t = dgram.createSocket({type: 'udp6', recvBufferSize: 100000, sendBufferSize: 3000});
        t.bind(0, '::1', () => {
          console.log('options: ' + t.getRecvBufferSize() + ' ' + t.getSendBufferSize());
          t.close();
        });
      });
      """;

  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<String> kernel = new CopyOnWriteArrayList<>();

  /**
   * What Linux keeps for SO_RCVBUF/SO_SNDBUF set to {@code n} (net/core/sock.c): {@code n}
   * capped at {@code rmem_max}/{@code wmem_max}, doubled, and at least SOCK_MIN_RCVBUF (2304)
   * or SOCK_MIN_SNDBUF (4608).
   */
  static int linux(boolean recv, long n) {
    long max = sysctl(recv ? "rmem_max" : "wmem_max");
    return (int) Math.max(Math.min(n, max) * 2, recv ? 2304 : 4608);
  }

  private static long sysctl(String name) {
    Path p = Path.of("/proc/sys/net/core", name);
    Assumptions.assumeTrue(Files.isReadable(p), "not Linux: no " + p);
    try {
      // readAllLines reads to EOF; readString trusts the size procfs reports and gets one byte.
      return Long.parseLong(Files.readAllLines(p).get(0).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> linuxExpectation() {
    List<String> lines = new ArrayList<>();
    for (long n : SIZES) {
      lines.add(n + ": " + linux(true, n) + " " + linux(false, n));
    }
    lines.add("options: " + linux(true, 100000) + " " + linux(false, 3000));
    return lines;
  }

  @Test
  void sizesReadBackFromTheKernelAsLinuxKeepsThem() {
    List<String> expected = linuxExpectation();
    runNodus();
    assertThat(log).isEqualTo(expected);
    if (dev.nodus.Nodus.transport().equals("epoll")) {
      // The JDK (NIO) halves what Linux reports, so only epoll's getsockopt reads it as is.
      assertThat(kernel).isEqualTo(expected);
    }
  }

  @Test
  void sizesAreWhatNodeReports() throws Exception {
    Assumptions.assumeTrue(NodePeer.available(), "node is not on the PATH");
    StringBuilder arr = new StringBuilder("[");
    for (long n : SIZES) {
      arr.append(arr.length() > 1 ? "," : "").append(n);
    }
    List<String> expected;
    try (NodePeer node = NodePeer.start(NODE_SCRIPT.formatted(arr.append(']')))) {
      assertThat(node.waitFor(20)).as(node.stderr()).isZero();
      expected = node.lines();
    }
    runNodus();
    assertThat(log).isEqualTo(expected);
  }

  private void runNodus() {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket s = Dgram.createSocket("udp4");
      s.bind(0, "127.0.0.1", () -> {
        for (long n : SIZES) {
          s.setRecvBufferSize((int) n);
          s.setSendBufferSize((int) n);
          log.add(n + ": " + s.getRecvBufferSize() + " " + s.getSendBufferSize());
          kernel.add(n + ": " + channelSizes(s));
        }
        s.close();
        DatagramSocket t = Dgram.createSocket(
            new SocketOptions("udp6").recvBufferSize(100000).sendBufferSize(3000));
        t.bind(0, "::1", () -> {
          log.add("options: " + t.getRecvBufferSize() + " " + t.getSendBufferSize());
          kernel.add("options: " + channelSizes(t));
          t.close();
        });
      });
    });
  }

  /** SO_RCVBUF and SO_SNDBUF through Netty's channel config: getsockopt on the descriptor. */
  private static String channelSizes(DatagramSocket s) {
    try {
      Field f = DatagramSocket.class.getDeclaredField("handle");
      f.setAccessible(true);
      Object handle = f.get(s);
      Method m = handle.getClass().getDeclaredMethod("channel");
      m.setAccessible(true);
      DatagramChannel ch = (DatagramChannel) m.invoke(handle);
      return ch.config().getReceiveBufferSize() + " " + ch.config().getSendBufferSize();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
