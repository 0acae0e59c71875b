// Node's echo server for benchmarks/net/run.sh: the same program as NodusEchoServer.
//   node --expose-gc node-echo.js PORT NODELAY
// NODELAY (0 or 1) is set on every accepted socket explicitly, as every server of the run does.
// SIGUSR2 runs a full GC (run.sh does the same to the JVM servers with `jcmd PID GC.run`
// before reading VmRSS, so every server's memory figure counts live data, not garbage).
'use strict';
const net = require('net');
const port = Number(process.argv[2]);
if (process.argv[3] !== '0' && process.argv[3] !== '1') throw new Error('usage: PORT NODELAY (0 or 1)');
const noDelay = process.argv[3] === '1';
net.createServer((s) => {
  s.setNoDelay(noDelay);
  s.pipe(s);
}).listen(port, '127.0.0.1', () => console.log(`listening ${port} (nodelay ${noDelay})`));
// It also prints the V8 heap in use after that GC, which run.sh shows as Node's live heap.
process.on('SIGUSR2', () => {
  if (global.gc) global.gc();
  console.log(`heap ${Math.round(process.memoryUsage().heapUsed / 1024)} kB`);
});
