import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import ImageKit from '@imagekit/nodejs';
import ImageKitV6 from 'imagekit';
import { verifyLegacyWebhook, verifyWebhook } from '../../src/webhooks/verify.js';
import { isWebhookEvent, type WebhookEvent } from '../../src/webhooks/events.js';
import { WebhookVerificationError, isWebhookVerificationError, type WebhookFailureReason } from '../../src/errors.js';
import * as server from '../../src/server.js';
import type { IncomingHttpHeaders } from 'node:http';

const SECRET = 'whsec_xeO2UNkfKMQnfJf7Q/Qx+fYptL1wabXd';
const NOW = 1_735_689_600; // 2025-01-01T00:00:00Z, Unix seconds
const event = {
  id: 'evt_1',
  type: 'file.created',
  created_at: '2025-01-01T00:00:00.000Z',
  data: { fileId: 'f1', name: 'a.jpg', url: 'https://ik.imagekit.io/demo/a.jpg' },
};
const BODY = JSON.stringify(event);

/** Standard Webhooks headers computed with node:crypto (key = UTF-8 bytes of the whole secret). */
function standardHeaders(body: string | Uint8Array, { secret = SECRET, id = 'msg_2abc', timestamp = NOW } = {}) {
  const mac = createHmac('sha256', secret).update(`${id}.${timestamp}.`).update(body).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${mac}` };
}

/** Legacy header computed with node:crypto. */
function legacyHeader(body: string, { secret = SECRET, t = NOW * 1000 } = {}) {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

async function reasonOf(promise: Promise<unknown>): Promise<WebhookFailureReason | undefined> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(isWebhookVerificationError(error)).toBe(true);
    return (error as WebhookVerificationError).reason;
  }
  return undefined;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW * 1000);
});
afterEach(() => vi.useRealTimers());

describe('verifyWebhook (Standard Webhooks)', () => {
  it('is exported from the server entry', () => {
    expect(server.verifyWebhook).toBe(verifyWebhook);
    expect(server.isWebhookEvent).toBe(isWebhookEvent);
  });

  it('returns the event, a Date timestamp, the id and the scheme', async () => {
    const result = await verifyWebhook({ body: BODY, headers: standardHeaders(BODY) }, { secret: SECRET });
    expect(result).toEqual({ event, timestamp: new Date(NOW * 1000), id: 'msg_2abc', scheme: 'standard' });
  });

  it('accepts exactly what @imagekit/nodejs webhooks.unwrap accepts', async () => {
    const official = new ImageKit({ privateKey: 'private_x', webhookSecret: SECRET });
    const headers = standardHeaders(BODY);
    expect(official.webhooks.unwrap(BODY, { headers })).toEqual(event);
    expect((await verifyWebhook({ body: BODY, headers }, { secret: SECRET })).event).toEqual(event);
    const tampered = BODY.replace('a.jpg', 'b.jpg');
    expect(() => official.webhooks.unwrap(tampered, { headers })).toThrow();
    expect(await reasonOf(verifyWebhook({ body: tampered, headers }, { secret: SECRET }))).toBe('signature_mismatch');
  });

  it('verifies random unicode bodies, ids and secrets (node:crypto oracle)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }).filter((s) => !/\s/.test(s) && s.trim() === s),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        async (text, id, secret) => {
          const body = JSON.stringify({ type: 'x.y', text });
          const result = await verifyWebhook({ body, headers: standardHeaders(body, { secret, id }) }, { secret });
          expect(result.event).toEqual({ type: 'x.y', text });
          expect(result.id).toBe(id);
          expect(await reasonOf(verifyWebhook({ body, headers: standardHeaders(body, { secret, id }) }, { secret: secret + 'x' }))).toBe(
            'signature_mismatch',
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  describe('timestamp tolerance (frozen time)', () => {
    it.each([
      [0, 300, undefined],
      [-300, 300, undefined],
      [300, 300, undefined],
      [-301, 300, 'timestamp_too_old'],
      [301, 300, 'timestamp_too_new'],
      [-3600, 300, 'timestamp_too_old'],
      [-10, 10, undefined],
      [-11, 10, 'timestamp_too_old'],
      [11, 10, 'timestamp_too_new'],
      [0, 0, undefined],
      [1, 0, 'timestamp_too_new'],
      [-1, 0, 'timestamp_too_old'],
      [-86_400, 86_400, undefined],
    ])('offset %i s with tolerance %i s → %s', async (offset, toleranceSeconds, reason) => {
      const headers = standardHeaders(BODY, { timestamp: NOW + offset });
      expect(await reasonOf(verifyWebhook({ body: BODY, headers }, { secret: SECRET, toleranceSeconds }))).toBe(reason);
    });

    it('uses whole seconds of "now" like the Standard Webhooks libraries', async () => {
      vi.setSystemTime(NOW * 1000 + 999);
      const headers = standardHeaders(BODY, { timestamp: NOW - 300 });
      expect(await reasonOf(verifyWebhook({ body: BODY, headers }, { secret: SECRET }))).toBeUndefined();
    });

    it('checks the timestamp before the signature', async () => {
      const headers = { ...standardHeaders(BODY, { timestamp: NOW - 1000 }), 'webhook-signature': 'v1,AAAA' };
      expect(await reasonOf(verifyWebhook({ body: BODY, headers }, { secret: SECRET }))).toBe('timestamp_too_old');
    });
  });

  it.each([
    ['tampered body', (h: Record<string, string>) => ({ body: BODY + ' ', headers: h }), 'signature_mismatch'],
    ['wrong id', (h: Record<string, string>) => ({ body: BODY, headers: { ...h, 'webhook-id': 'msg_other' } }), 'signature_mismatch'],
    ['bad base64', (h: Record<string, string>) => ({ body: BODY, headers: { ...h, 'webhook-signature': 'v1,@@@' } }), 'signature_mismatch'],
    ['only v2 entries', (h: Record<string, string>) => ({ body: BODY, headers: { ...h, 'webhook-signature': 'v2,abc' } }), 'malformed'],
    ['garbage signature header', (h: Record<string, string>) => ({ body: BODY, headers: { ...h, 'webhook-signature': 'nonsense' } }), 'malformed'],
    ['non-numeric timestamp', (h: Record<string, string>) => ({ body: BODY, headers: { ...h, 'webhook-timestamp': '12a' } }), 'malformed'],
    ['ms timestamp', (h: Record<string, string>) => ({ body: BODY, headers: { ...h, 'webhook-timestamp': String(NOW * 1000) } }), 'malformed'],
    ['missing id', (h: Record<string, string>) => ({ body: BODY, headers: { ...h, 'webhook-id': undefined } }), 'missing_header'],
    ['missing timestamp', (h: Record<string, string>) => ({ body: BODY, headers: { ...h, 'webhook-timestamp': undefined } }), 'missing_header'],
    ['missing signature', (h: Record<string, string>) => ({ body: BODY, headers: { ...h, 'webhook-signature': undefined } }), 'missing_header'],
    ['no headers at all', () => ({ body: BODY, headers: {} }), 'missing_header'],
  ])('%s → %s', async (_label, make, reason) => {
    const input = make(standardHeaders(BODY)) as never;
    expect(await reasonOf(verifyWebhook(input, { secret: SECRET }))).toBe(reason);
  });

  it('rejects a wrong secret, including the base64-decoded-tail interpretation', async () => {
    const headers = standardHeaders(BODY);
    expect(await reasonOf(verifyWebhook({ body: BODY, headers }, { secret: 'whsec_other' }))).toBe('signature_mismatch');
    const tailKeyed = createHmac('sha256', Buffer.from(SECRET.slice(6), 'base64'))
      .update(`msg_2abc.${NOW}.${BODY}`)
      .digest('base64');
    const tailHeaders = { ...headers, 'webhook-signature': `v1,${tailKeyed}` };
    expect(await reasonOf(verifyWebhook({ body: BODY, headers: tailHeaders }, { secret: SECRET }))).toBe('signature_mismatch');
  });

  it('passes when any one of several signatures matches', async () => {
    const good = standardHeaders(BODY)['webhook-signature'];
    const other = standardHeaders(BODY, { secret: 'whsec_rotated' })['webhook-signature'];
    for (const list of [`${other} ${good}`, `${good} ${other}`, `v2,xyz ${good}`, `  ${other}   ${good}  `]) {
      const headers = { ...standardHeaders(BODY), 'webhook-signature': list };
      expect((await verifyWebhook({ body: BODY, headers }, { secret: SECRET })).event).toEqual(event);
    }
    const headers = { ...standardHeaders(BODY), 'webhook-signature': `${other} v1,AAAA` };
    expect(await reasonOf(verifyWebhook({ body: BODY, headers }, { secret: SECRET }))).toBe('signature_mismatch');
  });

  it('reads Headers objects and plain objects case-insensitively (and header arrays)', async () => {
    const plain = standardHeaders(BODY);
    expect((await verifyWebhook({ body: BODY, headers: new Headers(plain) }, { secret: SECRET })).event).toEqual(event);
    const upper = Object.fromEntries(Object.entries(plain).map(([k, v]) => [k.toUpperCase(), v]));
    expect((await verifyWebhook({ body: BODY, headers: upper }, { secret: SECRET })).event).toEqual(event);
    const mixed = {
      'Webhook-Id': plain['webhook-id'],
      'Webhook-Timestamp': plain['webhook-timestamp'],
      'WEBHOOK-signature': [plain['webhook-signature']],
    };
    expect((await verifyWebhook({ body: BODY, headers: mixed }, { secret: SECRET })).event).toEqual(event);
  });

  it("accepts Node's IncomingHttpHeaders as they come from http.createServer", async () => {
    const incoming: IncomingHttpHeaders = { ...standardHeaders(BODY), 'set-cookie': ['a=1'], host: 'example.com' };
    expect((await verifyWebhook({ body: BODY, headers: incoming }, { secret: SECRET })).event).toEqual(event);
  });

  it('accepts the body as string, Uint8Array (also a subarray view) and ArrayBuffer', async () => {
    const headers = standardHeaders(BODY);
    const bytes = new TextEncoder().encode(BODY);
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 4);
    for (const body of [BODY, bytes, bytes.buffer, padded.subarray(4, 4 + bytes.length), Buffer.from(BODY)]) {
      expect((await verifyWebhook({ body, headers }, { secret: SECRET })).event).toEqual(event);
    }
  });

  it('signs the raw bytes: a body that is not valid UTF-8 is checked byte for byte', async () => {
    const body = new Uint8Array([...new TextEncoder().encode('{"type":"a.b","x":"'), 0xff, 0xfe, ...new TextEncoder().encode('"}')]);
    const headers = standardHeaders(body);
    const result = await verifyWebhook({ body, headers }, { secret: SECRET });
    expect(result.event.type).toBe('a.b');
  });

  it.each([
    ['not JSON', 'hello'],
    ['JSON without type', '{"id":"x"}'],
    ['a JSON array', '[1,2]'],
    ['JSON null', 'null'],
  ])('a correctly signed body that is %s → invalid_json', async (_label, body) => {
    expect(await reasonOf(verifyWebhook({ body, headers: standardHeaders(body) }, { secret: SECRET }))).toBe('invalid_json');
  });

  it('never puts the secret or any signature into the error (message or properties)', async () => {
    const headers = standardHeaders(BODY);
    const expected = headers['webhook-signature'].slice(3);
    const wrongSecretMac = standardHeaders(BODY, { secret: 'whsec_other' })['webhook-signature'].slice(3);
    const cases = [
      () => verifyWebhook({ body: BODY + 'x', headers }, { secret: SECRET }),
      () => verifyWebhook({ body: BODY, headers: standardHeaders(BODY, { secret: 'whsec_other' }) }, { secret: SECRET }),
      () => verifyWebhook({ body: BODY, headers: { ...headers, 'webhook-timestamp': String(NOW - 999) } }, { secret: SECRET }),
      () => verifyWebhook({ body: BODY, headers: { 'x-ik-signature': legacyHeader(BODY, { secret: 'whsec_other' }) } }, { secret: SECRET }),
    ];
    for (const call of cases) {
      const error = (await call().catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(WebhookVerificationError);
      const dump = `${error.message} ${JSON.stringify(error)} ${String(error.stack)} ${JSON.stringify(Object.getOwnPropertyNames(error).map((k) => String((error as never)[k])))}`;
      for (const secretThing of [SECRET, SECRET.slice(6), expected, wrongSecretMac]) expect(dump).not.toContain(secretThing);
    }
  });

  it.each([
    [{ secret: '' }, TypeError, /`secret`/],
    [{ secret: undefined }, TypeError, /`secret`/],
    [{ secret: SECRET, toleranceSeconds: -1 }, RangeError, /`toleranceSeconds`/],
    [{ secret: SECRET, toleranceSeconds: NaN }, RangeError, /`toleranceSeconds`/],
    [{ secret: SECRET, toleranceSeconds: Infinity }, RangeError, /`toleranceSeconds`/],
    [{ secret: SECRET, toleranceSeconds: '300' }, TypeError, /`toleranceSeconds`/],
  ])('options %j are rejected', async (options, type, pattern) => {
    const call = () => verifyWebhook({ body: BODY, headers: standardHeaders(BODY) }, options as never);
    await expect(call()).rejects.toThrow(type);
    await expect(call()).rejects.toThrow(pattern);
  });

  it('rejects a parsed (non-raw) body and missing headers with TypeError', async () => {
    await expect(verifyWebhook({ body: event as never, headers: standardHeaders(BODY) }, { secret: SECRET })).rejects.toThrow(/raw body/);
    await expect(verifyWebhook({ body: BODY, headers: undefined as never }, { secret: SECRET })).rejects.toThrow(TypeError);
  });
});

describe('verifyWebhook (legacy x-ik-signature)', () => {
  it('verifies and returns the millisecond timestamp as a Date', async () => {
    const t = NOW * 1000 + 123;
    const result = await verifyWebhook({ body: BODY, headers: { 'x-ik-signature': legacyHeader(BODY, { t }) } }, { secret: SECRET });
    expect(result).toEqual({ event, timestamp: new Date(t), id: undefined, scheme: 'legacy' });
  });

  it('accepts what the legacy imagekit v6 verifyWebhookEvent accepts (within the tolerance)', async () => {
    const legacy = new ImageKitV6({ publicKey: 'public_x', privateKey: 'private_x', urlEndpoint: 'https://ik.imagekit.io/demo' });
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 100 }), fc.integer({ min: -300_000, max: 300_000 }), async (text, offsetMs) => {
        const body = JSON.stringify({ type: 'file.updated', text });
        const header = legacyHeader(body, { t: NOW * 1000 + offsetMs });
        const theirs = legacy.verifyWebhookEvent(body, header, SECRET);
        const ours = await verifyWebhook({ body, headers: { 'X-IK-Signature': header } }, { secret: SECRET });
        expect(ours.event).toEqual(theirs.event);
        expect(ours.timestamp.getTime()).toBe(theirs.timestamp);
      }),
      { numRuns: 100 },
    );
  });

  // The published legacy vector (t=1655788406333 → d30758f4…) cannot be replayed: its body
  // was never published. The node:crypto oracle and the legacy SDK above cover the same algorithm and key.

  describe('tolerance applies to the ms timestamp', () => {
    it.each([
      [0, 300, undefined],
      [-300_000, 300, undefined],
      [300_000, 300, undefined],
      [-300_001, 300, 'timestamp_too_old'],
      [300_001, 300, 'timestamp_too_new'],
      [-301_000, 300, 'timestamp_too_old'],
      [301_000, 300, 'timestamp_too_new'],
      [-60_000, 60, undefined],
      [-61_000, 60, 'timestamp_too_old'],
    ])('offset %i ms with tolerance %i s → %s', async (offsetMs, toleranceSeconds, reason) => {
      const headers = { 'x-ik-signature': legacyHeader(BODY, { t: NOW * 1000 + offsetMs }) };
      expect(await reasonOf(verifyWebhook({ body: BODY, headers }, { secret: SECRET, toleranceSeconds }))).toBe(reason);
    });
  });

  it.each([
    ['tampered body', BODY + ' ', legacyHeader(BODY), 'signature_mismatch'],
    ['wrong secret', BODY, legacyHeader(BODY, { secret: 'whsec_other' }), 'signature_mismatch'],
    ['no t', BODY, legacyHeader(BODY).replace(/^t=\d+,/, ''), 'malformed'],
    ['t not a number', BODY, legacyHeader(BODY).replace(/^t=\d+/, 't=abc'), 'malformed'],
    ['no v1', BODY, `t=${NOW * 1000}`, 'malformed'],
    ['v1 not hex', BODY, `t=${NOW * 1000},v1=zz`, 'signature_mismatch'],
    ['empty header', BODY, '', 'malformed'],
    ['old t checked before the signature', BODY, `t=${(NOW - 1000) * 1000},v1=00`, 'timestamp_too_old'],
  ])('%s → %s', async (_label, body, header, reason) => {
    expect(await reasonOf(verifyWebhook({ body, headers: { 'x-ik-signature': header } }, { secret: SECRET }))).toBe(reason);
  });

  it('passes when one of several v1 entries matches', async () => {
    const good = legacyHeader(BODY);
    const header = `${good.split(',')[0]},v1=${'0'.repeat(64)},${good.split(',')[1]}`;
    expect((await verifyWebhook({ body: BODY, headers: new Headers({ 'x-ik-signature': header }) }, { secret: SECRET })).scheme).toBe('legacy');
  });

  it('prefers the Standard Webhooks headers when both are present', async () => {
    const headers = { ...standardHeaders(BODY), 'x-ik-signature': 't=1,v1=00' };
    expect((await verifyWebhook({ body: BODY, headers }, { secret: SECRET })).scheme).toBe('standard');
  });
});

describe('verifyLegacyWebhook (the legacy scheme alone, for ImageKit#verifyWebhookEvent)', () => {
  /** What a promise settles with: the value, or the error's class, reason and message. */
  const outcome = (promise: Promise<unknown>) =>
    promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error: [(error as Error).constructor.name, (error as { reason?: string }).reason, (error as Error).message] }),
    );
  const header = legacyHeader(BODY);
  const cases: [string, unknown, unknown, unknown][] = [
    ['valid', BODY, header, SECRET],
    ['valid, header lines as an array', BODY, [header, 't=1,v1=00'], SECRET],
    ['valid, bytes', new TextEncoder().encode(BODY), header, SECRET],
    ['tampered body', BODY + ' ', header, SECRET],
    ['wrong secret', BODY, header, 'whsec_other'],
    ['too old', BODY, legacyHeader(BODY, { t: NOW * 1000 - 300_001 }), SECRET],
    ['malformed header', BODY, 'v1=abc', SECRET],
    ['empty header', BODY, '', SECRET],
    ['no header', BODY, undefined, SECRET],
    ['a number as header', BODY, 5, SECRET],
    ['missing secret', BODY, header, ''],
    ['parsed JSON as body', event, header, SECRET],
    ['signed but not JSON', 'nope', legacyHeader('nope'), SECRET],
  ];
  it.each(cases)('%s: the same outcome as verifyWebhook with an x-ik-signature header', async (_name, body, signature, secret) => {
    const alone = await outcome(verifyLegacyWebhook(body as string, signature, secret as string));
    const whole = await outcome(
      verifyWebhook({ body: body as string, headers: { 'x-ik-signature': signature as string } }, { secret: secret as string }).then(
        ({ event: parsed, timestamp }) => ({ event: parsed, timestamp }),
      ),
    );
    expect(alone).toEqual(whole);
  });

  it('ignores Standard Webhooks (it is given only the legacy header)', async () => {
    await expect(verifyLegacyWebhook(BODY, header, SECRET)).resolves.toEqual({ event, timestamp: new Date(NOW * 1000) });
  });
});

describe('event types', () => {
  it('narrow with isWebhookEvent', async () => {
    const body = JSON.stringify({
      id: 'e',
      type: 'video.transformation.ready',
      created_at: 'x',
      data: { asset: { url: 'u' }, transformation: { type: 'video-transformation', output: { url: 'https://out' } } },
      request: { url: 'u', x_request_id: 'r' },
    });
    const { event: e } = await verifyWebhook({ body, headers: standardHeaders(body) }, { secret: SECRET });
    const received: WebhookEvent = e;
    expect(isWebhookEvent(received, 'file.created')).toBe(false);
    if (!isWebhookEvent(received, 'video.transformation.ready')) throw new Error('expected ready event');
    const url: string | undefined = received.data.transformation.output?.url;
    expect(url).toBe('https://out');
  });

  it('let unknown event types through', async () => {
    const body = JSON.stringify({ id: 'e', type: 'brand.new.event', data: { x: 1 } });
    const { event: e } = await verifyWebhook({ body, headers: standardHeaders(body) }, { secret: SECRET });
    expect(e.type).toBe('brand.new.event');
  });
});
