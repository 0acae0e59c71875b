package dev.nodus.net;

import dev.nodus.NodeError;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of IP addresses, ranges and subnets to refuse. Node: {@code net.BlockList} (v20).
 *
 * <pre>{@code
 * BlockList list = new BlockList();
 * list.addSubnet("8592:757c:efae:4e45::", 64, "ipv6");
 * list.check("8592:757c:efae:4e45::f", "ipv6");   // true
 * }</pre>
 *
 * <p>IPv4 and IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}) addresses match each other, as in Node:
 * a rule of either form matches an address of either form. A {@code type} is {@code "ipv4"}
 * (the default) or {@code "ipv6"}, in any case. Java's {@code null} stands for JavaScript's
 * {@code null}, which Node refuses with {@code ERR_INVALID_ARG_TYPE}. All methods may be called
 * from any thread.
 */
public final class BlockList {
  private final List<BlockListRule> rules = new ArrayList<>();

  /** Creates an empty list. Node: {@code new net.BlockList()}. */
  public BlockList() {}

  /**
   * Blocks one IPv4 address. Node: {@code blockList.addAddress(address)}.
   *
   * @param address an IPv4 address
   * @throws NodeError {@code ERR_INVALID_ADDRESS} if it is not one; {@code ERR_INVALID_ARG_TYPE}
   *     if null
   */
  public void addAddress(String address) {
    addAddress(address, "ipv4");
  }

  /**
   * Blocks one address. Node: {@code blockList.addAddress(address, type)}.
   *
   * @param address an address of the given type
   * @param type {@code "ipv4"} or {@code "ipv6"}
   * @throws NodeError {@code ERR_INVALID_ARG_VALUE} for another type, {@code ERR_INVALID_ADDRESS}
   *     for a bad address, {@code ERR_INVALID_ARG_TYPE} for null
   */
  public void addAddress(String address, String type) {
    addAddress(toSocketAddress(address, "address", type));
  }

  /**
   * Blocks one address. Node: {@code blockList.addAddress(socketAddress)}.
   *
   * @param address the address; its port and flow label are ignored
   * @throws NodeError {@code ERR_INVALID_ARG_TYPE} if null
   */
  public synchronized void addAddress(SocketAddress address) {
    rules.add(new BlockListRule.Single(notNull(address, "address")));
  }

  /**
   * Blocks the IPv4 addresses from {@code start} to {@code end}, both included. Node:
   * {@code blockList.addRange(start, end)}.
   *
   * @param start the first address
   * @param end the last address
   * @throws NodeError {@code ERR_INVALID_ARG_VALUE} if start comes after end,
   *     {@code ERR_INVALID_ADDRESS} for a bad address, {@code ERR_INVALID_ARG_TYPE} for null
   */
  public void addRange(String start, String end) {
    addRange(start, end, "ipv4");
  }

  /**
   * Blocks the addresses from {@code start} to {@code end}, both included. Node:
   * {@code blockList.addRange(start, end, type)}.
   *
   * @param start the first address
   * @param end the last address
   * @param type {@code "ipv4"} or {@code "ipv6"}, for both addresses
   * @throws NodeError {@code ERR_INVALID_ARG_VALUE} for another type or if start comes after
   *     end, {@code ERR_INVALID_ADDRESS} for a bad address, {@code ERR_INVALID_ARG_TYPE} for null
   */
  public void addRange(String start, String end, String type) {
    SocketAddress first = toSocketAddress(start, "start", type);
    addRange(first, toSocketAddress(end, "end", type));
  }

  /**
   * Blocks the addresses from {@code start} to {@code end}, both included. Node:
   * {@code blockList.addRange(start, end)} with SocketAddress objects. An IPv4 and an IPv6 end
   * that are not comparable (the IPv6 one is not IPv4-mapped) are accepted, as Node accepts
   * them; such a range matches only what lies on the comparable side of each end.
   *
   * @param start the first address
   * @param end the last address
   * @throws NodeError {@code ERR_INVALID_ARG_VALUE} if start comes after end,
   *     {@code ERR_INVALID_ARG_TYPE} for null
   */
  public synchronized void addRange(SocketAddress start, SocketAddress end) {
    notNull(start, "start");
    notNull(end, "end");
    if (BlockListRule.compare(start, end) == BlockListRule.GREATER) {
      throw NodeError.typeError("ERR_INVALID_ARG_VALUE",
          "The argument 'start' must come before end. Received " + start);
    }
    rules.add(new BlockListRule.Range(start, end));
  }

  /**
   * Blocks an IPv4 subnet. Node: {@code blockList.addSubnet(net, prefix)}.
   *
   * @param net the network address
   * @param prefix the prefix length, 0 to 32
   * @throws NodeError {@code ERR_OUT_OF_RANGE} for a bad prefix, {@code ERR_INVALID_ADDRESS} for a
   *     bad address, {@code ERR_INVALID_ARG_TYPE} for null
   */
  public void addSubnet(String net, int prefix) {
    addSubnet(net, prefix, "ipv4");
  }

  /**
   * Blocks a subnet. Node: {@code blockList.addSubnet(net, prefix, type)}.
   *
   * @param net the network address
   * @param prefix the prefix length, 0 to 32 for IPv4 or 0 to 128 for IPv6
   * @param type {@code "ipv4"} or {@code "ipv6"}
   * @throws NodeError {@code ERR_INVALID_ARG_VALUE} for another type, {@code ERR_INVALID_ADDRESS}
   *     for a bad address (checked before the prefix), {@code ERR_OUT_OF_RANGE} for a bad prefix,
   *     {@code ERR_INVALID_ARG_TYPE} for null
   */
  public void addSubnet(String net, int prefix, String type) {
    addSubnet(toSocketAddress(net, "network", type), prefix);
  }

  /**
   * Blocks a subnet. Node: {@code blockList.addSubnet(socketAddress, prefix)}.
   *
   * @param net the network address
   * @param prefix the prefix length, 0 to 32 for IPv4 or 0 to 128 for IPv6
   * @throws NodeError {@code ERR_OUT_OF_RANGE} for a bad prefix, {@code ERR_INVALID_ARG_TYPE} for
   *     null
   */
  public synchronized void addSubnet(SocketAddress net, int prefix) {
    int max = notNull(net, "network").isV6() ? 128 : 32;
    if (prefix < 0 || prefix > max) {
      throw SocketAddress.outOfRange("prefix", ">= 0 && <= " + max, prefix);
    }
    rules.add(new BlockListRule.Subnet(net, prefix));
  }

  /**
   * Returns whether an IPv4 address is blocked. Node: {@code blockList.check(address)}.
   *
   * @param address the address; text that is not an IPv4 address gives false
   * @return true if a rule matches
   * @throws NodeError {@code ERR_INVALID_ARG_TYPE} if null
   */
  public boolean check(String address) {
    return check(address, "ipv4");
  }

  /**
   * Returns whether an address is blocked. Node: {@code blockList.check(address, type)}. As in
   * Node, a bad address or an unknown type gives false rather than an error.
   *
   * @param address the address
   * @param type {@code "ipv4"} or {@code "ipv6"}
   * @return true if a rule matches
   * @throws NodeError {@code ERR_INVALID_ARG_TYPE} if either is null
   */
  public boolean check(String address, String type) {
    checkArguments(address, "address", type);
    SocketAddress a;
    try {
      a = new SocketAddress(new SocketAddress.Options().address(address).family(type));
    } catch (NodeError e) {
      return false;
    }
    return check(a);
  }

  /**
   * Returns whether an address is blocked. Node: {@code blockList.check(socketAddress)}.
   *
   * @param address the address
   * @return true if a rule matches
   * @throws NodeError {@code ERR_INVALID_ARG_TYPE} if null
   */
  public synchronized boolean check(SocketAddress address) {
    notNull(address, "address");
    for (BlockListRule r : rules) {
      if (r.matches(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Describes the rules, most recently added first, such as
   * {@code "Subnet: IPv6 8592:757c:efae:4e45::/64"}, {@code "Range: IPv4 10.0.0.1-10.0.0.10"} or
   * {@code "Address: IPv4 123.123.123.123"}. Node: the {@code blockList.rules} getter.
   *
   * @return the descriptions as they are now, in an unmodifiable list
   */
  public synchronized List<String> rules() {
    List<String> out = new ArrayList<>(rules.size());
    for (int i = rules.size() - 1; i >= 0; i--) {
      out.add(rules.get(i).toString());
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "BlockList " + rules();
  }

  private static SocketAddress toSocketAddress(String address, String name, String type) {
    checkArguments(address, name, type);
    return new SocketAddress(new SocketAddress.Options().address(address).family(type));
  }

  private static void checkArguments(String address, String name, String type) {
    if (address == null) {
      throw SocketAddress.nullArgument(name, "string");
    }
    if (type == null) {
      throw SocketAddress.nullArgument("family", "string");
    }
  }

  private static SocketAddress notNull(SocketAddress a, String name) {
    if (a == null) {
      throw SocketAddress.nullArgument(name, "string");
    }
    return a;
  }
}
