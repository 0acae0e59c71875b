package dev.nodus.dgram;

/**
 * Where a datagram came from, as the second argument of {@link DatagramSocket#MESSAGE}.
 * Node: the {@code rinfo} object of {@code socket.on('message', (msg, rinfo) => …)}.
 *
 * @param address the sender's address, printed as Node prints it ({@code 127.0.0.1}, {@code
 *     ::1}, {@code ::ffff:127.0.0.1} for an IPv4 sender seen by a udp6 socket, {@code
 *     fe80::1%eth0} for a link-local one)
 * @param family {@code "IPv4"} or {@code "IPv6"}
 * @param port the sender's port
 * @param size the message's size in bytes
 */
public record RemoteInfo(String address, String family, int port, int size) {}
