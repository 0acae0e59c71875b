package dev.nodus.net;

/**
 * A bound or connected address, as Node's {@code server.address()} and
 * {@code socket.address()} return it: {@code { address: '127.0.0.1', family: 'IPv4', port: 8124 }}.
 * For a Unix-domain socket, {@code address} is the path, {@code family} is null and
 * {@code port} is -1 (Node returns the path string alone).
 *
 * @param address the IP address in Node's text form, or the socket path
 * @param family {@code "IPv4"} or {@code "IPv6"}, or null for a Unix socket
 * @param port the port, or -1 for a Unix socket
 */
public record AddressInfo(String address, String family, int port) {
  @Override
  public String toString() {
    if (family == null) {
      return address;
    }
    return "{ address: '" + address + "', family: '" + family + "', port: " + port + " }";
  }
}
