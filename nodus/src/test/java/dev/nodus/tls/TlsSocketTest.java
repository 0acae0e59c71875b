package dev.nodus.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.NodeError;
import dev.nodus.buffer.Buffer;
import dev.nodus.net.Socket;
import dev.nodus.testing.Programs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TlsSocketTest {
  static final TestPki.Issued CA = TestPki.ca("Test CA");
  static final TestPki.Issued SERVER = TestPki.leaf("localhost", CA, new String[] {"DNS:localhost", "IP:127.0.0.1"});
  static final TestPki.Issued CLIENT = TestPki.leaf("client", CA, null);

  private final List<Object> log = new CopyOnWriteArrayList<>() {
    @Override
    public String toString() {
      return String.join("\n", stream().map(String::valueOf).toList());
    }
  };

  @org.junit.jupiter.api.AfterEach
  void dump(org.junit.jupiter.api.TestInfo info) {
    System.out.println(info.getDisplayName() + ":\n" + log);
  }

  static TlsOptions serverOptions() {
    return new TlsOptions().key(SERVER.keyPem()).cert(SERVER.certPem());
  }

  /** Runs an echo server with {@code server} options; {@code client} runs against its port. */
  private void withServer(TlsOptions serverOpts, java.util.function.BiConsumer<Server, Integer> client) {
    Server s = Tls.createServer(serverOpts, sock -> {
      log.add("server secureConnection " + sock.authorized() + " " + sock.authorizationError());
      sock.on(Socket.DATA, d -> log.add("sdata " + d));
      sock.on(Socket.END, () -> log.add("send"));
      sock.on(Socket.ERROR, e -> log.add("serror " + e));
      sock.on(Socket.CLOSE, e -> log.add("sclose " + e));
      sock.pipe(sock);
    });
    s.on(Server.TLS_CLIENT_ERROR, (err, sock) -> log.add("tlsClientError " + ((NodeError) err).code()));
    s.listen(0, "127.0.0.1", () -> client.accept(s, s.address().port()));
  }

  @Test
  void echoOverTls13WithNodesEventsAndProperties() {
    Programs.run(Duration.ofSeconds(8), () -> withServer(serverOptions(), (s, port) -> {
      TLSSocket c = Tls.connect(new TlsOptions().port(port).host("localhost").ca(CA.certPem()), null);
      c.on(Socket.CONNECT, () -> log.add("connect"));
      c.on(TLSSocket.SECURE_CONNECT, () -> {
        log.add("secureConnect " + c.authorized() + " " + c.authorizationError() + " " + c.getProtocol()
            + " " + c.getCipher().version() + " " + c.getCipher().name().equals(c.getCipher().standardName())
            + " " + c.encrypted() + " " + c.servername());
        PeerCertificate p = c.getPeerCertificate();
        log.add("peer " + p.subject() + " " + p.issuer() + " " + p.subjectaltname());
        c.write("hello");
        c.end();
      });
      c.setEncoding("utf8");
      c.on(Socket.DATA, d -> log.add("data " + d));
      c.on(Socket.END, () -> log.add("end"));
      c.on(Socket.CLOSE, hadError -> {
        log.add("close " + hadError);
        s.close();
      });
    }));
    assertThat(client()).containsExactly(
        "connect",
        "secureConnect true null TLSv1.3 TLSv1.3 true true null",
        "peer {C=CN, O=Nodus Test, CN=localhost} {C=CN, O=Nodus Test, CN=Test CA} DNS:localhost, IP Address:127.0.0.1",
        "data hello",
        "end",
        "close false");
    assertThat(server()).containsExactly(
        "server secureConnection false null", "sdata hello", "send", "sclose false");
  }

  @Test
  @org.junit.jupiter.api.Disabled("Known difference (docs/node-parity.md): under TLS 1.2 the JDK's engine closes both "
      + "directions when the peer's close_notify arrives, so the server's echo of the client's last chunk is lost; "
      + "Node (OpenSSL) keeps writing")
  void echoOverTls12HalfClose() {
    Programs.run(Duration.ofSeconds(8), () -> withServer(serverOptions(), (s, port) -> {
      TLSSocket c = Tls.connect(new TlsOptions().port(port).host("localhost").ca(CA.certPem()).maxVersion("TLSv1.2"), null);
      c.on(Socket.CONNECT, () -> log.add("connect"));
      c.on(TLSSocket.SECURE_CONNECT, () -> {
        log.add("secureConnect " + c.authorized() + " " + c.authorizationError() + " " + c.getProtocol()
            + " " + c.getCipher().version() + " " + c.getCipher().name().equals(c.getCipher().standardName())
            + " " + c.encrypted() + " " + c.servername());
        PeerCertificate p = c.getPeerCertificate();
        log.add("peer " + p.subject() + " " + p.issuer() + " " + p.subjectaltname());
        c.write("hello");
        c.end();
      });
      c.setEncoding("utf8");
      c.on(Socket.DATA, d -> log.add("data " + d));
      c.on(Socket.END, () -> log.add("end"));
      c.on(Socket.CLOSE, hadError -> {
        log.add("close " + hadError);
        s.close();
      });
    }));
    assertThat(client()).containsExactly(
        "connect",
        "secureConnect true null TLSv1.2 TLSv1.2 false true null",
        "peer {C=CN, O=Nodus Test, CN=localhost} {C=CN, O=Nodus Test, CN=Test CA} DNS:localhost, IP Address:127.0.0.1",
        "data hello",
        "end",
        "close false");
    assertThat(server()).containsExactly(
        "server secureConnection false null", "sdata hello", "send", "sclose false");
  }

  private List<String> server() {
    return log.stream().map(String::valueOf)
        .filter(l -> l.startsWith("s") && !l.startsWith("secureConnect") || l.startsWith("tlsClientError")).toList();
  }

  private List<String> client() {
    return log.stream().map(String::valueOf)
        .filter(l -> !(l.startsWith("s") && !l.startsWith("secureConnect") || l.startsWith("tlsClientError"))).toList();
  }

  /** Connects with {@code opts} (port set here) and logs what a client sees: secureConnect or the error, and close. */
  private void connectAndLog(Server s, int port, TlsOptions opts) {
    TLSSocket c = Tls.connect(opts.port(port), () -> {});
    c.on(TLSSocket.SECURE_CONNECT, () -> {
      log.add("secureConnect " + c.authorized() + " " + c.authorizationError() + " " + c.getProtocol());
      c.end();
    });
    c.on(Socket.ERROR, e -> {
      NodeError n = (NodeError) e;
      log.add("error " + n.code() + " " + n.getMessage());
    });
    c.resume();
    c.on(Socket.CLOSE, hadError -> {
      log.add("close " + hadError);
      s.close();
    });
  }

  private void clientCase(TestPki.Issued serverCert, TlsOptions clientOpts) {
    TlsOptions so = new TlsOptions().key(serverCert.keyPem()).cert(serverCert.certPem());
    Programs.run(Duration.ofSeconds(10), () -> withServer(so, (s, port) -> connectAndLog(s, port, clientOpts)));
  }

  @Test
  void selfSignedServerIsRejectedWithNodesError() {
    TestPki.Issued self = TestPki.leaf("localhost", null, new String[] {"DNS:localhost"});
    clientCase(self, new TlsOptions().host("localhost"));
    assertThat(client()).containsExactly("error DEPTH_ZERO_SELF_SIGNED_CERT self-signed certificate", "close true");
  }

  @Test
  void selfSignedWithRejectUnauthorizedFalseStaysOpen() {
    TestPki.Issued self = TestPki.leaf("localhost", null, new String[] {"DNS:localhost"});
    clientCase(self, new TlsOptions().host("localhost").rejectUnauthorized(false));
    assertThat(client()).containsExactly("secureConnect false DEPTH_ZERO_SELF_SIGNED_CERT TLSv1.3", "close false");
  }

  @Test
  void unknownCaIsUnableToVerifyLeafSignature() {
    TestPki.Issued other = TestPki.ca("Other CA");
    clientCase(SERVER, new TlsOptions().host("localhost").ca(other.certPem()));
    assertThat(client()).containsExactly(
        "error UNABLE_TO_VERIFY_LEAF_SIGNATURE unable to verify the first certificate", "close true");
  }

  @Test
  void selfSignedRootSentInTheChainIsSelfSignedCertInChain() {
    TestPki.Issued chained = new TestPki.Issued(SERVER.keyPem(), SERVER.certPem() + CA.certPem(), SERVER.cert(), SERVER.key());
    clientCase(chained, new TlsOptions().host("localhost"));
    assertThat(client()).containsExactly(
        "error SELF_SIGNED_CERT_IN_CHAIN self-signed certificate in certificate chain", "close true");
  }

  @Test
  void expiredCertificateIsCertHasExpired() {
    TestPki.Issued expired = TestPki.leaf("localhost", CA, new String[] {"DNS:localhost"},
        Instant.now().minus(Duration.ofDays(10)), Instant.now().minus(Duration.ofDays(1)));
    clientCase(expired, new TlsOptions().host("localhost").ca(CA.certPem()));
    assertThat(client()).containsExactly("error CERT_HAS_EXPIRED certificate has expired", "close true");
  }

  @Test
  void wrongHostnameIsAltnameInvalidWithNodesMessage() {
    clientCase(SERVER, new TlsOptions().host("127.0.0.1").servername("example.com").ca(CA.certPem()));
    assertThat(client()).containsExactly(
        "error ERR_TLS_CERT_ALTNAME_INVALID Hostname/IP does not match certificate's altnames: "
            + "Host: example.com. is not in the cert's altnames: DNS:localhost, IP Address:127.0.0.1",
        "close true");
  }

  @Test
  void wrongIpIsAltnameInvalid() {
    clientCase(SERVER, new TlsOptions().host("127.0.0.1").ca(CA.certPem()));
    assertThat(client()).containsExactly("secureConnect true null TLSv1.3", "close false");
    log.clear();
    TestPki.Issued named = TestPki.leaf("localhost", CA, new String[] {"DNS:localhost", "IP:127.0.0.2"});
    clientCase(named, new TlsOptions().host("127.0.0.1").ca(CA.certPem()));
    assertThat(client()).containsExactly(
        "error ERR_TLS_CERT_ALTNAME_INVALID Hostname/IP does not match certificate's altnames: "
            + "IP: 127.0.0.1 is not in the cert's list: 127.0.0.2",
        "close true");
  }

  @Test
  void tls12WhenTheClientCapsIt() {
    clientCase(SERVER, new TlsOptions().host("localhost").ca(CA.certPem()).maxVersion("TLSv1.2"));
    assertThat(client()).containsExactly("secureConnect true null TLSv1.2", "close false");
  }

  @Test
  void tls12CipherHasNodesNames() {
    Programs.run(Duration.ofSeconds(10), () -> withServer(serverOptions(), (s, port) -> {
      TLSSocket c = Tls.connect(new TlsOptions().port(port).host("localhost").ca(CA.certPem())
          .maxVersion("TLSv1.2"), null);
      c.on(TLSSocket.SECURE_CONNECT, () -> {
        log.add("cipher " + c.getCipher());
        c.end();
      });
      c.resume();
      c.on(Socket.CLOSE, e -> s.close());
    }));
    assertThat(client()).hasSize(1);
    CipherInfo ci = null;
    String line = client().get(0);
    assertThat(line).matches("cipher CipherInfo\\[name=ECDHE-RSA-AES(128|256)-GCM-SHA(256|384), "
        + "standardName=TLS_ECDHE_RSA_WITH_AES_(128|256)_GCM_SHA(256|384), version=TLSv1.2]");
  }

  @Test
  void mutualTlsAuthorizesAClientTheCaSigned() {
    TlsOptions so = serverOptions().requestCert(true).ca(CA.certPem());
    Programs.run(Duration.ofSeconds(10), () -> withServer(so, (s, port) -> connectAndLog(s, port,
        new TlsOptions().host("localhost").ca(CA.certPem()).key(CLIENT.keyPem()).cert(CLIENT.certPem()))));
    assertThat(server()).startsWith("server secureConnection true null");
    assertThat(client()).containsExactly("secureConnect true null TLSv1.3", "close false");
  }

  @Test
  void mutualTlsDropsAClientOfAnotherCaSilently() {
    TestPki.Issued other = TestPki.ca("Other CA");
    TestPki.Issued stranger = TestPki.leaf("stranger", other, null);
    TlsOptions so = serverOptions().requestCert(true).ca(CA.certPem());
    Programs.run(Duration.ofSeconds(10), () -> withServer(so, (s, port) -> connectAndLog(s, port,
        new TlsOptions().host("localhost").ca(CA.certPem()).key(stranger.keyPem()).cert(stranger.certPem()))));
    assertThat(server()).noneMatch(l -> l.startsWith("server secureConnection"));
    assertThat(client()).last().isIn("close false", "close true");
  }

  @Test
  void mutualTlsWithoutRejectUnauthorizedReportsWhy() {
    TestPki.Issued other = TestPki.ca("Other CA");
    TestPki.Issued stranger = TestPki.leaf("stranger", other, null);
    TlsOptions so = serverOptions().requestCert(true).rejectUnauthorized(false).ca(CA.certPem());
    Programs.run(Duration.ofSeconds(10), () -> withServer(so, (s, port) -> connectAndLog(s, port,
        new TlsOptions().host("localhost").ca(CA.certPem()).key(stranger.keyPem()).cert(stranger.certPem()))));
    assertThat(server()).startsWith("server secureConnection false UNABLE_TO_VERIFY_LEAF_SIGNATURE");
  }

  @Test
  void plainTextToTheTlsPortIsATlsClientErrorAndTheServerKeepsServing() {
    Programs.run(Duration.ofSeconds(10), () -> withServer(serverOptions(), (s, port) -> {
      Socket plain = dev.nodus.net.Net.connect(port, "127.0.0.1");
      plain.write("GET / HTTP/1.1\r\n\r\n");
      plain.resume();
      plain.on(Socket.ERROR, e -> { });
      plain.on(Socket.CLOSE, e -> {
        log.add("plain closed");
        connectAndLog(s, port, new TlsOptions().host("localhost").ca(CA.certPem()));
      });
    }));
    // node: ERR_SSL_HTTP_REQUEST for these bytes.
    assertThat(server()).first().isEqualTo("tlsClientError ERR_SSL_HTTP_REQUEST");
    assertThat(client()).containsExactly("plain closed", "secureConnect true null TLSv1.3", "close false");
  }

  @Test
  void requestCertWithoutAClientCertificateAndNoRejectIsUnableToGetIssuerCert() {
    TlsOptions so = serverOptions().requestCert(true).rejectUnauthorized(false).ca(CA.certPem());
    Programs.run(Duration.ofSeconds(10), () -> withServer(so, (s, port) ->
        connectAndLog(s, port, new TlsOptions().host("localhost").ca(CA.certPem()))));
    assertThat(server()).startsWith("server secureConnection false UNABLE_TO_GET_ISSUER_CERT");
    assertThat(client()).containsExactly("secureConnect true null TLSv1.3", "close false");
  }

  @Test
  void requestCertWithoutAClientCertificateIsRefusedWithNodesCodes() {
    // Node: the server emits 'tlsClientError' ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE; the
    // TLS 1.3 client has finished its handshake ('secureConnect') and then gets the alert.
    TlsOptions so = serverOptions().requestCert(true).ca(CA.certPem());
    Programs.run(Duration.ofSeconds(10), () -> withServer(so, (s, port) -> {
      TLSSocket c = Tls.connect(new TlsOptions().port(port).host("localhost").ca(CA.certPem()), null);
      c.on(TLSSocket.SECURE_CONNECT, () -> log.add("secureConnect"));
      c.on(Socket.ERROR, e -> log.add("error " + ((NodeError) e).code()));
      c.resume();
      c.on(Socket.CLOSE, hadError -> {
        log.add("close " + hadError);
        s.close();
      });
    }));
    assertThat(server()).containsExactly("tlsClientError ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE");
    // The JDK's server answers with a bad_certificate alert where OpenSSL sends
    // certificate_required (a known difference, docs/node-parity.md); the client names each as Node.
    String alert = Tls.engine().equals("jdk") ? "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE"
        : "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED";
    assertThat(client()).containsExactly("secureConnect", "error " + alert, "close true");
  }

  @Test
  void aClientThatNeverHandshakesIsCutAtHandshakeTimeout() {
    // Node emits 'tlsClientError' ERR_TLS_HANDSHAKE_TIMEOUT "TLS handshake timeout" (checked with
    // node); Node then leaves the connection open, Nodus closes it (docs/node-parity.md).
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Tls.createServer(serverOptions().handshakeTimeout(300));
      s.on(Server.TLS_CLIENT_ERROR, (err, sock) -> log.add("tlsClientError " + ((NodeError) err).code()
          + " " + err.getMessage() + " " + (sock instanceof TLSSocket)));
      s.listen(0, "127.0.0.1", () -> {
        Socket plain = dev.nodus.net.Net.connect(s.address().port(), "127.0.0.1");
        plain.resume();
        plain.on(Socket.END, () -> log.add("plain end"));
        plain.on(Socket.CLOSE, e -> {
          log.add("plain close");
          s.close();
        });
      });
    });
    assertThat(log).containsExactly("tlsClientError ERR_TLS_HANDSHAKE_TIMEOUT TLS handshake timeout true",
        "plain end", "plain close");
  }

  @Test
  void manyHandshakesLeaveNoLeakAndEverySocketCloses() {
    int n = 50;
    java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();
    Programs.run(Duration.ofSeconds(40), () -> {
      Server s = Tls.createServer(serverOptions(), sock -> sock.end("bye"));
      s.listen(0, "127.0.0.1", () -> {
        for (int i = 0; i < n; i++) {
          TLSSocket c = Tls.connect(new TlsOptions().port(s.address().port()).host("localhost").ca(CA.certPem()), null);
          c.resume();
          c.on(Socket.CLOSE, e -> {
            if (closed.incrementAndGet() == n) {
              s.close();
            }
          });
        }
      });
    });
    assertThat(closed.get()).isEqualTo(n);
  }

  private void alpn(String[] serverProtocols, String[] clientProtocols) {
    TlsOptions so = serverOptions();
    if (serverProtocols != null) {
      so.alpnProtocols(serverProtocols);
    }
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Tls.createServer(so, sock -> {
        log.add("server alpn " + sock.alpnProtocol());
        sock.end();
      });
      s.on(Server.TLS_CLIENT_ERROR, (err, sock) -> log.add("tlsClientError " + ((NodeError) err).code()));
      s.listen(0, "127.0.0.1", () -> {
        TlsOptions co = new TlsOptions().port(s.address().port()).host("localhost").ca(CA.certPem());
        if (clientProtocols != null) {
          co.alpnProtocols(clientProtocols);
        }
        TLSSocket c = Tls.connect(co, null);
        c.on(TLSSocket.SECURE_CONNECT, () -> log.add("client alpn " + c.alpnProtocol()));
        c.on(Socket.ERROR, e -> log.add("client error " + ((NodeError) e).code()));
        c.resume();
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
  }

  @Test
  void alpnPicksTheServersProtocolAsNode() {
    // Checked with node: client ['h2', 'http/1.1'], server ['http/1.1'] → both 'http/1.1'.
    alpn(new String[] {"http/1.1"}, new String[] {"h2", "http/1.1"});
    assertThat(log).containsExactlyInAnyOrder("client alpn http/1.1", "server alpn http/1.1");
  }

  @Test
  void alpnWithoutAProtocolInCommonIsRefusedAsNode() {
    // node: tlsClientError ERR_SSL_NO_APPLICATION_PROTOCOL, client error
    // ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL.
    org.junit.jupiter.api.Assumptions.assumeTrue(Tls.engine().equals("jdk"), "OpenSSL engine: goes on without ALPN");
    alpn(new String[] {"h2"}, new String[] {"http/1.1"});
    assertThat(log).containsExactlyInAnyOrder("tlsClientError ERR_SSL_NO_APPLICATION_PROTOCOL",
        "client error ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL");
  }

  @Test
  void alpnOnOneSideOnlyIsNone() {
    alpn(null, new String[] {"h2"});
    assertThat(log).containsExactlyInAnyOrder("client alpn null", "server alpn null");
    log.clear();
    alpn(new String[] {"h2"}, null);
    assertThat(log).containsExactlyInAnyOrder("client alpn null", "server alpn null");
  }

  @Test
  void noCommonVersionIsRefusedWithNodesCodes() {
    // node: tlsClientError ERR_SSL_UNSUPPORTED_PROTOCOL; client ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION.
    Programs.run(Duration.ofSeconds(10), () -> withServer(serverOptions().maxVersion("TLSv1.2"), (s, port) ->
        connectAndLog(s, port, new TlsOptions().host("localhost").ca(CA.certPem()).minVersion("TLSv1.3"))));
    assertThat(server()).containsExactly("tlsClientError ERR_SSL_UNSUPPORTED_PROTOCOL");
    assertThat(client()).hasSize(2).last().isEqualTo("close true");
    assertThat(client().get(0)).startsWith("error ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION ");
  }

  @Test
  void anUnknownVersionThrowsAsNode() {
    Programs.run(Duration.ofSeconds(10), () -> {
      try {
        Tls.connect(new TlsOptions().port(1).minVersion("TLSv1.9"), null);
      } catch (NodeError e) {
        log.add(e.name() + " " + e.code() + " " + e.getMessage());
      }
    });
    assertThat(log).containsExactly(
        "TypeError ERR_TLS_INVALID_PROTOCOL_VERSION \"TLSv1.9\" is not a valid minimum TLS protocol version");
  }

  @Test
  void textThatIsNoHttpRequestIsAWrongVersionNumber() {
    // node: ERR_SSL_WRONG_VERSION_NUMBER for "hello world\n".
    Programs.run(Duration.ofSeconds(10), () -> withServer(serverOptions(), (s, port) -> {
      Socket plain = dev.nodus.net.Net.connect(port, "127.0.0.1");
      plain.write("hello world\n");
      plain.resume();
      plain.on(Socket.ERROR, e -> { });
      plain.on(Socket.CLOSE, e -> s.close());
    }));
    assertThat(server()).containsExactly("tlsClientError ERR_SSL_WRONG_VERSION_NUMBER");
  }

  @Test
  void sniIsSentOnlyForAServername() {
    // node: without servername neither side has one (false); with it both have it.
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Tls.createServer(serverOptions(), sock -> {
        log.add("server " + sock.servername());
        sock.end();
      });
      s.listen(0, "127.0.0.1", () -> {
        TLSSocket a = Tls.connect(new TlsOptions().port(s.address().port()).host("localhost").ca(CA.certPem()), null);
        a.on(TLSSocket.SECURE_CONNECT, () -> log.add("client " + a.servername()));
        a.resume();
        a.on(Socket.CLOSE, e -> {
          TLSSocket b = Tls.connect(new TlsOptions().port(s.address().port()).host("127.0.0.1")
              .servername("localhost").ca(CA.certPem()), null);
          b.on(TLSSocket.SECURE_CONNECT, () -> log.add("client " + b.servername()));
          b.resume();
          b.on(Socket.CLOSE, e2 -> s.close());
        });
      });
    });
    assertThat(log.subList(0, 2)).containsExactlyInAnyOrder("client null", "server null");
    assertThat(log.subList(2, 4)).containsExactlyInAnyOrder("client localhost", "server localhost");
  }

  @Test
  void halfOpenServerWritesAfterTheClientEnded() {
    // As net: with allowHalfOpen the server gets 'end' and may still write; the client reads it
    // after its own end(). Under TLS 1.3 close_notify ends one direction only.
    Programs.run(Duration.ofSeconds(10), () -> {
      Server s = Tls.createServer(serverOptions().allowHalfOpen(true), sock -> {
        sock.setEncoding("utf8");
        StringBuilder got = new StringBuilder();
        sock.on(Socket.DATA, d -> got.append(d));
        sock.on(Socket.END, () -> dev.nodus.Timers.setTimeout(() -> {
          log.add("server end, got " + got);
          sock.write("late ");
          sock.end("reply");
        }, 50));
      });
      s.listen(0, "127.0.0.1", () -> {
        TLSSocket c = Tls.connect(new TlsOptions().port(s.address().port()).host("localhost").ca(CA.certPem()), () -> {});
        c.on(TLSSocket.SECURE_CONNECT, () -> c.end("question"));
        c.setEncoding("utf8");
        StringBuilder got = new StringBuilder();
        c.on(Socket.DATA, d -> got.append(d));
        c.on(Socket.FINISH, () -> log.add("client finish"));
        c.on(Socket.END, () -> log.add("client got " + got));
        c.on(Socket.CLOSE, e -> {
          log.add("client close " + e);
          s.close();
        });
      });
    });
    assertThat(log).containsExactly("client finish", "server end, got question", "client got late reply", "client close false");
  }

  @Test
  void pausedReaderPushesBackAndGetsEveryByte() {
    int size = 8 * 1024 * 1024;
    long[] received = {0};
    Programs.run(Duration.ofSeconds(30), () -> {
      Server s = Tls.createServer(serverOptions(), sock -> {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        int[] sent = {0};
        boolean[] sawBackpressure = {false};
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
          while (sent[0] < size) {
            sent[0] += chunk.length;
            if (!sock.write(Buffer.from(chunk))) {
              sawBackpressure[0] = true;
              sock.once(Socket.DRAIN, pump[0]);
              return;
            }
          }
          log.add("server backpressure " + sawBackpressure[0]);
          sock.end();
        };
        pump[0].run();
      });
      s.listen(0, "127.0.0.1", () -> {
        TLSSocket c = Tls.connect(new TlsOptions().port(s.address().port()).host("localhost").ca(CA.certPem()), () -> {});
        c.pause();
        c.on(TLSSocket.SECURE_CONNECT, () -> dev.nodus.Timers.setTimeout(c::resume, 200));
        c.on(Socket.DATA, d -> received[0] += ((Buffer) d).length());
        c.on(Socket.CLOSE, e -> s.close());
      });
    });
    assertThat(received[0]).isEqualTo(size);
    assertThat(log).containsExactly("server backpressure true");
  }

  @Test
  void notYetValidCertificateIsCertNotYetValid() {
    // node: CERT_NOT_YET_VALID "certificate is not yet valid".
    TestPki.Issued future = TestPki.leaf("localhost", CA, new String[] {"DNS:localhost"},
        Instant.now().plus(Duration.ofDays(10)), Instant.now().plus(Duration.ofDays(20)));
    clientCase(future, new TlsOptions().host("localhost").ca(CA.certPem()));
    assertThat(client()).containsExactly("error CERT_NOT_YET_VALID certificate is not yet valid", "close true");
  }

  @Test
  void wrongHostnameWithRejectUnauthorizedFalseStaysOpenWithTheCode() {
    // node: secureConnect, authorized false, authorizationError ERR_TLS_CERT_ALTNAME_INVALID.
    clientCase(SERVER, new TlsOptions().host("localhost").servername("example.com").ca(CA.certPem())
        .rejectUnauthorized(false));
    assertThat(client()).containsExactly("secureConnect false ERR_TLS_CERT_ALTNAME_INVALID TLSv1.3", "close false");
  }

  @Test
  void ecdsaServerCertificate() {
    TestPki.Issued ec = TestPki.ecLeaf("localhost", CA, new String[] {"DNS:localhost"});
    clientCase(ec, new TlsOptions().host("localhost").ca(CA.certPem()));
    assertThat(client()).containsExactly("secureConnect true null TLSv1.3", "close false");
    log.clear();
    clientCase(ec, new TlsOptions().host("localhost").ca(CA.certPem()).maxVersion("TLSv1.2"));
    assertThat(client()).containsExactly("secureConnect true null TLSv1.2", "close false");
  }

  @Test
  void aServerThatHangsUpBeforeTheHandshakeIsEconnreset() {
    // node: connect, end, error ECONNRESET "Client network socket disconnected before secure TLS
    // connection was established", close.
    Programs.run(Duration.ofSeconds(10), () -> {
      dev.nodus.net.Server plain = dev.nodus.net.Net.createServer(x -> {
        // Read the ClientHello: a socket holding unread data stays open in Nodus where libuv
        // lets node exit (a known net difference), and the test waits for the server's close.
        x.resume();
        x.end();
      });
      plain.listen(0, "127.0.0.1", () -> {
        TLSSocket c = Tls.connect(new TlsOptions().port(plain.address().port()).host("127.0.0.1"), null);
        c.on(Socket.CONNECT, () -> log.add("connect"));
        c.on(Socket.END, () -> log.add("end"));
        c.on(Socket.ERROR, e -> log.add("error " + ((NodeError) e).code() + " " + e.getMessage()));
        c.on(Socket.CLOSE, e -> {
          log.add("close " + e);
          plain.close();
        });
      });
    });
    assertThat(log).containsExactly("connect", "end",
        "error ECONNRESET Client network socket disconnected before secure TLS connection was established",
        "close true");
  }

  @Test
  void destroyAfterEndClosesTheConnectionWhileThePeerStaysHalfOpen() {
    // The peer (allowHalfOpen) has not ended: destroy() after end() must still close the
    // connection when it emits 'close', as net's (the SslHandler's close alone only waits for the
    // peer's close_notify).
    Programs.run(Duration.ofSeconds(10), () -> {
      Server[] server = new Server[1];
      Server s = Tls.createServer(serverOptions().allowHalfOpen(true), sock -> {
        sock.on(Socket.END, () -> {
          log.add("server end");
          dev.nodus.Timers.setTimeout(() -> {
            log.add("server ends");
            sock.end();
          }, 1000);
        });
        sock.on(Socket.CLOSE, e -> {
          log.add("server close");
          server[0].close();
        });
        sock.resume();
      });
      server[0] = s;
      s.listen(0, "127.0.0.1", () -> {
        TLSSocket c = Tls.connect(new TlsOptions().port(s.address().port()).host("localhost").ca(CA.certPem()), () -> {});
        c.on(TLSSocket.SECURE_CONNECT, () -> {
          c.end();
          dev.nodus.Timers.setTimeout(c::destroy, 100);
        });
        c.resume();
        c.on(Socket.CLOSE, e -> log.add("client close " + e + ", connection open " + dev.nodus.internal.net.NetAccess.handle(c).open()));
      });
    });
    // 'close' comes at once after destroy(), not when the peer's close_notify comes a second later.
    assertThat(log).containsExactly("server end", "client close false, connection open false", "server ends",
        "server close");
  }
}
