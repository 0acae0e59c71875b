package dev.nodus.net;

import static dev.nodus.net.NodeVectors.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockList} replays the calls of resources/net/gen-blocklist.js and must give Node's
 * answer, rules and error for each.
 */
@org.junit.jupiter.api.Timeout(30)
class BlockListVectorsTest {
  @Test
  void matchesNodeOnEveryVector() throws Exception {
    List<String> mismatches = new ArrayList<>();
    BlockList list = null;
    int checks = 0;
    int n = 0;
    for (String line : NodeVectors.lines("/net/blocklist-vectors.txt")) {
      if (line.equals("new")) {
        list = new BlockList();
        continue;
      }
      String[] f = line.split("\t", -1);
      int arrow = Arrays.asList(f).indexOf("=>");
      Object[] args = new Object[arrow - 1];
      for (int i = 1; i < arrow; i++) {
        args[i - 1] = NodeVectors.value(f[i]);
      }
      List<String> expected = new ArrayList<>();
      for (int i = arrow + 1; i < f.length; i++) {
        expected.add(NodeVectors.text(f[i]));
      }
      List<String> got;
      try {
        got = run(list, f[0], args);
      } catch (NodeError e) {
        got = NodeVectors.thrown(e);
      }
      n++;
      checks += f[0].startsWith("check") ? 1 : 0;
      if (!got.equals(expected)) {
        mismatches.add(line + "\n    got " + got);
      }
    }
    assertThat(n).isGreaterThan(3000);
    assertThat(checks).isGreaterThan(2500);
    assertThat(mismatches).isEmpty();
  }

  private static List<String> run(BlockList list, String op, Object[] a) {
    Object result = switch (op) {
      case "addAddress" -> {
        if (a[1] == ABSENT) {
          list.addAddress((String) a[0]);
        } else {
          list.addAddress((String) a[0], (String) a[1]);
        }
        yield null;
      }
      case "addRange" -> {
        if (a[2] == ABSENT) {
          list.addRange((String) a[0], (String) a[1]);
        } else {
          list.addRange((String) a[0], (String) a[1], (String) a[2]);
        }
        yield null;
      }
      case "addSubnet" -> {
        int prefix = ((Long) a[1]).intValue();
        if (a[2] == ABSENT) {
          list.addSubnet((String) a[0], prefix);
        } else {
          list.addSubnet((String) a[0], prefix, (String) a[2]);
        }
        yield null;
      }
      case "check" -> a[1] == ABSENT ? list.check((String) a[0]) : list.check((String) a[0], (String) a[1]);
      case "addAddressSA" -> {
        list.addAddress(sa(a[0], a[1]));
        yield null;
      }
      case "addRangeSA" -> {
        list.addRange(sa(a[0], a[1]), sa(a[2], a[3]));
        yield null;
      }
      case "addSubnetSA" -> {
        list.addSubnet(sa(a[0], a[1]), ((Long) a[2]).intValue());
        yield null;
      }
      case "checkSA" -> list.check(sa(a[0], a[1]));
      case "rules" -> list.rules();
      default -> throw new IllegalArgumentException("unknown op " + op);
    };
    if (result == null) {
      return List.of("ok");
    }
    if (result instanceof List<?> rules) {
      return rules.stream().map(String::valueOf).toList();
    }
    return List.of(result.toString());
  }

  private static SocketAddress sa(Object family, Object address) {
    return new SocketAddress(new SocketAddress.Options().family((String) family).address((String) address));
  }
}
