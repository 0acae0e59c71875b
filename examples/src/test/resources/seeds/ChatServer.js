// Seed of the ChatServer example: from the tutorial "Node.js网络编程" (2019), §6.3.2 多人广播消息, server.
// Below this header the program is as the tutorial prints it; SeedComparisonTest runs it with
// node after replacing the port 3000 with a free one.
//服务端
let net = require('net');
let server = net.createServer();
//该数组用来封装所有客户端的scoket
let users = [];
server.on('connection',function (socket) {
    users.push(socket);
    socket.on('data',function (data) {
        data = data.toString().trim();
        users.forEach(function (client) {
            if(client !== socket){
                //不同客户端端口号不同
                client.write(client.remotePort+':'+data);
            }
        });
    });
    socket.on('error',function () {
        console.log('有客户端退出了');
    });
})
server.listen(3000,'127.0.0.1',function () {
    console.log('server listening at port 3000');
})
