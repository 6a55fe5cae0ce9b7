// The main job: a tour of imagekit-universal.
//
//   npm ci && npm run demo
//
// With no keys in the environment it runs against the built-in emulator (no account,
// no network). With IMAGEKIT_PRIVATE_KEY, IMAGEKIT_PUBLIC_KEY and IMAGEKIT_URL_ENDPOINT
// set, the same tour runs against the real ImageKit API (it uploads into a folder named
// /imagekit-universal-demo-<time> and deletes what it created at the end).
// EMULATOR_DATA_DIR=<folder> keeps the emulator's state on disk between runs.
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildUrl, getResponsiveImageAttributes, phashDistance, upload } from '../dist/index.js';
import { ImageKit, createUploadToken, getAuthenticationParameters, signUrl } from '../dist/server.js';
import { startEmulator } from '../dist/testing.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const assets = path.join(here, 'assets');
const env = process.env;
const useRealApi = Boolean(env.IMAGEKIT_PRIVATE_KEY);

function title(text) {
  console.log(`\n== ${text}`);
}

function progressBar(label) {
  let last = -1;
  let lastQuarter = -1;
  return ({ loaded, total }) => {
    const fraction = total ? loaded / total : 0;
    const percent = Math.floor(fraction * 100);
    if (percent === last) return;
    last = percent;
    const width = 24;
    const filled = Math.round(fraction * width);
    const line = `  ${label.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% of ${total ?? '?'} B sent (file + form fields)`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}${percent === 100 ? '\n' : ''}`);
    else if (Math.floor(percent / 25) !== lastQuarter) {
      // Not a terminal (CI, a pipe): print one line per quarter instead of redrawing.
      lastQuarter = Math.floor(percent / 25);
      console.log(line);
    }
  };
}

let emulator;
let config;
if (useRealApi) {
  if (!env.IMAGEKIT_URL_ENDPOINT || !env.IMAGEKIT_PUBLIC_KEY) {
    console.error('Set IMAGEKIT_PUBLIC_KEY and IMAGEKIT_URL_ENDPOINT too when IMAGEKIT_PRIVATE_KEY is set.');
    process.exit(2);
  }
  config = {
    privateKey: env.IMAGEKIT_PRIVATE_KEY,
    publicKey: env.IMAGEKIT_PUBLIC_KEY,
    urlEndpoint: env.IMAGEKIT_URL_ENDPOINT,
  };
  console.log('Running against the real ImageKit API.');
} else {
  // EMULATOR_DATA_DIR=.emulator-data npm run demo keeps the emulator's files between runs.
  emulator = await startEmulator(env.EMULATOR_DATA_DIR ? { dataDir: env.EMULATOR_DATA_DIR } : {});
  config = {
    privateKey: emulator.privateKey,
    publicKey: emulator.publicKey,
    urlEndpoint: emulator.urlEndpoint,
    baseUrl: emulator.url,
    uploadBaseUrl: emulator.url,
  };
  console.log(`Running against the emulator at ${emulator.url} (no account, no network).`);
}

const folder = useRealApi ? `/imagekit-universal-demo-${Date.now()}` : '/demo';
const client = new ImageKit(config);
const { urlEndpoint } = config;

try {
  title('URL building (pure, browser-safe)');
  console.log('plain    ', buildUrl({ urlEndpoint, path: '/demo/photo one.jpg' }));
  console.log(
    'chained  ',
    buildUrl({
      urlEndpoint,
      path: '/demo/photo.jpg',
      transformation: [{ width: 400, height: 300, crop: 'maintain_ratio' }, { rotation: 90 }],
    }),
  );
  console.log(
    'query    ',
    buildUrl({
      urlEndpoint,
      path: '/demo/photo.jpg',
      transformationPosition: 'query',
      transformation: [{ width: 200, format: 'webp' }],
      queryParameters: { v: 2 },
    }),
  );
  console.log(
    'overlay  ',
    buildUrl({
      urlEndpoint,
      path: '/demo/photo.jpg',
      transformation: [
        {
          overlay: { type: 'text', text: 'Hello, ImageKit!', transformation: [{ fontSize: 40, fontColor: 'FFFFFF' }] },
        },
      ],
    }),
  );
  const responsive = getResponsiveImageAttributes({ urlEndpoint, src: '/demo/photo.jpg', sizes: '(max-width: 600px) 100vw, 50vw' });
  console.log('responsive src   ', responsive.src);
  console.log('responsive srcSet', `${responsive.srcSet.split(', ').length} candidates, e.g. ${responsive.srcSet.split(', ')[0]}`);

  title('Signing (server / edge, Web Crypto)');
  const signed = await client.url({ path: '/demo/private.jpg', transformation: [{ width: 300 }], signed: true, expireSeconds: 600 });
  console.log('signed URL', signed);
  const standalone = await signUrl(buildUrl({ urlEndpoint, path: '/demo/private.jpg' }), { privateKey: config.privateKey, urlEndpoint });
  console.log('signUrl() ', standalone.replace(/ik-s=[0-9a-f]+/, 'ik-s=<40 hex>'));
  const auth = await getAuthenticationParameters({ privateKey: config.privateKey });
  console.log('client-upload auth parameters', { token: auth.token, expire: auth.expire, signature: `${auth.signature.slice(0, 8)}…` });

  title('Upload (server upload with a progress bar)');
  const names = (await readdir(assets)).filter((name) => /\.(png|jpe?g|gif|webp)$/i.test(name)).sort();
  const uploaded = [];
  for (const name of names) {
    const bytes = await readFile(path.join(assets, name));
    const result = await client.uploadFile({
      file: new Blob([bytes]),
      fileName: name,
      folder,
      tags: ['demo'],
      useUniqueFileName: false,
      onProgress: progressBar(name),
    });
    uploaded.push(result);
    console.log(`    -> ${result.filePath} ${result.width ?? '?'}x${result.height ?? '?'} (${result.size} B) id=${result.fileId}`);
  }

  // A bigger (generated, 6 MiB) file shows the progress bar moving as bytes are sent.
  const big = new Uint8Array(6 * 1024 * 1024).map((_, i) => (i * 31) & 255);
  const bigResult = await client.uploadFile({
    file: new Blob([big]),
    fileName: 'big-sample.bin',
    folder,
    onProgress: progressBar('big-sample.bin (6 MiB)'),
  });
  console.log(`    -> ${bigResult.filePath} (${bigResult.fileType}, ${bigResult.size} B)`);
  await client.deleteFile(bigResult.fileId);

  title('Upload from a browser-style client (token + signature, or a v2 JWT, from the server)');
  const browserAuth = await client.getAuthenticationParameters();
  const firstBytes = await readFile(path.join(assets, names[0]));
  const clientResult = await upload({
    file: new Blob([firstBytes]),
    fileName: `client-${names[0]}`,
    folder,
    publicKey: config.publicKey,
    ...browserAuth,
    ...(useRealApi ? {} : { uploadBaseUrl: emulator.url }),
    onProgress: progressBar(`client-${names[0]}`),
  });
  console.log(`    -> ${clientResult.filePath} (unique name: ${clientResult.name})`);
  uploaded.push(clientResult);

  // v2 (beta): the server signs the exact fields as a JWT; the browser sends those fields and the JWT.
  const jwtFields = { fileName: `jwt-${names[0]}`, folder, tags: ['demo', 'v2'] };
  const uploadToken = await createUploadToken({ privateKey: config.privateKey, publicKey: config.publicKey, fields: jwtFields });
  const jwtResult = await upload({
    file: new Blob([firstBytes]),
    ...jwtFields,
    uploadToken,
    ...(useRealApi ? {} : { uploadBaseUrl: emulator.url }),
  });
  console.log(`    -> ${jwtResult.filePath} via /api/v2/files/upload (uploadToken: a JWT signing ${Object.keys(jwtFields).join(', ')})`);
  uploaded.push(jwtResult);

  if (!useRealApi) {
    const response = await fetch(uploaded[0].url);
    console.log(
      `GET ${uploaded[0].url} -> ${response.status} ${response.headers.get('content-type')}, ${(await response.arrayBuffer()).byteLength} B`,
    );
  }

  title('List and search');
  const listed = await client.listFiles({ path: folder, sort: 'ASC_NAME' });
  console.log(`listFiles(path=${folder}):`, listed.map((file) => file.name).join(', '));
  const pngs = await client.listFiles({ searchQuery: 'format = "png"', limit: 10 });
  console.log('search format = "png":', pngs.map((file) => file.name).join(', '));
  let count = 0;
  for await (const file of client.iterateFiles({ limit: 2 })) {
    if (file.type === 'file') count++;
  }
  console.log(`iterateFiles (pages of 2): ${count} files`);
  console.log('request id of the list call:', listed.$ResponseMetadata.requestId);

  title('Tags and details');
  const ids = uploaded.map((file) => file.fileId);
  const tagged = await client.bulkAddTags(ids, ['tour', 'universal']);
  console.log('bulkAddTags updated', tagged.successfullyUpdatedFileIds.length, 'files');
  const details = await client.updateFileDetails(ids[0], { tags: ['cover', 'tour'], customCoordinates: '10,10,20,20' });
  console.log(`updateFileDetails: tags=${JSON.stringify(details.tags)} coordinates=${details.customCoordinates}`);

  title('Metadata and pHash');
  // waves.png and waves-edited.png are the same picture with a small edit; checker.png is another one.
  const similar = uploaded.filter((file) => /^waves/.test(file.name)).slice(0, 2);
  const pair = similar.length === 2 ? similar : uploaded.slice(0, 2);
  const [first, second] = await Promise.all(pair.map((file) => client.getFileMetadata(file.fileId)));
  console.log(`${pair[0].name}: ${first.width}x${first.height} ${first.format} pHash=${first.pHash}`);
  console.log(`${pair[1].name}: ${second.width}x${second.height} ${second.format} pHash=${second.pHash}`);
  console.log(`phashDistance = ${phashDistance(first.pHash, second.pHash)} (0 = same picture, 64 = opposite)`);
  const other = uploaded.find((file) => !pair.includes(file) && file.fileType === 'image' && /\.png$/.test(file.name));
  if (other) {
    const otherMeta = await client.getFileMetadata(other.fileId);
    console.log(`vs ${other.name}: phashDistance = ${client.phashDistance(first.pHash, otherMeta.pHash)}`);
  }

  title('Copy, move, purge, delete');
  await client.createFolder({ folderName: 'archive', parentFolderPath: folder });
  await client.copyFile({ sourceFilePath: uploaded[0].filePath, destinationPath: `${folder}/archive/` });
  await client.moveFile({ sourceFilePath: uploaded[1].filePath, destinationPath: `${folder}/archive/` });
  const archive = await client.listFiles({ path: `${folder}/archive` });
  console.log('archive now holds:', archive.map((file) => file.name).join(', '));
  const purge = await client.purgeFileCache(uploaded[0].url);
  const purgeStatus = await client.getPurgeFileCacheStatus(purge.requestId);
  console.log(`purgeFileCache -> requestId ${purge.requestId}, status ${purgeStatus.status}`);
  await client.deleteFile(uploaded[0].fileId);
  console.log(`deleteFile(${uploaded[0].fileId}) done`);
  try {
    await client.getFileDetails(uploaded[0].fileId);
  } catch (error) {
    console.log(`getFileDetails after delete -> ${error.name} (status ${error.status})`);
  }
} finally {
  if (useRealApi) {
    await client.deleteFolder(folder).catch((error) => console.error('cleanup failed:', error.message));
  }
  await emulator?.close();
}
console.log('\nTour complete.');
