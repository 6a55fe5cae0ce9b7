// The runtime probe: plain, runtime-neutral ESM (no Node, Deno or Bun APIs) that every
// runtime of the matrix runs against the BUILT package. It computes answers from the
// inputs it is given and returns them as JSON-safe data; tests/runtimes/matrix.test.ts
// compares them with truth computed in the host Node (node:crypto, known vectors).

/** Runs `fn`; returns `{ value }` or `{ error: { name, message, reason } }`, never throws. */
async function attempt(fn) {
  try {
    return { value: await fn() };
  } catch (error) {
    return { error: { name: error?.name, message: String(error?.message), reason: error?.reason } };
  }
}

function runtimeLabel() {
  const g = globalThis;
  if (g.Deno?.version) return `deno ${g.Deno.version.deno}`;
  if (g.Bun?.version) return `bun ${g.Bun.version}`;
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (g.process?.versions?.node) return `node ${g.process.versions.node}`;
  return g.navigator?.userAgent ?? 'unknown';
}

/**
 * @param {Record<string, any>} root   namespace of `imagekit-universal`
 * @param {Record<string, any> | undefined} server namespace of `imagekit-universal/server`
 * @param {any} input  cases from the host (see matrix.test.ts)
 */
export async function runProbe(root, server, input) {
  const out = { runtime: runtimeLabel(), rootExports: Object.keys(root).sort() };

  out.buildUrl = await Promise.all(input.buildUrl.map((options) => attempt(() => root.buildUrl(options))));
  out.buildTransformationString = await Promise.all(
    input.buildTransformationString.map((steps) => attempt(() => root.buildTransformationString(steps))),
  );
  out.responsive = await Promise.all(input.responsive.map((options) => attempt(() => root.getResponsiveImageAttributes(options))));
  out.phash = await Promise.all(input.phash.map(([a, b]) => attempt(() => root.phashDistance(a, b))));
  out.phashInvalid = await attempt(() => root.phashDistance(input.phashInvalid[0], input.phashInvalid[1]));
  out.phashInvalidIsImageKitError = await attempt(() => {
    try {
      root.phashDistance(input.phashInvalid[0], input.phashInvalid[1]);
      return false;
    } catch (error) {
      return root.isImageKitError(error);
    }
  });

  if (!server) return out;
  out.serverExports = Object.keys(server).sort();

  if (input.expectStub) {
    // The browser build of /server: using a server-only export must throw the refusal.
    out.stub = await attempt(() => server.signUrl('https://ik.imagekit.io/demo/a.jpg', {}));
    return out;
  }

  const { sign, auth, webhooks } = input;
  if (typeof server.signUrl === 'function') {
    out.signUrl = await attempt(() => server.signUrl(sign.url, { privateKey: sign.privateKey, urlEndpoint: sign.urlEndpoint }));
    out.signUrlExpiring = await attempt(() =>
      server.signUrl(sign.url, { privateKey: sign.privateKey, urlEndpoint: sign.urlEndpoint, expireSeconds: 600 }),
    );
  }
  if (typeof server.signUrls === 'function') {
    out.signUrls = await attempt(() => server.signUrls(sign.urls, { privateKey: sign.privateKey, urlEndpoint: sign.urlEndpoint }));
  }
  if (typeof server.getAuthenticationParameters === 'function') {
    out.auth = await attempt(() => server.getAuthenticationParameters(auth));
  }
  if (typeof server.verifyWebhook === 'function') {
    out.webhooks = await Promise.all(
      webhooks.map(({ body, headers }) =>
        attempt(async () => {
          const { event, timestamp } = await server.verifyWebhook({ body, headers }, { secret: input.webhookSecret });
          return { type: event.type, id: event.id, timestampMs: new Date(timestamp).getTime() };
        }),
      ),
    );
  }
  if (typeof server.ImageKit === 'function') {
    out.client = await attempt(async () => {
      const client = new server.ImageKit({ privateKey: sign.privateKey, publicKey: 'public_x', urlEndpoint: sign.urlEndpoint });
      return { url: await client.url({ path: '/default-image.jpg', transformation: [{ width: 300 }] }) };
    });
  }
  return out;
}
