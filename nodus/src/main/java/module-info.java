/**
 * Nodus: Node.js's networking modules as a Java library with Node's semantics, on Netty. Today
 * {@code net} (TCP and Unix sockets) and {@code dgram} (UDP), with the runtime they stand on:
 * the loop and process lifecycle, timers, {@code events}, {@code buffer} and {@code stream};
 * {@code http} (server, client and Agent); and {@code tls} in part. {@code https} and WebSocket
 * are coming and not there yet.
 */
module dev.nodus {
  requires io.netty.common;
  requires io.netty.buffer;
  requires io.netty.transport;
  requires io.netty.handler;
  requires io.netty.resolver;
  requires io.netty.transport.unix.common;
  requires io.netty.transport.classes.epoll;

  // API: one package per Node module.
  exports dev.nodus;
  exports dev.nodus.events;
  exports dev.nodus.buffer;
  exports dev.nodus.net;
  exports dev.nodus.stream;
  exports dev.nodus.dgram;
  exports dev.nodus.http;
  exports dev.nodus.tls;
  // dev.nodus.internal.* is deliberately not exported.
}
