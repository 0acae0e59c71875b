package dev.nodus.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodus.buffer.Buffer;
import dev.nodus.testing.NodePeer;
import dev.nodus.testing.Programs;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 100 MB each way between Nodus and Node's own net module, in both roles, compared by SHA-256.
 * The payload is a repeated 64 KiB pattern that both sides generate the same way.
 */
@org.junit.jupiter.api.Timeout(120)
class NodeInteropTest {
  static final int CHUNK = 64 * 1024;
  static final int CHUNKS = 1600; // 100 MiB

  // Node side: sends CHUNKS x pattern, hashes what it receives, and on 'close' prints
  // "<sha sent> <sha got> <bytes got>".
  static final String NODE_COMMON =
      "const crypto=require('crypto'); const net=require('net');"
          + "const CH=" + CHUNK + ", N=" + CHUNKS + ";"
          + "const pat=Buffer.alloc(CH); for(let i=0;i<CH;i++) pat[i]=(i*31+7)&0xff;"
          + "function run(s, done){ const hin=crypto.createHash('sha256'); let got=0;"
          + " s.on('data',d=>{got+=d.length; hin.update(d)});"
          + " const hout=crypto.createHash('sha256'); let i=0;"
          + " function pump(){ while(i<N){ i++; hout.update(pat); if(!s.write(pat)){ s.once('drain',pump); return; } } s.end(); }"
          + " pump();"
          + " s.on('close',()=>{ console.log(hout.digest('hex')+' '+hin.digest('hex')+' '+got); done&&done(); }); }";

  @BeforeAll
  static void needNode() {
    Assumptions.assumeTrue(NodePeer.available(), "node is not installed");
  }

  static Buffer pattern() {
    byte[] b = new byte[CHUNK];
    for (int i = 0; i < CHUNK; i++) {
      b[i] = (byte) ((i * 31 + 7) & 0xff);
    }
    return Buffer.wrap(b);
  }

  /** Our side of the transfer: same protocol as the node script. Returns via result[]. */
  static void run(Socket s, String[] result) throws Exception {
    MessageDigest in = MessageDigest.getInstance("SHA-256");
    MessageDigest out = MessageDigest.getInstance("SHA-256");
    Buffer pat = pattern();
    long[] got = {0};
    s.on(Socket.DATA, d -> {
      got[0] += d.length();
      in.update(d.buffer(), d.byteOffset(), d.length());
    });
    int[] i = {0};
    Runnable pump = new Runnable() {
      @Override
      public void run() {
        while (i[0] < CHUNKS) {
          i[0]++;
          out.update(pat.buffer());
          if (!s.write(pat)) {
            s.once(Socket.DRAIN, this);
            return;
          }
        }
        s.end();
      }
    };
    if (s.connecting()) {
      s.once(Socket.CONNECT, pump);
    } else {
      pump.run();
    }
    // Printed on 'close': both directions are complete only then (each side is half-open).
    s.on(Socket.CLOSE, hadError -> result[0] = HexFormat.of().formatHex(out.digest()) + " "
        + HexFormat.of().formatHex(in.digest()) + " " + got[0]);
  }

  @Test
  void nodusClientWithNodeServer() throws Exception {
    try (NodePeer node = NodePeer.start(NODE_COMMON
        + "const srv=net.createServer({allowHalfOpen:true},s=>run(s,()=>srv.close())).listen(0,'127.0.0.1',()=>console.log(srv.address().port));")) {
      int port = Integer.parseInt(node.nextLine(10));
      String[] ours = new String[1];
      Programs.run(Duration.ofSeconds(100), () -> {
        try {
          run(Net.connect(new ConnectOptions().port(port).host("127.0.0.1").allowHalfOpen(true)), ours);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      String theirs = node.nextLine(30);
      assertTransfer(ours[0], theirs);
    }
  }

  @Test
  void nodeClientWithNodusServer() throws Exception {
    String[] ours = new String[1];
    AtomicReference<NodePeer> peer = new AtomicReference<>();
    try {
      Programs.run(Duration.ofSeconds(100), () -> {
        Server[] srv = new Server[1];
        srv[0] = Net.createServer(new ServerOptions().allowHalfOpen(true), s -> {
          try {
            run(s, ours);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          s.on(Socket.CLOSE, e -> srv[0].close());
        });
        srv[0].listen(0, "127.0.0.1", () -> {
          try {
            peer.set(NodePeer.start(NODE_COMMON
                + "const s=net.connect({port:+process.argv[1],host:'127.0.0.1',allowHalfOpen:true}); run(s);",
                String.valueOf(srv[0].address().port())));
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        });
      });
      assertTransfer(ours[0], peer.get().nextLine(30));
    } finally {
      if (peer.get() != null) {
        peer.get().close();
      }
    }
  }

  private static void assertTransfer(String ours, String theirs) {
    assertThat(ours).isNotNull();
    String[] o = ours.split(" ");
    String[] t = theirs.split(" ");
    long total = (long) CHUNK * CHUNKS;
    // What each side sent is what the other received, byte for byte.
    assertThat(o[1]).isEqualTo(t[0]);
    assertThat(t[1]).isEqualTo(o[0]);
    assertThat(Long.parseLong(o[2])).isEqualTo(total);
    assertThat(Long.parseLong(t[2])).isEqualTo(total);
  }
}
