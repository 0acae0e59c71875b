package dev.nodus.tls;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made at test time with BouncyCastle: a CA, and leaves it signs (or self-signed
 * ones), with chosen names and dates. Private keys exist only in memory.
 */
final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() & 0xffffffffL);

  /** A key and its certificate, as PEM. */
  record Issued(String keyPem, String certPem, X509Certificate cert, PrivateKey key) {}

  private TestPki() {}

  static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048, new SecureRandom());
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ec() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"), new SecureRandom());
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An ECDSA P-256 leaf signed by {@code ca} (an RSA CA). */
  static Issued ecLeaf(String cn, Issued ca, String[] altNames) {
    KeyPair kp = ec();
    return issue(cn, kp.getPublic(), ca.key(), ca, kp, false, altNames, Instant.now().minus(Duration.ofDays(1)),
        Instant.now().plus(Duration.ofDays(30)));
  }

  /** A self-signed CA. */
  static Issued ca(String cn) {
    KeyPair kp = rsa();
    return issue(cn, kp.getPublic(), kp.getPrivate(), null, kp, true, null, Instant.now().minus(Duration.ofDays(1)),
        Instant.now().plus(Duration.ofDays(30)));
  }

  /** A leaf for {@code cn} with DNS/IP subjectAltNames, signed by {@code ca} (or self-signed when null). */
  static Issued leaf(String cn, Issued ca, String[] altNames) {
    return leaf(cn, ca, altNames, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
  }

  static Issued leaf(String cn, Issued ca, String[] altNames, Instant from, Instant to) {
    KeyPair kp = rsa();
    return issue(cn, kp.getPublic(), ca == null ? kp.getPrivate() : ca.key(), ca, kp, false, altNames, from, to);
  }

  private static Issued issue(String cn, PublicKey pub, PrivateKey signer, Issued ca, KeyPair kp,
      boolean isCa, String[] altNames, Instant from, Instant to) {
    try {
      X500Name subject = new X500Name("C=CN,O=Nodus Test,CN=" + cn);
      X500Name issuer = ca == null ? subject
          : X500Name.getInstance(ca.cert().getSubjectX500Principal().getEncoded());
      JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
          BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to), subject, pub);
      if (isCa) {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      }
      if (altNames != null && altNames.length > 0) {
        GeneralName[] names = new GeneralName[altNames.length];
        for (int i = 0; i < altNames.length; i++) {
          String n = altNames[i];
          names[i] = n.startsWith("IP:") ? new GeneralName(GeneralName.iPAddress, n.substring(3))
              : new GeneralName(GeneralName.dNSName, n.substring(4));
        }
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      }
      X509CertificateHolder h = b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer));
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(h);
      return new Issued(pem(kp.getPrivate()), pem(cert), cert, kp.getPrivate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(Object o) throws Exception {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter p = new JcaPEMWriter(w)) {
      p.writeObject(o instanceof PrivateKey k ? new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", k.getEncoded()) : o);
    }
    return w.toString();
  }
}
