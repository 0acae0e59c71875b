package dev.nodus.dgram;

/** The two socket types, for running one scenario on IPv4 and on IPv6. */
enum Fam {
  V4("udp4", "127.0.0.1", "0.0.0.0", "IPv4"),
  V6("udp6", "::1", "::", "IPv6");

  final String type;
  final String loopback;
  final String any;
  final String family;

  Fam(String type, String loopback, String any, String family) {
    this.type = type;
    this.loopback = loopback;
    this.any = any;
    this.family = family;
  }

  DatagramSocket create() {
    return Dgram.createSocket(type);
  }

  /** The largest datagram the kernel sends on loopback: 65535 minus IP and UDP headers. */
  int maxDatagram() {
    return this == V4 ? 65507 : 65527;
  }
}
