package dev.nodus.internal.loop;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.nio.NioIoHandler;
import java.util.Locale;

/**
 * Chooses the Netty transport: native epoll when it loads, NIO otherwise. The system property
 * {@code nodus.transport} ({@code epoll} or {@code nio}) forces one.
 */
public final class Transports {
  /** The property that forces a transport. */
  public static final String PROPERTY = "nodus.transport";

  private static final boolean EPOLL = chooseEpoll();

  private Transports() {}

  private static boolean chooseEpoll() {
    String forced = System.getProperty(PROPERTY, "").toLowerCase(Locale.ROOT);
    if (forced.equals("nio")) {
      return false;
    }
    boolean available;
    try {
      available = Epoll.isAvailable();
    } catch (Throwable t) {
      available = false;
    }
    if (forced.equals("epoll") && !available) {
      throw new IllegalStateException(
          "nodus.transport=epoll but native epoll did not load", Epoll.unavailabilityCause());
    }
    return available;
  }

  /** Whether channels are epoll channels (else NIO). */
  public static boolean epoll() {
    return EPOLL;
  }

  /** The I/O handler factory for event loops of the chosen transport. */
  public static IoHandlerFactory ioHandlerFactory() {
    return EPOLL ? EpollInterestGuard.newFactory() : NioIoHandler.newFactory();
  }

  /** The chosen transport's name, {@code epoll} or {@code nio}. */
  public static String name() {
    return EPOLL ? "epoll" : "nio";
  }
}
