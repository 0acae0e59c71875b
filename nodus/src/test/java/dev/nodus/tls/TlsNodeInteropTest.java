package dev.nodus.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.net.Socket;
import dev.nodus.testing.NodePeer;
import dev.nodus.testing.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodus's tls against Node's, both ways, with mutual TLS and certificates made at test time:
 * each side must see the other authorized, the same protocol, the peer's name, and the echo.
 * The Node side is {@code node-peer.js} (a test resource). Skipped without {@code node}.
 */
@Timeout(60)
class TlsNodeInteropTest {
  @TempDir
  static Path dir;

  private final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void writeCertificates() throws IOException {
    Assumptions.assumeTrue(NodePeer.available(), "node is not on the PATH: no Node peer");
    TestPki.Issued ca = TlsSocketTest.CA;
    Files.writeString(dir.resolve("ca.crt"), ca.certPem());
    Files.writeString(dir.resolve("server.key"), TlsSocketTest.SERVER.keyPem());
    Files.writeString(dir.resolve("server.crt"), TlsSocketTest.SERVER.certPem());
    Files.writeString(dir.resolve("client.key"), TlsSocketTest.CLIENT.keyPem());
    Files.writeString(dir.resolve("client.crt"), TlsSocketTest.CLIENT.certPem());
  }

  private static String script() throws IOException {
    try (InputStream in = TlsNodeInteropTest.class.getResourceAsStream("node-peer.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static TlsOptions options(String who) {
    return new TlsOptions().key(who.equals("server") ? TlsSocketTest.SERVER.keyPem() : TlsSocketTest.CLIENT.keyPem())
        .cert(who.equals("server") ? TlsSocketTest.SERVER.certPem() : TlsSocketTest.CLIENT.certPem())
        .ca(TlsSocketTest.CA.certPem());
  }

  private void nodusClientToNodeServer(String maxVersion, String protocol) throws Exception {
    try (NodePeer node = NodePeer.start(script(), "server", dir.toString(), "0", maxVersion)) {
      String listening = node.nextLine(20);
      assertThat(listening).startsWith("listening ");
      int port = Integer.parseInt(listening.substring("listening ".length()));
      Programs.run(Duration.ofSeconds(20), () -> {
        TLSSocket c = Tls.connect(options("client").port(port).host("localhost").maxVersion(maxVersion), null);
        StringBuilder got = new StringBuilder();
        c.on(TLSSocket.SECURE_CONNECT, () -> {
          log.add("secureConnect " + c.authorized() + " " + c.authorizationError() + " " + c.getProtocol()
              + " " + c.getPeerCertificate().subject().get("CN"));
          c.write("ping\n");
        });
        c.setEncoding("utf8");
        c.on(Socket.DATA, d -> {
          got.append(d);
          if (got.toString().equals("welcome!\nping\n")) {
            log.add("data " + got.toString().replace("\n", "|"));
            c.end();
          }
        });
        c.on(Socket.END, () -> log.add("end"));
        c.on(Socket.CLOSE, e -> log.add("close " + e));
      });
      List<String> nodeSaw = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        nodeSaw.add(node.nextLine(20));
      }
      assertThat(nodeSaw).containsExactly(
          "secureConnection true null " + protocol + " client", "data \"ping\\n\"", "end", "close");
    }
    assertThat(log).containsExactly(
        "secureConnect true null " + protocol + " localhost", "data welcome!|ping|", "end", "close false");
  }

  @Test
  void nodusClientToNodeServerTls13() throws Exception {
    nodusClientToNodeServer("TLSv1.3", "TLSv1.3");
  }

  @Test
  void nodusClientToNodeServerTls12() throws Exception {
    nodusClientToNodeServer("TLSv1.2", "TLSv1.2");
  }

  private void nodeClientToNodusServer(String maxVersion, String protocol) throws Exception {
    NodePeer[] node = new NodePeer[1];
    try {
      Programs.run(Duration.ofSeconds(20), () -> {
        Server s = Tls.createServer(options("server").requestCert(true), sock -> {
          log.add("secureConnection " + sock.authorized() + " " + sock.authorizationError() + " "
              + sock.getProtocol() + " " + sock.getPeerCertificate().subject().get("CN"));
          sock.setEncoding("utf8");
          sock.on(Socket.DATA, d -> log.add("data " + d.toString().trim()));
          sock.on(Socket.END, () -> log.add("end"));
          sock.on(Socket.CLOSE, e -> log.add("close " + e));
          sock.write("welcome!\n");
          sock.pipe(sock);
        });
        s.on(Server.TLS_CLIENT_ERROR, (e, sock) -> log.add("tlsClientError " + e));
        s.listen(0, "127.0.0.1", () -> {
          try {
            node[0] = NodePeer.start(script(), "client", dir.toString(), String.valueOf(s.address().port()), maxVersion);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          s.once(Server.SECURE_CONNECTION, sock -> sock.on(Socket.CLOSE, e -> s.close()));
        });
      });
      List<String> nodeSaw = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        nodeSaw.add(node[0].nextLine(20));
      }
      assertThat(nodeSaw).containsExactly("secureConnect true null " + protocol + " localhost",
          "data \"welcome!\\nping\\n\"", "end", "close");
    } finally {
      if (node[0] != null) {
        node[0].close();
      }
    }
    assertThat(log).containsExactly(
        "secureConnection true null " + protocol + " client", "data ping", "end", "close false");
  }

  @Test
  void nodeClientToNodusServerTls13() throws Exception {
    nodeClientToNodusServer("TLSv1.3", "TLSv1.3");
  }

  @Test
  void nodeClientToNodusServerTls12() throws Exception {
    nodeClientToNodusServer("TLSv1.2", "TLSv1.2");
  }

  @Test
  void nodusClientWithoutACertificateGetsNodesCertificateRequiredAlert() throws Exception {
    try (NodePeer node = NodePeer.start(script(), "server", dir.toString(), "0", "TLSv1.3")) {
      String listening = node.nextLine(20);
      int port = Integer.parseInt(listening.substring("listening ".length()));
      Programs.run(Duration.ofSeconds(20), () -> {
        TLSSocket c = Tls.connect(new TlsOptions().ca(TlsSocketTest.CA.certPem()).port(port).host("localhost"), null);
        c.on(TLSSocket.SECURE_CONNECT, () -> log.add("secureConnect"));
        c.on(Socket.ERROR, e -> log.add("error " + ((dev.nodus.NodeError) e).code()));
        c.resume();
        c.on(Socket.CLOSE, e -> log.add("close " + e));
      });
      assertThat(node.nextLine(20)).isEqualTo("tlsClientError ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE");
    }
    assertThat(log).containsExactly("secureConnect", "error ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED", "close true");
  }

  @Test
  void thePeerCertificateIsNodesObject() throws Exception {
    // Node's server prints its own certificate (getCertificate(), the same object a peer's
    // getPeerCertificate() gives); the Nodus client's view of it must match field by field.
    String js = "process.env.PRINT_CERT='1';" + script();
    try (NodePeer node = NodePeer.start(js, "server", dir.toString(), "0", "TLSv1.3")) {
      String listening = node.nextLine(20);
      int port = Integer.parseInt(listening.substring("listening ".length()));
      Programs.run(Duration.ofSeconds(20), () -> {
        TLSSocket c = Tls.connect(options("client").port(port).host("localhost"), null);
        c.on(TLSSocket.SECURE_CONNECT, () -> {
          PeerCertificate p = c.getPeerCertificate();
          log.add("cert " + "{\"subject\":" + json(p.subject()) + ",\"issuer\":" + json(p.issuer())
              + ",\"subjectaltname\":\"" + p.subjectaltname() + "\",\"valid_from\":\"" + p.validFrom()
              + "\",\"valid_to\":\"" + p.validTo() + "\",\"fingerprint\":\"" + p.fingerprint()
              + "\",\"fingerprint256\":\"" + p.fingerprint256() + "\",\"fingerprint512\":\"" + p.fingerprint512()
              + "\",\"serialNumber\":\"" + p.serialNumber() + "\",\"raw\":\"" + p.raw().toString("base64") + "\"}");
          c.end();
        });
        c.resume();
      });
      assertThat(log.get(0)).isEqualTo(node.nextLine(20));
    }
  }

  private static String json(java.util.Map<String, Object> m) {
    StringBuilder sb = new StringBuilder("{");
    m.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
    return sb.append('}').toString();
  }
}
