// A loopback server in its own process that discards upload bodies and answers with the
// byte count, so memory measurements of the uploading process see only the client.
// Prints its URL on stdout; exits when stdin closes.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  let bytes = 0;
  req.on('data', (chunk) => {
    bytes += chunk.length;
  });
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ fileId: 'discarded', size: bytes }));
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
