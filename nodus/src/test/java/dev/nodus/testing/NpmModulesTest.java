package dev.nodus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The build installed the lockfile's {@code ws} and a node peer can require it. */
@Timeout(60)
class NpmModulesTest {
  @Test
  void aNodePeerRequiresWsFromTheLockfile() throws Exception {
    assumeTrue(NpmModules.available("ws"), NpmModules.missing("ws"));
    String script = """
        const { WebSocketServer, WebSocket } = require('ws');
        const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' }, () => {
          const ws = new WebSocket('ws://127.0.0.1:' + wss.address().port);
          ws.on('open', () => ws.send('ping'));
          ws.on('message', (m) => { console.log(require('ws/package.json').version, String(m)); process.exit(0); });
        });
        wss.on('connection', (s) => s.on('message', (m) => s.send('echo ' + m)));
        """;
    try (NodePeer node = NodePeer.start(script)) {
      assertThat(node.nextLine(30)).matches("8\\.\\d+\\.\\d+ echo ping");
    }
  }
}
