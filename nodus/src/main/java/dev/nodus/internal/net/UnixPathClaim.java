package dev.nodus.internal.net;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Takes a Unix socket path the way libuv does, before the epoll transport binds it.
 *
 * <p>Why: Netty's native {@code bindDomainSocket} calls {@code unlink(path)} before
 * {@code bind(2)}, so whatever was at the path (a file full of data, a live server's socket, a
 * stale socket file) would be destroyed and the path taken. libuv binds without unlinking and
 * the kernel answers {@code EADDRINUSE} when anything is there. So we first bind a JDK socket
 * (which never unlinks) to the path: the kernel decides, atomically, whether the path is free.
 * If it is, the file now there is ours, and the unlink Netty does next removes only that file;
 * Netty's socket takes the path in the same native call. Our socket is never listening, so a
 * client that connects in between gets {@code ECONNREFUSED}, as before any listen.
 *
 * <p>The NIO transport binds through the JDK already and needs no claim.
 */
final class UnixPathClaim {
  /** {@code sizeof(sockaddr_un.sun_path) - 1}: the JDK refuses longer paths. */
  private static final int MAX_PATH_BYTES = 107;

  private final Path path;
  private final SocketChannel channel;
  private final Object inode;

  private UnixPathClaim(Path path, SocketChannel channel, Object inode) {
    this.path = path;
    this.channel = channel;
    this.inode = inode;
  }

  /**
   * Binds a placeholder socket to {@code path}.
   *
   * @return the claim, or null when the path is longer than the JDK accepts (Netty then binds
   *     the path as it always has, truncating it as libuv does)
   * @throws IOException what {@code bind(2)} answered: {@code EADDRINUSE} when anything is at
   *     the path
   */
  static UnixPathClaim claim(String path) throws IOException {
    if (path.isEmpty() || path.charAt(0) == '\0'
        || path.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
      return null;
    }
    Path p = Path.of(path);
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      ch.bind(UnixDomainSocketAddress.of(p));
      Object inode = Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
      return new UnixPathClaim(p, ch, inode);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Gives the claim up once Netty's bind has finished. After a failed bind the placeholder file
   * is removed if it is still ours (Netty may not have reached its unlink); after a successful
   * one Netty's socket owns the path and the placeholder's file is already gone.
   */
  void release(boolean bound) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // a placeholder that was never listening; nothing to flush
    }
    if (bound) {
      return;
    }
    try {
      Object now = Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS);
      if (inode.equals(now)) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UnsupportedOperationException ignored) {
      // gone already, or someone else's file now: leave it
    }
  }
}
