/**
 * Node's {@code http} module, server side: {@link dev.nodus.http.Http#createServer}, {@link
 * dev.nodus.http.Server}, {@link dev.nodus.http.IncomingMessage} and {@link
 * dev.nodus.http.ServerResponse}, with Node v20's behaviour on the wire (same bytes, same answers
 * to malformed input). Requests are parsed by an llhttp-exact parser.
 */
package dev.nodus.http;
