// Measures how much the emulator's resident memory grows while a client streams a large
// POST at it: once with a wrong key (refused before the body is read) and once with the
// right key over the body cap (413). Run after `npm run build`:
//   node tests/emulator/scripts/body-rss.mjs [GiB=1]
// The emulator runs in a child process; its peak RSS (VmHWM) is read from /proc (Linux).
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';

if (process.argv[2] === '--child') {
  const { startEmulator } = await import('../../../dist/testing.js');
  const server = await startEmulator();
  process.send({ url: server.url, privateKey: server.privateKey });
  process.on('message', (message) => {
    if (message === 'gc') globalThis.gc?.();
    process.send({ rss: process.memoryUsage().rss });
  });
} else {
  const gib = Number(process.argv[2] ?? 1);
  const total = gib * 1024 ** 3;
  const child = fork(new URL(import.meta.url).pathname, ['--child'], { execArgv: ['--expose-gc'] });
  const next = () => new Promise((resolve) => child.once('message', resolve));
  const { url, privateKey } = await next();
  const peak = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) * 1024;
  };
  const mib = (bytes) => (bytes / 1024 ** 2).toFixed(1);
  const basic = (key) => 'Basic ' + Buffer.from(`${key}:`).toString('base64');
  async function post(key) {
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(97);
    const body = new ReadableStream({
      pull(controller) {
        if (sent >= total) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const before = peak();
    let status;
    try {
      const response = await fetch(`${url}/api/v1/files/upload`, {
        method: 'POST',
        body,
        duplex: 'half',
        headers: { authorization: basic(key), 'content-type': 'multipart/form-data; boundary=x' },
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (error) {
      status = `error: ${error.cause?.code ?? error.message}`;
    }
    child.send('x');
    await next();
    return { status, sentMiB: mib(sent), peakGrowthMiB: mib(peak() - before) };
  }
  child.send('gc');
  await next();
  console.log(`baseline peak RSS: ${mib(peak())} MiB; posting ${gib} GiB`);
  console.log('wrong key:          ', await post('private_wrong'));
  console.log('right key, over cap:', await post(privateKey));
  child.kill();
}
