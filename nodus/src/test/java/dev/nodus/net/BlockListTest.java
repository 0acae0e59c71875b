package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodus.NodeError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shape of the {@link BlockList} API; Node's answers themselves are in BlockListVectorsTest. */
@org.junit.jupiter.api.Timeout(30)
class BlockListTest {
  @Test
  void theNodeDocsExample() {
    BlockList list = new BlockList();
    list.addAddress("123.123.123.123");
    list.addRange("10.0.0.1", "10.0.0.10");
    list.addSubnet("8592:757c:efae:4e45::", 64, "ipv6");

    assertThat(list.check("123.123.123.123")).isTrue();
    assertThat(list.check("10.0.0.3")).isTrue();
    assertThat(list.check("222.111.111.222")).isFalse();
    assertThat(list.check("8592:757c:efae:4e45::f", "IPv6")).isTrue();
    assertThat(list.check("8592:757c:efae:4e45::f", "ipv6")).isTrue();
    assertThat(list.check("::ffff:7b7b:7b7b", "ipv6")).isTrue();
    assertThat(list.check("::ffff:123.123.123.123", "ipv6")).isTrue();
    assertThat(list.rules()).containsExactly(
        "Subnet: IPv6 8592:757c:efae:4e45::/64",
        "Range: IPv4 10.0.0.1-10.0.0.10",
        "Address: IPv4 123.123.123.123");
  }

  @Test
  void socketAddressesWorkWhereStringsDo() {
    BlockList list = new BlockList();
    SocketAddress start = new SocketAddress(new SocketAddress.Options().address("10.0.0.1").port(80));
    SocketAddress end = new SocketAddress(new SocketAddress.Options().address("::ffff:10.0.0.9").family("ipv6"));
    list.addRange(start, end);
    list.addSubnet(new SocketAddress(new SocketAddress.Options().address("fe80::").family("ipv6")), 10);
    list.addAddress(new SocketAddress());

    assertThat(list.check(new SocketAddress(new SocketAddress.Options().address("10.0.0.9").port(1)))).isTrue();
    assertThat(list.check(new SocketAddress(new SocketAddress.Options().address("127.0.0.1")))).isTrue();
    assertThat(list.check("fe80::1%eth0", "ipv6")).isTrue();
    assertThat(list.rules()).containsExactly(
        "Address: IPv4 127.0.0.1", "Subnet: IPv6 fe80::/10", "Range: IPv4 10.0.0.1-::ffff:10.0.0.9");
  }

  @Test
  void badCallsThrowNodeErrorsAndAddNothing() {
    BlockList list = new BlockList();
    assertThatThrownBy(() -> list.addSubnet("10.0.0.0", 33))
        .isInstanceOfSatisfying(NodeError.class, e -> {
          assertThat(e.code()).isEqualTo("ERR_OUT_OF_RANGE");
          assertThat(e.name()).isEqualTo("RangeError");
          assertThat(e).hasMessage(
              "The value of \"prefix\" is out of range. It must be >= 0 && <= 32. Received 33");
        });
    assertThatThrownBy(() -> list.addRange("10.0.0.10", "10.0.0.1"))
        .isInstanceOfSatisfying(NodeError.class, e -> assertThat(e.code()).isEqualTo("ERR_INVALID_ARG_VALUE"));
    assertThatThrownBy(() -> list.addAddress("1.2.3.4", "ipv5"))
        .isInstanceOfSatisfying(NodeError.class, e -> assertThat(e.name()).isEqualTo("TypeError"));
    assertThatThrownBy(() -> list.addAddress("::1"))
        .isInstanceOfSatisfying(NodeError.class, e -> assertThat(e.code()).isEqualTo("ERR_INVALID_ADDRESS"));
    assertThatThrownBy(() -> list.addAddress((SocketAddress) null))
        .isInstanceOfSatisfying(NodeError.class, e -> assertThat(e.code()).isEqualTo("ERR_INVALID_ARG_TYPE"));
    assertThatThrownBy(() -> list.check((String) null))
        .isInstanceOfSatisfying(NodeError.class, e -> assertThat(e.code()).isEqualTo("ERR_INVALID_ARG_TYPE"));
    assertThat(list.rules()).isEmpty();
    // check() answers false where the add methods throw.
    assertThat(list.check("not an address")).isFalse();
    assertThat(list.check("1.2.3.4", "ipv5")).isFalse();
  }

  @Test
  void rulesIsASnapshot() {
    BlockList list = new BlockList();
    list.addAddress("1.1.1.1");
    List<String> before = list.rules();
    list.addAddress("2.2.2.2");
    assertThat(before).containsExactly("Address: IPv4 1.1.1.1");
    assertThat(list.rules()).hasSize(2);
    assertThatThrownBy(() -> list.rules().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void usableFromManyThreadsAtOnce() throws Exception {
    BlockList list = new BlockList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int base = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 250; i++) {
            list.addAddress("10." + base + "." + (i / 256) + "." + (i % 256));
            assertThat(list.check("10." + base + ".0." + i)).isTrue();
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(20, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(list.rules()).hasSize(1000);
  }
}
