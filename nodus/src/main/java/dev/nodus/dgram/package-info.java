/**
 * Node's {@code dgram} module: UDP sockets with Node v20's semantics.
 *
 * <p>{@link dev.nodus.dgram.Dgram#createSocket(String)} creates a {@link
 * dev.nodus.dgram.DatagramSocket}; its events ({@code LISTENING}, {@code MESSAGE}, {@code
 * CONNECT}, {@code CLOSE}, {@code ERROR}), methods, defaults and errors are Node's. See
 * {@code examples/…/UdpServer.java} and {@code UdpClient.java} for the seed examples.
 */
package dev.nodus.dgram;
