// Seed of the HelloServer example: from the tutorial "Node.js网络编程" (2019), §6.2.2 Net.Socket对象, 1. 服务器向客户端发送消息.
// Below this header the program is as the tutorial prints it; SeedComparisonTest runs it with
// node after replacing the port 3000 with a free one.
let net = require('net');
let server = net.createServer();
server.on('connection',function(socket){
    console.log('有客户端连接上来了');
    console.log('客户端IP地址：'+socket.remoteAddress+'连接到了当前服务器');
    socket.write('hello');
});
server.on('listening',function () {
    console.log('服务器监听成功了，正在等待客户端连接');
});
server.listen(3000,'127.0.0.1');

//然后启用Telnet客户端服务，命令行中输入：
//telnet 127.0.0.1 3000

//服务端输出
//服务器监听成功了，正在等待客户端连接
//有客户端连接上来了
//客户端IP地址：127.0.0.1连接到了当前服务器

//客户端输出
//hello
