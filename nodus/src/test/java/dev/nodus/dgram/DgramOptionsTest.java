package dev.nodus.dgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodus.NodeError;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The socket-option calls on both families: before bind, bound, and after close. */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class DgramOptionsTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  private static String code(Runnable r) {
    try {
      r.run();
      return "ok";
    } catch (NodeError e) {
      return e.code();
    }
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void optionsOnABoundSocket(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket s = f.create();
      s.bind(0, () -> {
        s.setBroadcast(true);
        s.setBroadcast(false);
        assertThat(s.setTTL(1)).isEqualTo(1);
        assertThat(s.setTTL(255)).isEqualTo(255);
        assertThat(code(() -> s.setTTL(0))).isEqualTo("EINVAL");
        assertThat(s.setMulticastTTL(0)).isZero();
        assertThat(code(() -> s.setMulticastTTL(256))).isEqualTo("EINVAL");
        assertThat(s.setMulticastLoopback(false)).isFalse();
        assertThat(s.setMulticastLoopback(true)).isTrue();
        s.setMulticastInterface(f == Fam.V4 ? "127.0.0.1" : "::%lo");
        // An IPv6 option on an IPv4 socket is refused by the kernel; a udp6 socket takes an
        // IPv4 interface (it is dual-stack). Both as in Node.
        assertThat(code(() -> s.setMulticastInterface(f == Fam.V4 ? "::1" : "127.0.0.1")))
            .isEqualTo(f == Fam.V4 ? "ENOPROTOOPT" : "ok");
        s.setRecvBufferSize(256 * 1024);
        s.setSendBufferSize(128 * 1024);
        // Linux doubles what was set, within rmem_max/wmem_max (and Node reports that too).
        log.add("recv " + s.getRecvBufferSize() + " send " + s.getSendBufferSize());
        assertThat(code(() -> s.setSendBufferSize(-1))).isEqualTo("ERR_SOCKET_BAD_BUFFER_SIZE");
        s.close();
        for (Runnable r : List.<Runnable>of(
            () -> s.setBroadcast(true), () -> s.setTTL(5), () -> s.setMulticastTTL(5),
            () -> s.setMulticastLoopback(true), () -> s.setMulticastInterface("127.0.0.1"),
            () -> s.addMembership("224.0.0.114"), () -> s.getRecvBufferSize(),
            () -> s.address(), () -> s.remoteAddress())) {
          log.add(code(r));
        }
        log.add("ref " + (s.ref() == s) + " unref " + (s.unref() == s));
      });
    });
    assertThat(log).containsExactly(
        "recv " + DgramBufferSizeTest.linux(true, 256 * 1024)
            + " send " + DgramBufferSizeTest.linux(false, 128 * 1024),
        "ERR_SOCKET_DGRAM_NOT_RUNNING", "ERR_SOCKET_DGRAM_NOT_RUNNING", "ERR_SOCKET_DGRAM_NOT_RUNNING",
        "ERR_SOCKET_DGRAM_NOT_RUNNING", "ERR_SOCKET_DGRAM_NOT_RUNNING", "ERR_SOCKET_DGRAM_NOT_RUNNING",
        "ERR_SOCKET_DGRAM_NOT_RUNNING", "ERR_SOCKET_DGRAM_NOT_RUNNING", "ERR_SOCKET_DGRAM_NOT_RUNNING",
        "ref true unref true");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void optionsBeforeBindFailWithEbadfAsInNode(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket s = f.create();
      for (Runnable r : List.<Runnable>of(
          () -> s.setBroadcast(true), () -> s.setTTL(5), () -> s.setMulticastTTL(5),
          () -> s.setMulticastLoopback(true), () -> s.address())) {
        log.add(code(r));
      }
      log.add(code(s::getSendBufferSize));
      // Still unbound while the bind's lookup is pending.
      s.bind(0, s::close);
      log.add(code(() -> s.setTTL(5)));
    });
    assertThat(log).containsExactly(
        "EBADF", "EBADF", "EBADF", "EBADF", "EBADF", "ERR_SOCKET_BUFFER_SIZE", "EBADF");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void bufferSizeOptionsApplyAtBind(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket s = Dgram.createSocket(
          new SocketOptions(f.type).recvBufferSize(1 << 20).sendBufferSize(1 << 19));
      s.on(DatagramSocket.LISTENING, () -> {
        log.add("recv " + s.getRecvBufferSize() + " send " + s.getSendBufferSize());
        s.close();
      });
      s.bind(0);
    });
    // Linux doubles, within this machine's rmem_max/wmem_max (DgramBufferSizeTest checks node).
    assertThat(log).containsExactly("recv " + DgramBufferSizeTest.linux(true, 1 << 20)
        + " send " + DgramBufferSizeTest.linux(false, 1 << 19));
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void membershipCallsOnLoopback(Fam f) {
    String group = f == Fam.V4 ? "224.0.0.114" : "ff02::114";
    String iface = f == Fam.V4 ? "127.0.0.1" : "::%lo";
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket s = f.create();
      s.bind(0, () -> {
        s.addMembership(group, iface);
        log.add("twice " + code(() -> s.addMembership(group, iface)));
        s.dropMembership(group, iface);
        log.add("drop again " + code(() -> s.dropMembership(group, iface)));
        log.add("empty " + code(() -> s.addMembership("")));
        log.add("not multicast " + code(() -> s.addMembership(f.loopback)));
        if (f == Fam.V4) {
          s.addSourceSpecificMembership("127.0.0.1", "232.1.1.1", "127.0.0.1");
          s.dropSourceSpecificMembership("127.0.0.1", "232.1.1.1", "127.0.0.1");
        }
        log.add("null source " + code(() -> s.addSourceSpecificMembership(null, "232.1.1.1")));
        s.close();
      });
    });
    assertThat(log).containsExactly(
        "twice EADDRINUSE", "drop again EADDRNOTAVAIL", "empty ERR_MISSING_ARGS",
        "not multicast EINVAL", "null source ERR_INVALID_ARG_TYPE");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void badOptionsAreRefusedAtCreation(Fam f) {
    Programs.run(Duration.ofSeconds(10), () -> {
      assertThatThrownBy(() -> Dgram.createSocket(new SocketOptions(f.type).sendBufferSize(1L << 32)))
          .hasMessage("The value of \"options.sendBufferSize\" is out of range. It must be >= 0 && "
              + "<= 4294967295. Received 4294967296");
      assertThatThrownBy(() -> Dgram.createSocket(new SocketOptions("udp")))
          .hasMessage("Bad socket type specified. Valid types are: udp4, udp6")
          .hasToString("TypeError [ERR_SOCKET_BAD_TYPE]: Bad socket type specified. Valid types are: udp4, udp6");
      assertThat(f.create().type()).isEqualTo(f.type);
    });
  }
}
