package dev.nodus.dgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.SystemError;
import dev.nodus.buffer.Buffer;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Node v20 behaviours that follow from lib/dgram.js's argument handling and from libuv: every
 * expected line below was printed by node v20 running the same scenario.
 */
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS)
class DgramFidelityTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  private void attempt(String name, Runnable r) {
    try {
      r.run();
      log.add(name + " ok");
    } catch (NodeError e) {
      log.add(name + " threw " + e.code());
    }
  }

  private BiConsumer<Throwable, Integer> cb(String name) {
    return (e, n) -> log.add("cb " + name + " " + (e == null ? null : ((NodeError) e).code()) + " " + n);
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void aConnectedSocketTakesNodesArgumentFormsByPosition(Fam f) {
    // Node's send() on a connected socket reads its forms by position: a port given as the
    // second argument is ignored (and a callback after it lost), (msg, port, address, cb) and
    // any (msg, offset, length, port|address) form with a port or address throws.
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket server = f.create();
      DatagramSocket other = f.create();
      DatagramSocket c = f.create();
      server.on(DatagramSocket.MESSAGE, (m, r) -> log.add("server got " + m));
      other.on(DatagramSocket.MESSAGE, (m, r) -> log.add("other got " + m));
      other.bind(0, f.loopback, () -> server.bind(0, f.loopback, () -> {
        int op = other.address().port();
        c.connect(server.address().port(), f.loopback, err -> {
          attempt("lone port", () -> c.send("lone port", op));
          attempt("lone port cb", () -> c.send("lone port cb", op, cb("lone port cb")));
          attempt("port+addr", () -> c.send("port+addr", op, f.loopback));
          attempt("port+addr cb", () -> c.send("port+addr cb", op, f.loopback, cb("port+addr cb")));
          attempt("port+null", () -> c.send("port+null", op, (String) null));
          attempt("port+null cb", () -> c.send("port+null cb", op, null, cb("port+null cb")));
          attempt("port+empty", () -> c.send("port+empty", op, ""));
          attempt("0+addr", () -> c.send("0+addr", 0, f.loopback));
          attempt("port0", () -> c.send(Buffer.from("port0"), 0));
          attempt("list port cb", () -> c.send(
              List.of(Buffer.from("list "), Buffer.from("port cb")), op, cb("list port cb")));
          attempt("off len port", () -> c.send(Buffer.from("offlenport"), 0, 10, op));
          attempt("off len port addr",
              () -> c.send(Buffer.from("offlenportaddr"), 0, 14, op, f.loopback));
          attempt("off len port cb",
              () -> c.send(Buffer.from("offlenportcb"), 0, 12, op, cb("off len port cb")));
          attempt("slice 0", () -> c.send(Buffer.from("slice 0"), 0, 7, 0));
          attempt("slice 0 cb", () -> c.send(Buffer.from("slice 0 cb"), 0, 10, 0, cb("slice 0 cb")));
          attempt("slice 0 empty", () -> c.send(Buffer.from("slice 0 empty"), 0, 13, 0, ""));
          attempt("slice 0 null cb",
              () -> c.send(Buffer.from("slice 0 null cb"), 0, 15, 0, null, cb("slice 0 null cb")));
          attempt("slice 0 empty cb",
              () -> c.send(Buffer.from("slice 0 empty cb"), 0, 16, 0, "", cb("slice 0 empty cb")));
          // The last datagram of all: when it arrives everything before it has (loopback keeps
          // the order), and every callback has run.
          c.send("plain cb", (e, n) -> {
            log.add("cb plain cb " + e + " " + n);
          });
        });
      }));
      server.on(DatagramSocket.MESSAGE, (m, r) -> {
        if (m.toString().equals("plain cb")) {
          c.close();
          server.close();
          other.close();
        }
      });
    });
    assertThat(log).containsExactly(
        "lone port ok", "lone port cb ok", "port+addr ok", "port+addr cb threw ERR_SOCKET_DGRAM_IS_CONNECTED",
        "port+null ok", "port+null cb threw ERR_SOCKET_DGRAM_IS_CONNECTED", "port+empty ok",
        "0+addr ok", "port0 ok", "list port cb ok",
        "off len port threw ERR_SOCKET_DGRAM_IS_CONNECTED",
        "off len port addr threw ERR_SOCKET_DGRAM_IS_CONNECTED",
        "off len port cb threw ERR_SOCKET_DGRAM_IS_CONNECTED",
        "slice 0 ok", "slice 0 cb threw ERR_SOCKET_DGRAM_IS_CONNECTED", "slice 0 empty ok",
        "slice 0 null cb ok", "slice 0 empty cb ok",
        "cb slice 0 null cb null 15", "cb slice 0 empty cb null 16", "cb plain cb null 8",
        "server got lone port", "server got lone port cb", "server got port+addr",
        "server got port+null", "server got port+empty", "server got 0+addr", "server got port0",
        "server got list port cb", "server got slice 0", "server got slice 0 empty",
        "server got slice 0 null cb", "server got slice 0 empty cb", "server got plain cb");
  }

  private static String describe(Throwable e) {
    SystemError se = (SystemError) e;
    return se.code() + " " + se.getMessage() + " port " + se.port();
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void bindKeepsTheLow16BitsOfThePortAndNamesItAsGiven(Fam f) {
    // node: bind(P + 65536) binds P; bind(70000) binds 4464; -1 binds 65535; a port whose low
    // 16 bits are 0 (65536, -65536, 2^31 wrapped) binds a random one. Errors name the port as
    // given: "bind EADDRINUSE 127.0.0.1:<P+65536>", and a negative one not at all.
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket holder = f.create();
      holder.bind(0, f.loopback, () -> {
        int p = holder.address().port();
        DatagramSocket a = f.create();
        a.once(DatagramSocket.ERROR, e -> {
          log.add(describe(e).replace(String.valueOf(p + 65536), "P+65536"));
          // libuv keeps the socket of a failed bind: getsockname reports any-address, port 0.
          AddressInfo after = a.address();
          log.add("address after failed bind " + after.address() + " " + after.family() + " " + after.port());
          a.once(DatagramSocket.ERROR, e2 -> {
            log.add(describe(e2).replace(String.valueOf(p - 65536), "P-65536"));
            holder.close(() -> a.bind(p + 131072, f.loopback, () -> {
              log.add("rebound on P " + (a.address().port() == p));
              a.close();
              DatagramSocket z = f.create();
              z.bind(65536, f.loopback, () -> {
                log.add("65536 random " + (z.address().port() != 0));
                z.close();
                DatagramSocket m = f.create();
                m.bind(Integer.MIN_VALUE, f.loopback, () -> {
                  log.add("MIN_VALUE random " + (m.address().port() != 0));
                  m.close();
                });
              });
            }));
          });
          a.bind(p - 65536, f.loopback);
        });
        a.bind(p + 65536, f.loopback);
      });
    });
    assertThat(log).containsExactly(
        "EADDRINUSE bind EADDRINUSE " + f.loopback + ":P+65536 port P+65536",
        "address after failed bind " + f.any + " " + f.family + " 0",
        "EADDRINUSE bind EADDRINUSE " + f.loopback + " port P-65536",
        "rebound on P true", "65536 random true", "MIN_VALUE random true");
  }

  @Test
  void bindWrapsFixedPortsAsNodeDoes() {
    // node: 70000 -> 4464, -1 -> 65535, 131071 -> 65535, Integer.MAX_VALUE -> 65535.
    Programs.run(Duration.ofSeconds(10), () -> {
      Map<Integer, Integer> cases = Map.of(70000, 4464, -1, 65535);
      for (Map.Entry<Integer, Integer> c : cases.entrySet()) {
        DatagramSocket s = Fam.V4.create();
        s.on(DatagramSocket.ERROR, e -> {
          // The port is taken on this machine; the error still names the port as given.
          log.add(c.getKey() + " -> " + (describe(e).contains("127.0.0.1" + (c.getKey() > 0 ? ":" + c.getKey() : ""))
              ? c.getValue() : "wrong error " + describe(e)));
          s.close();
        });
        s.bind(c.getKey(), "127.0.0.1", () -> {
          log.add(c.getKey() + " -> " + s.address().port());
          s.close();
        });
      }
    });
    assertThat(log).containsExactlyInAnyOrder("70000 -> 4464", "-1 -> 65535");
  }

  @Test
  void membershipBeforeBindBindsImplicitlyAsLibuvDoes() {
    // node: addMembership before bind creates and binds the socket (0.0.0.0, random port,
    // SO_REUSEADDR) without 'listening'; bind() afterwards fails with "bind EINVAL 0.0.0.0";
    // dropMembership binds as well (then fails EADDRNOTAVAIL); a group that is no IP fails
    // EINVAL first and binds nothing (address() then throws EBADF).
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket s = Fam.V4.create();
      s.on(DatagramSocket.LISTENING, () -> log.add("listening"));
      s.on(DatagramSocket.ERROR, e -> {
        log.add("error " + ((SystemError) e).code() + " " + e.getMessage());
        s.close(() -> log.add("closed"));
      });
      attempt("addMembership", () -> s.addMembership("224.0.0.114", "127.0.0.1"));
      AddressInfo a = s.address();
      log.add("address " + a.address() + " " + a.family() + " " + (a.port() != 0));
      attempt("setTTL", () -> s.setTTL(5));
      log.add("recv buffer " + (s.getRecvBufferSize() > 0));
      attempt("dropMembership", () -> s.dropMembership("224.0.0.114", "127.0.0.1"));
      s.bind(0);

      DatagramSocket d = Fam.V4.create();
      attempt("drop before bind", () -> d.dropMembership("224.0.0.114"));
      log.add("drop bound " + (d.address().port() != 0));
      attempt("ssm before bind", () -> d.addSourceSpecificMembership("127.0.0.1", "232.1.1.1", "127.0.0.1"));
      d.close();

      DatagramSocket j = Fam.V4.create();
      attempt("junk", () -> j.addMembership("junk"));
      attempt("address after junk", j::address);
      attempt("no multicast IP", () -> j.addMembership("1.2.3.4"));
      attempt("address after 1.2.3.4", j::address);
      j.close();

      // libuv binds with the group's family: a udp4 socket joining an IPv6 group gets an IPv6
      // socket (whether the join itself works depends on the interfaces).
      DatagramSocket x = Fam.V4.create();
      try {
        x.addMembership("ff01::114");
      } catch (SystemError ignored) {
        // no IPv6 multicast interface here; the bind happened before the join
      }
      log.add("cross family " + x.address().address() + " " + x.address().family());
      x.close();
    });
    assertThat(log).containsExactly(
        "addMembership ok", "address 0.0.0.0 IPv4 true", "setTTL ok", "recv buffer true",
        "dropMembership ok",
        "drop before bind threw EADDRNOTAVAIL", "drop bound true", "ssm before bind ok",
        "junk threw EINVAL", "address after junk threw EBADF",
        "no multicast IP threw EINVAL", "address after 1.2.3.4 ok",
        "cross family :: IPv6",
        "error EINVAL bind EINVAL 0.0.0.0", "closed");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void sendQueueCountsWhatTheKernelHasNotTaken(Fam f) {
    // node: 0/0 on a new socket, with sends waiting for the bind, on 'listening', right after a
    // send (it left at once), in its callback; after close a TypeError (Nodus: NOT_RUNNING).
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket r = f.create();
      DatagramSocket s = f.create();
      r.on(DatagramSocket.MESSAGE, (m, i) -> {
        if (m.toString().equals("last")) {
          r.close();
        }
      });
      r.bind(0, f.loopback, () -> {
        int port = r.address().port();
        log.add("fresh " + s.getSendQueueSize() + " " + s.getSendQueueCount());
        s.send("hello", port, f.loopback);
        s.send("world!", port, f.loopback);
        log.add("while binding " + s.getSendQueueSize() + " " + s.getSendQueueCount());
        s.on(DatagramSocket.LISTENING, () -> {
          log.add("listening " + s.getSendQueueSize() + " " + s.getSendQueueCount());
          s.send(Buffer.alloc(1000), port, f.loopback, (e, n) -> {
            log.add("in callback " + s.getSendQueueSize() + " " + s.getSendQueueCount());
            s.send("last", port, f.loopback, (e2, n2) -> {
              s.close();
              attempt("after close", s::getSendQueueSize);
            });
            log.add("right after send " + s.getSendQueueSize() + " " + s.getSendQueueCount());
          });
        });
      });
    });
    assertThat(log).containsExactly(
        "fresh 0 0", "while binding 0 0", "listening 0 0", "in callback 0 0",
        "right after send 0 0", "after close threw ERR_SOCKET_DGRAM_NOT_RUNNING");
  }

  @ParameterizedTest
  @EnumSource(Fam.class)
  void disconnectDropsTheKernelAssociation(Fam f) {
    // node: disconnect() is connect(AF_UNSPEC). A socket bound to port 0 by connect() loses
    // its port with it (address() reports any-address, port 0); one bound to a port keeps it,
    // and a third socket, which the kernel filtered out while connected, now gets through.
    Programs.run(Duration.ofSeconds(10), () -> {
      DatagramSocket peer = f.create();
      DatagramSocket third = f.create();
      DatagramSocket c = f.create();
      DatagramSocket auto = f.create();
      DatagramSocket probe = f.create();
      c.on(DatagramSocket.MESSAGE, (m, r) -> {
        log.add("c got " + m + " from third " + (r.port() == third.address().port()));
        c.send("hello third", third.address().port(), f.loopback);
      });
      third.on(DatagramSocket.MESSAGE, (m, r) -> {
        log.add("third got " + m);
        c.close();
        third.close();
        peer.close();
      });
      peer.bind(0, f.loopback, () -> third.bind(0, f.loopback, () -> probe.bind(0, f.loopback, () -> {
        int p = probe.address().port();
        auto.connect(peer.address().port(), f.loopback, err -> {
          auto.disconnect();
          log.add("auto after disconnect " + auto.address().address() + " " + auto.address().port());
          auto.close();
        });
        probe.close(() -> c.bind(p, f.loopback, () ->
            c.connect(peer.address().port(), f.loopback, err -> {
              third.send("filtered while connected", p, f.loopback, (e, n) -> {
                c.disconnect();
                log.add("c keeps its port " + (c.address().port() == p));
                third.send("from third", p, f.loopback);
              });
            })));
      })));
    });
    assertThat(log).containsExactly("auto after disconnect " + f.any + " 0", "c keeps its port true",
        "c got from third from third true", "third got hello third");
  }
}
