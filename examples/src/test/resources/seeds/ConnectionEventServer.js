// Seed of the ConnectionEventServer example: from the tutorial "Node.js网络编程" (2019), §6.2.1 Net.Server对象.
// Below this header the program is as the tutorial prints it; SeedComparisonTest runs it with
// node after replacing the port 3000 with a free one.
let net = require('net');
let server = net.createServer();
server.on('connection',function(){
    console.log('有客户端连接上来了');
});
server.on('listening',function () {
    console.log('服务器监听成功了，正在等待客户端连接');
});
server.listen(3000,'127.0.0.1');
