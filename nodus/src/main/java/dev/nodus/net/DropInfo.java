package dev.nodus.net;

/**
 * What {@link Server#DROP} reports about a connection refused because of
 * {@link Server#maxConnections(int)}. Node: the {@code data} argument of {@code 'drop'}.
 *
 * @param localAddress the server-side address
 * @param localPort the server-side port
 * @param localFamily {@code "IPv4"} or {@code "IPv6"}
 * @param remoteAddress the client's address
 * @param remotePort the client's port
 * @param remoteFamily {@code "IPv4"} or {@code "IPv6"}
 */
public record DropInfo(
    String localAddress,
    Integer localPort,
    String localFamily,
    String remoteAddress,
    Integer remotePort,
    String remoteFamily) {}
