// Seed of the TwoWayServer example: from the tutorial "Node.js网络编程" (2019), §6.2.2, 3. 客户端与服务端双向通信, server.
// Below this header the program is as the tutorial prints it; SeedComparisonTest runs it with
// node after replacing the port 3000 with a free one.
//服务端
let net = require('net');
let server = net.createServer();
server.on('connection',function(socket){
    socket.on('data',function (data) {
        console.log(data.toString());
        socket.write('我吃的小豆包');
    });
});
server.listen(3000,'127.0.0.1',function() {
    console.log('server listening at port 3000');
});
