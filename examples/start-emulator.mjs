// Starts the ImageKit emulator on loopback and prints its address and keys.
// Usage: npm run build && npm run emulator   (PORT=8080 DATA_DIR=.emulator to pin a port / persist)
import { startEmulator } from '../dist/testing.js';

const server = await startEmulator({
  port: Number(process.env.PORT ?? 0),
  ...(process.env.DATA_DIR ? { dataDir: process.env.DATA_DIR } : {}),
});
console.log(`ImageKit emulator listening on ${server.url}`);
console.log(`  baseUrl / uploadBaseUrl: ${server.url}`);
console.log(`  urlEndpoint:             ${server.urlEndpoint}`);
console.log(`  privateKey:              ${server.privateKey}`);
console.log(`  publicKey:               ${server.publicKey}`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
