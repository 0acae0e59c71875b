package dev.nodus.net;

import static dev.nodus.net.NodeVectors.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SocketAddress} builds what resources/net/gen-socketaddress.js recorded from Node's
 * {@code new net.SocketAddress(options)}: properties, inspect form and errors, then the address
 * parser alone on some five thousand inputs.
 */
@org.junit.jupiter.api.Timeout(30)
class SocketAddressVectorsTest {
  @Test
  void matchesNodeOnEveryVector() throws Exception {
    List<String> mismatches = new ArrayList<>();
    int made = 0;
    int parsed = 0;
    for (String line : NodeVectors.lines("/net/socketaddress-vectors.txt")) {
      String[] f = line.split("\t", -1);
      List<String> expected = new ArrayList<>();
      List<String> got;
      if (f[0].equals("new")) {
        made++;
        for (int i = 6; i < f.length; i++) {
          expected.add(NodeVectors.text(f[i]));
        }
        got = make(NodeVectors.value(f[1]), NodeVectors.value(f[2]), NodeVectors.value(f[3]),
            NodeVectors.value(f[4]));
      } else {
        parsed++;
        expected.add(NodeVectors.text(f[2]));
        got = List.of(parse(f[0].equals("p6") ? "ipv6" : "ipv4", NodeVectors.unjson(f[1])));
      }
      if (!got.equals(expected)) {
        mismatches.add(line + "\n    got " + got);
      }
    }
    assertThat(made).isGreaterThan(40);
    assertThat(parsed).isGreaterThan(5000);
    assertThat(mismatches).isEmpty();
  }

  private static List<String> make(Object address, Object port, Object family, Object flowlabel) {
    SocketAddress.Options o = new SocketAddress.Options();
    if (address != ABSENT) {
      o.address((String) address);
    }
    if (port != ABSENT) {
      o.port(((Long) port).intValue());
    }
    if (family != ABSENT) {
      o.family((String) family);
    }
    if (flowlabel != ABSENT) {
      o.flowlabel((Long) flowlabel);
    }
    try {
      SocketAddress s = new SocketAddress(o);
      return List.of(s.address(), Integer.toString(s.port()), s.family(),
          Integer.toString(s.flowlabel()), s.toString());
    } catch (NodeError e) {
      return NodeVectors.thrown(e);
    }
  }

  private static String parse(String family, String input) {
    try {
      return new SocketAddress(new SocketAddress.Options().family(family).address(input)).address();
    } catch (NodeError e) {
      return "!" + e.code();
    }
  }
}
