package dev.nodus.dgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.buffer.Buffer;
import dev.nodus.testing.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Replays the scenarios of {@code node-errors.js} and compares what is thrown, emitted or called
 * back (code and message) with what Node v20 did, recorded in {@code node-errors.txt}.
 */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class DgramErrorsTest {
  private static final String TEST_NET = "203.0.113.7";
  private final List<String> out = new CopyOnWriteArrayList<>();

  static List<String> expected() throws IOException {
    try (InputStream in = DgramErrorsTest.class.getResourceAsStream("node-errors.txt")) {
      return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n"));
    }
  }

  @Test
  void errorsMatchNodes() throws IOException {
    Programs.run(Duration.ofSeconds(20), () -> {
      unbound();
      bound(() -> bindErrors(() -> sendErrors(() -> connectErrors(() -> {}))));
    });
    assertThat(out).containsExactlyElementsOf(expected());
  }

  @Test
  void recordedVectorsAreStillNodes() throws Exception {
    Assumptions.assumeTrue(NodeProcess.available(), "node is not installed");
    String script;
    try (InputStream in = getClass().getResourceAsStream("node-errors.js")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (NodeProcess node = NodeProcess.start(script)) {
      assertThat(node.allOutput(Duration.ofSeconds(20)).strip().split("\n")).containsExactlyElementsOf(expected());
    }
  }

  private static String norm(String m) {
    return m.replaceAll(":\\d{4,5}\\b", ":<port>");
  }

  private void rec(String name, String how, Throwable e) {
    String code = e == null ? "none" : e instanceof NodeError ne ? ne.code() : e.getClass().getName();
    out.add(String.join("\t", name, how, code, e == null ? "" : norm(e.getMessage())));
  }

  private void sync(String name, Runnable r) {
    try {
      r.run();
      rec(name, "throw", null);
    } catch (RuntimeException e) {
      rec(name, "throw", e);
    }
  }

  private void unbound() {
    sync("badType", () -> Dgram.createSocket("udp5"));
    sync("recvBufferSizeOption", () -> Dgram.createSocket(new SocketOptions("udp4").recvBufferSize(-1)));
    DatagramSocket s = Dgram.createSocket("udp4");
    sync("sendPort70000", () -> s.send("x", 70000, "127.0.0.1"));
    sync("sendPort0", () -> s.send("x", 0, "127.0.0.1"));
    sync("sendNoPort", () -> s.send("x"));
    sync("sendOffsetOutOfBounds", () -> s.send(Buffer.alloc(4), 5, 1, 9, "127.0.0.1"));
    sync("sendLengthOutOfBounds", () -> s.send(Buffer.alloc(4), 2, 3, 9, "127.0.0.1"));
    sync("connectPort0", () -> s.connect(0));
    sync("connectPort65536", () -> s.connect(65536));
    sync("disconnectUnconnected", s::disconnect);
    sync("remoteAddressUnconnected", s::remoteAddress);
    sync("addressUnbound", s::address);
    sync("setTTLUnbound", () -> s.setTTL(64));
    sync("setTTL0Unbound", () -> s.setTTL(0));
    sync("setBroadcastUnbound", () -> s.setBroadcast(true));
    sync("setMulticastTTLUnbound", () -> s.setMulticastTTL(1));
    sync("setMulticastLoopbackUnbound", () -> s.setMulticastLoopback(true));
    sync("setMulticastInterfaceUnbound", () -> s.setMulticastInterface("127.0.0.1"));
    sync("getRecvBufferSizeUnbound", s::getRecvBufferSize);
    sync("getSendBufferSizeUnbound", s::getSendBufferSize);
    sync("setRecvBufferSizeNegative", () -> s.setRecvBufferSize(-1));
    DatagramSocket c = Dgram.createSocket("udp4");
    c.close();
    sync("closeTwice", c::close);
    sync("sendAfterClose", () -> c.send("x", 9, "127.0.0.1"));
    sync("bindAfterClose", () -> c.bind(0));
    sync("addressAfterClose", c::address);
    sync("connectAfterClose", () -> c.connect(9));
    sync("remoteAddressAfterClose", c::remoteAddress);
    sync("addMembershipAfterClose", () -> c.addMembership("224.0.0.114"));
    sync("setMulticastInterfaceAfterClose", () -> c.setMulticastInterface("127.0.0.1"));
    DatagramSocket b = Dgram.createSocket("udp4");
    b.bind(0);
    sync("bindTwice", () -> b.bind(0));
    b.close();
    s.close();
  }

  private void bound(Runnable next) {
    DatagramSocket b = Dgram.createSocket("udp4");
    b.bind(0, "127.0.0.1", () -> {
      sync("setTTL0", () -> b.setTTL(0));
      sync("setTTL256", () -> b.setTTL(256));
      sync("setMulticastTTL256", () -> b.setMulticastTTL(256));
      sync("setMulticastInterfaceNotIp", () -> b.setMulticastInterface("foo"));
      sync("setMulticastInterfaceV6OnUdp4", () -> b.setMulticastInterface("::1"));
      sync("setMulticastInterfaceNotLocal", () -> b.setMulticastInterface(TEST_NET));
      sync("addMembershipEmpty", () -> b.addMembership(""));
      sync("addMembershipNotMulticast", () -> b.addMembership("127.0.0.1"));
      sync("addMembershipNotIp", () -> b.addMembership("foo"));
      sync("addMembershipBadInterface", () -> b.addMembership("224.0.0.114", "foo"));
      b.addMembership("224.0.0.114", "127.0.0.1");
      sync("addMembershipTwice", () -> b.addMembership("224.0.0.114", "127.0.0.1"));
      b.dropMembership("224.0.0.114", "127.0.0.1");
      sync("dropMembershipNotJoined", () -> b.dropMembership("224.0.0.114", "127.0.0.1"));
      sync("addSourceSpecificMembershipNotIp", () -> b.addSourceSpecificMembership("127.0.0.1", "foo"));
      sync("dropSourceSpecificMembershipNotJoined",
          () -> b.dropSourceSpecificMembership("127.0.0.1", "232.1.1.1", "127.0.0.1"));
      sync("setRecvBufferSizeNegativeBound", () -> b.setRecvBufferSize(-1));
      b.connect(b.address().port(), "127.0.0.1", err -> {
        sync("connectTwice", () -> b.connect(9));
        sync("sendOffsetLengthPortWhileConnected", () -> b.send(Buffer.alloc(1), 0, 1, 9));
        b.send(Buffer.alloc(70000), (e, n) -> {
          rec("sendTooBigConnected", "callback", e);
          b.disconnect();
          sync("disconnectTwice", b::disconnect);
          b.close(next);
        });
      });
    });
  }

  private void bindErrors(Runnable next) {
    DatagramSocket a = Dgram.createSocket("udp4");
    a.bind(0, "127.0.0.1", () -> {
      DatagramSocket b = Dgram.createSocket("udp4");
      b.on(DatagramSocket.ERROR, e -> {
        rec("bindInUse", "error", e);
        a.close();
        b.close();
        Deque<String[]> steps = new ArrayDeque<>(List.of(
            new String[] {"bindUdp6ToIpv4", "udp6", "127.0.0.1"},
            new String[] {"bindUdp4ToIpv6", "udp4", "::1"},
            new String[] {"bindNotLocal", "udp4", TEST_NET},
            new String[] {"bindUnknownHost", "udp4", "nodus-test.invalid"}));
        Runnable[] step = new Runnable[1];
        step[0] = () -> {
          String[] st = steps.poll();
          if (st == null) {
            next.run();
            return;
          }
          DatagramSocket s = Dgram.createSocket(st[1]);
          s.on(DatagramSocket.ERROR, err -> {
            rec(st[0], "error", err);
            s.close(step[0]);
          });
          s.bind(0, st[2], () -> {
            rec(st[0], "error", null);
            s.close(step[0]);
          });
        };
        step[0].run();
      });
      b.bind(a.address().port(), "127.0.0.1");
    });
  }

  private void sendErrors(Runnable next) {
    DatagramSocket a = Dgram.createSocket("udp4");
    DatagramSocket a6 = Dgram.createSocket("udp6");
    a.send(Buffer.alloc(65508), 9, (e1, n1) -> {
      rec("sendTooBigDefaultAddress", "callback", e1);
      a.send(Buffer.alloc(65508), 9, "127.0.0.1", (e2, n2) -> {
        rec("sendTooBig", "callback", e2);
        a.send("x", 9, "::1", (e3, n3) -> {
          rec("sendUdp4ToIpv6", "callback", e3);
          a.send("x", 9, "nodus-test.invalid", (e4, n4) -> {
            rec("sendUnknownHostCallback", "callback", e4);
            a.once(DatagramSocket.ERROR, e5 -> {
              rec("sendUnknownHostNoCallback", "error", e5);
              a6.send(Buffer.alloc(65528), 9, "::1", (e6, n6) -> {
                rec("sendTooBigUdp6", "callback", e6);
                a6.send("x", 9, "127.0.0.1", (e7, n7) -> {
                  rec("sendUdp6ToIpv4", "callback", e7);
                  a.close();
                  a6.close(next);
                });
              });
            });
            a.send("x", 9, "nodus-test.invalid");
          });
        });
      });
    });
  }

  private void connectErrors(Runnable next) {
    DatagramSocket c = Dgram.createSocket("udp4");
    c.connect(9, "nodus-test.invalid", e1 -> {
      rec("connectUnknownHostCallback", "callback", e1);
      c.once(DatagramSocket.ERROR, e2 -> {
        rec("connectUnknownHostNoCallback", "error", e2);
        c.connect(9, "::1", e3 -> {
          rec("connectUdp4ToIpv6", "callback", e3);
          c.close();
          DatagramSocket r = Dgram.createSocket("udp4");
          r.on(DatagramSocket.ERROR, e4 -> {
            rec("connectedPortUnreachable", "error", e4);
            r.close(next);
          });
          r.connect(9, "127.0.0.1", e -> r.send("x"));
        });
      });
      c.connect(9, "nodus-test.invalid");
    });
  }
}
