// Seed of the TwoWayClient example: from the tutorial "Node.js网络编程" (2019), §6.2.2, 3. 客户端与服务端双向通信, client.
// Below this header the program is as the tutorial prints it; SeedComparisonTest runs it with
// node after replacing the port 3000 with a free one.
//客户端
let net = require('net');
let client = net.createConnection({
    port:3000
});
client.on('connect',function () {
    console.log('客户端与服务器连接成功了');
    client.write('你吃了吗');
});
client.on('data',function (data) {
    console.log(data.toString());
});
