package dev.nodus.dgram;

import dev.nodus.buffer.Buffer;
import dev.nodus.internal.loop.Loop;
import java.util.function.BiConsumer;

/**
 * Node's {@code dgram} module: UDP sockets.
 *
 * <pre>{@code
 * Nodus.run(() -> {
 *   DatagramSocket server = Dgram.createSocket("udp4");
 *   server.on(DatagramSocket.MESSAGE, (msg, rinfo) ->
 *       System.out.println("server got: " + msg + " from " + rinfo.address() + ":" + rinfo.port()));
 *   server.on(DatagramSocket.LISTENING, () -> {
 *     AddressInfo address = server.address();
 *     System.out.println("server listening " + address.address() + ":" + address.port());
 *   });
 *   server.bind(41234);
 * });
 * }</pre>
 *
 * <p>Sockets are created on the calling loop, which runs all their events.
 */
public final class Dgram {
  private Dgram() {}

  /**
   * Creates a UDP socket. Node: {@code dgram.createSocket(type)}.
   *
   * @param type {@code "udp4"} or {@code "udp6"}
   * @return the unbound socket
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_BAD_TYPE} for another type
   */
  public static DatagramSocket createSocket(String type) {
    return createSocket(new SocketOptions(type), null);
  }

  /**
   * Creates a UDP socket with a {@link DatagramSocket#MESSAGE} listener. Node: {@code
   * dgram.createSocket(type, callback)}.
   *
   * @param type {@code "udp4"} or {@code "udp6"}
   * @param messageListener added as a {@link DatagramSocket#MESSAGE} listener
   * @return the unbound socket
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_BAD_TYPE} for another type
   */
  public static DatagramSocket createSocket(String type, BiConsumer<Buffer, RemoteInfo> messageListener) {
    return createSocket(new SocketOptions(type), messageListener);
  }

  /**
   * Creates a UDP socket with options. Node: {@code dgram.createSocket(options)}.
   *
   * @param options the type and options
   * @return the unbound socket
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_BAD_TYPE} for a bad type, {@code
   *     ERR_OUT_OF_RANGE} for a bad buffer size
   */
  public static DatagramSocket createSocket(SocketOptions options) {
    return createSocket(options, null);
  }

  /**
   * Creates a UDP socket with options and a {@link DatagramSocket#MESSAGE} listener. Node:
   * {@code dgram.createSocket(options, callback)}. Must be called on a Nodus loop (inside
   * {@code Nodus.run} or one of its callbacks).
   *
   * @param options the type and options
   * @param messageListener added as a {@link DatagramSocket#MESSAGE} listener, or null
   * @return the unbound socket
   * @throws dev.nodus.NodeError {@code ERR_SOCKET_BAD_TYPE} for a bad type, {@code
   *     ERR_OUT_OF_RANGE} for a bad buffer size
   */
  public static DatagramSocket createSocket(
      SocketOptions options, BiConsumer<Buffer, RemoteInfo> messageListener) {
    return new DatagramSocket(Loop.require(), options, messageListener);
  }
}
