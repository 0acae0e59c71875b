// Node's echo server for benchmarks/net/run.sh: the same one-liner as the Nodus server.
//   node --expose-gc node-echo.js PORT
// SIGUSR2 runs a full GC (run.sh does the same to the JVM servers with `jcmd PID GC.run`
// before reading VmRSS, so every server's memory figure counts live data, not garbage).
'use strict';
const net = require('net');
const port = Number(process.argv[2]);
net.createServer((s) => s.pipe(s)).listen(port, '127.0.0.1', () => console.log(`listening ${port}`));
// It also prints the V8 heap in use after that GC, which run.sh shows as Node's live heap.
process.on('SIGUSR2', () => {
  if (global.gc) global.gc();
  console.log(`heap ${Math.round(process.memoryUsage().heapUsed / 1024)} kB`);
});
