package dev.nodus.internal.net;

import dev.nodus.net.Server;
import dev.nodus.net.Socket;
import java.util.function.Consumer;

/**
 * What {@code dev.nodus.tls} may ask of {@code dev.nodus.net} beyond its public API: a socket
 * that sees each handle it takes (to put an SslHandler in front of it), and a server that makes
 * its accepted sockets with a factory (TLSSockets). {@code Socket} installs the implementation
 * when its class initializes (the JDK's SharedSecrets pattern, as {@code StreamAccess}).
 */
public final class NetAccess {
  /** Makes the socket of an accepted connection, on the server's loop. */
  public interface SocketFactory {
    /**
     * Makes a socket that has not taken {@code handle} yet; the server adopts the handle into it.
     *
     * @param allowHalfOpen the server's allowHalfOpen
     * @param highWaterMark the server's highWaterMark, or 0
     * @return the new socket
     */
    Socket create(boolean allowHalfOpen, int highWaterMark);
  }

  /** The operations the net package provides. */
  public interface Bridge {
    /**
     * Calls {@code hook} with every handle {@code socket} takes from now on (connect, each
     * happy-eyeballs attempt, an accepted handle), before the handle's channel exists or, for an
     * accepted one, before it is active.
     *
     * @param socket the socket
     * @param hook what to do with each handle
     */
    void handleHook(Socket socket, Consumer<TcpHandle> hook);

    /**
     * Makes {@code server} build its accepted sockets with {@code factory}.
     *
     * @param server the server
     * @param factory the factory
     */
    void socketFactory(Server server, SocketFactory factory);

    /**
     * The handle a socket has now, or null.
     *
     * @param socket the socket
     * @return its handle
     */
    TcpHandle handle(Socket socket);
  }

  private static volatile Bridge bridge;

  private NetAccess() {}

  /**
   * Called once by Socket's static initializer.
   *
   * @param b the implementation
   */
  public static void install(Bridge b) {
    bridge = b;
  }

  private static Bridge bridge() {
    if (bridge == null) {
      try {
        Class.forName(Socket.class.getName(), true, Socket.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return bridge;
  }

  /**
   * See {@link Bridge#handleHook}.
   *
   * @param socket the socket
   * @param hook what to do with each handle
   */
  public static void handleHook(Socket socket, Consumer<TcpHandle> hook) {
    bridge().handleHook(socket, hook);
  }

  /**
   * See {@link Bridge#socketFactory}.
   *
   * @param server the server
   * @param factory the factory
   */
  public static void socketFactory(Server server, SocketFactory factory) {
    bridge().socketFactory(server, factory);
  }

  /**
   * See {@link Bridge#handle}.
   *
   * @param socket the socket
   * @return its handle, or null
   */
  public static TcpHandle handle(Socket socket) {
    return bridge().handle(socket);
  }
}
