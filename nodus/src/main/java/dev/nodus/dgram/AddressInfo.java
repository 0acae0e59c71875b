package dev.nodus.dgram;

/**
 * A socket's local or remote address. Node: the object {@code socket.address()} and {@code
 * socket.remoteAddress()} return, {@code { address, family, port }}.
 *
 * @param address the address, printed as Node prints it ({@code 0.0.0.0}, {@code ::1})
 * @param family {@code "IPv4"} or {@code "IPv6"}
 * @param port the port
 */
public record AddressInfo(String address, String family, int port) {}
