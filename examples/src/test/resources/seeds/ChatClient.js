// Seed of the ChatClient example: from the tutorial "Node.js网络编程" (2019), §6.3.2 多人广播消息, client.
// Below this header the program is as the tutorial prints it; SeedComparisonTest runs it with
// node after replacing the port 3000 with a free one.
//客户端
let net = require('net');
//向服务端创建连接
let client = net.createConnection({
    port:3000,
    host:'127.0.0.1'
});
client.on('connect',function(){
    //通过当前进程的标准输入的data事件获取终端的输入
    process.stdin.on('data',function (data) {
        data = data.toString().trim();
        client.write(data);
    });
});
client.on('data',function (data) {
    console.log(data.toString());
});

//打开多个客户端，即可互相发送消息
