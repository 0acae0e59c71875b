// Seed of the OnlineCountServer example: from the tutorial "Node.js网络编程" (2019), §6.2.2, 2. 统计在线人数.
// Below this header the program is as the tutorial prints it; SeedComparisonTest runs it with
// node after replacing the port 3000 with a free one.
let net = require('net');
let server = net.createServer();
let count = 0;
server.on('connection',function(socket){
    count++;
    console.log('welcome,当前在线人数：'+count);
    socket.write('remoteAddress'+socket.remoteAddress+'\n');
    socket.write('remotePort'+socket.remotePort);
});
server.listen(3000,'127.0.0.1',function() {
    console.log('server listening at port 3000');
});

//然后启用两个Telnet客户端服务，命令行中输入：
//telnet 127.0.0.1 3000

//服务端输出
/*
server listening at port 3000
welcome,当前在线人数：1
welcome,当前在线人数：2
*/
