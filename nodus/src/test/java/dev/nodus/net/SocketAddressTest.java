package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodus.NodeError;
import org.junit.jupiter.api.Test;

/** The shape of the {@link SocketAddress} API; Node's answers are in SocketAddressVectorsTest. */
@org.junit.jupiter.api.Timeout(30)
class SocketAddressTest {
  @Test
  void defaultsAreNodes() {
    SocketAddress a = new SocketAddress();
    assertThat(a.address()).isEqualTo("127.0.0.1");
    assertThat(a.port()).isZero();
    assertThat(a.family()).isEqualTo("ipv4");
    assertThat(a.flowlabel()).isZero();
    assertThat(new SocketAddress(new SocketAddress.Options().family("ipv6")).address()).isEqualTo("::");
  }

  @Test
  void optionsAreReadBackNormalized() {
    SocketAddress a = new SocketAddress(new SocketAddress.Options()
        .address("2001:0DB8:0:0:0:0:0:1%eth0").port(443).family("IPv6").flowlabel(0xfffff));
    assertThat(a.address()).isEqualTo("2001:db8::1");
    assertThat(a.port()).isEqualTo(443);
    assertThat(a.family()).isEqualTo("ipv6");
    assertThat(a.flowlabel()).isEqualTo(0xfffff);
    assertThat(a).hasToString(
        "SocketAddress { address: '2001:db8::1', port: 443, family: 'ipv6', flowlabel: 1048575 }");
  }

  @Test
  void equalityIsByValue() {
    SocketAddress a = new SocketAddress(new SocketAddress.Options().address("::1").family("ipv6").port(1));
    SocketAddress b = new SocketAddress(new SocketAddress.Options().address("0::0:1").family("ipv6").port(1));
    SocketAddress c = new SocketAddress(new SocketAddress.Options().address("::1").family("ipv6").port(2));
    SocketAddress v4 = new SocketAddress(new SocketAddress.Options().address("1.2.3.4"));
    SocketAddress mapped = new SocketAddress(new SocketAddress.Options().address("::ffff:1.2.3.4").family("ipv6"));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    assertThat(v4).isNotEqualTo(mapped);
    assertThat(SocketAddress.isSocketAddress(a)).isTrue();
    assertThat(SocketAddress.isSocketAddress("::1")).isFalse();
  }

  @Test
  void errorsCarryNodesCodeAndClass() {
    assertThatThrownBy(() -> new SocketAddress(new SocketAddress.Options().address("1.2.3.4").port(65536)))
        .isInstanceOfSatisfying(NodeError.class, e -> {
          assertThat(e.code()).isEqualTo("ERR_SOCKET_BAD_PORT");
          assertThat(e.name()).isEqualTo("RangeError");
        });
    assertThatThrownBy(() -> new SocketAddress(new SocketAddress.Options().address("1.2.3.4").family("ipv6")))
        .isInstanceOfSatisfying(NodeError.class, e -> {
          assertThat(e.code()).isEqualTo("ERR_INVALID_ADDRESS");
          assertThat(e).hasMessage("Invalid socket address");
        });
    assertThatThrownBy(() -> new SocketAddress(null))
        .isInstanceOfSatisfying(NodeError.class, e -> assertThat(e.code()).isEqualTo("ERR_INVALID_ARG_TYPE"));
  }

  @Test
  void anIpv6FlowLabelAbove20BitsIsARangeError() {
    // Node v20 aborts the whole process on this one; Nodus throws instead.
    assertThatThrownBy(() -> new SocketAddress(new SocketAddress.Options().family("ipv6").flowlabel(0x100000)))
        .isInstanceOfSatisfying(NodeError.class, e -> {
          assertThat(e.code()).isEqualTo("ERR_OUT_OF_RANGE");
          assertThat(e).hasMessage("The value of \"options.flowlabel\" is out of range. "
              + "It must be >= 0 && <= 1048575. Received 1048576");
        });
    assertThat(new SocketAddress(new SocketAddress.Options().flowlabel(0x100000)).flowlabel()).isZero();
  }
}
