package dev.nodus.internal.loop;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoOps;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollIoOps;

/**
 * Works around a Netty 4.2.13+ epoll bug that loses a half-closed socket's writes.
 *
 * <p>Since netty#16689 (4.2.13), an interest set that becomes empty ({@link EpollIoOps#NONE})
 * makes Netty remove the descriptor from epoll ({@code EPOLL_CTL_DEL}) while its registration
 * still counts as added, so the next non-empty set is an {@code EPOLL_CTL_MOD} that fails with
 * {@code ENOENT}. A socket's set becomes empty exactly in a path Nodus takes all the time: the
 * peer's FIN arrives (Netty clears {@code EPOLLRDHUP}), reading stops ({@code EPOLLIN} cleared)
 * and nothing waits to be written. If the socket then writes more than the kernel takes at
 * once, it needs {@code EPOLLOUT}, the modification fails, Netty fails the pending writes and
 * shuts the output: the peer gets a truncated stream ({@code HalfClosedWriteTest} reproduces it
 * every time on 4.2.18).
 *
 * <p>The guard wraps Netty's epoll handler and hands it {@link EpollIoOps#EPOLLET} instead of an
 * empty set: the descriptor stays in epoll with no events asked for, edge-triggered, so the
 * {@code EPOLLHUP}/{@code EPOLLERR} that epoll always reports come at most once per change
 * instead of in a loop (the loop netty#16689 set out to stop), and a later
 * {@code EPOLL_CTL_MOD} finds it. Remove it once a Netty release keeps the registration state
 * in step with the deletion (the upstream fix: the registration goes back to "pending" after
 * its {@code EPOLL_CTL_DEL}).
 */
final class EpollInterestGuard implements IoHandler {
  private final IoHandler delegate;

  private EpollInterestGuard(IoHandler delegate) {
    this.delegate = delegate;
  }

  /** Netty's epoll handler factory, each handler wrapped in the guard. */
  static IoHandlerFactory newFactory() {
    IoHandlerFactory epoll = EpollIoHandler.newFactory();
    return executor -> new EpollInterestGuard(epoll.newHandler(executor));
  }

  @Override
  public void initialize() {
    delegate.initialize();
  }

  @Override
  public int run(IoHandlerContext context) {
    return delegate.run(context);
  }

  @Override
  public void prepareToDestroy() {
    delegate.prepareToDestroy();
  }

  @Override
  public void destroy() {
    delegate.destroy();
  }

  @Override
  public IoRegistration register(IoHandle handle) throws Exception {
    return new Guarded(delegate.register(handle));
  }

  @Override
  public void wakeup() {
    delegate.wakeup();
  }

  @Override
  public boolean isCompatible(Class<? extends IoHandle> handleType) {
    return delegate.isCompatible(handleType);
  }

  /** A registration that never hands Netty an empty interest set. */
  private static final class Guarded implements IoRegistration {
    private final IoRegistration registration;

    Guarded(IoRegistration registration) {
      this.registration = registration;
    }

    @Override
    public <T> T attachment() {
      return registration.attachment();
    }

    @Override
    public long submit(IoOps ops) {
      if (ops instanceof EpollIoOps e && e.value() == 0) {
        return registration.submit(EpollIoOps.EPOLLET);
      }
      return registration.submit(ops);
    }

    @Override
    public boolean isValid() {
      return registration.isValid();
    }

    @Override
    public boolean cancel() {
      return registration.cancel();
    }
  }
}
