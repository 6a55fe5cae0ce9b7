// How verifyWebhook treats the signature candidates of one header: one MAC per call
// whatever the header holds, only well-formed candidates count, at most 8 of them, and a
// `Headers` object that joined two lines with ", " still verifies.
import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import fc from 'fast-check';
import { createHmac, randomBytes } from 'node:crypto';
import ImageKit from '@imagekit/nodejs';
import { verifyWebhook } from '../../src/webhooks/verify.js';
import { WebhookVerificationError, type WebhookFailureReason } from '../../src/errors.js';

const SECRET = 'whsec_xeO2UNkfKMQnfJf7Q/Qx+fYptL1wabXd';
const NOW = 1_735_689_600; // Unix seconds
const ID = 'msg_2abc';
const BODY = JSON.stringify({ id: 'evt_1', type: 'file.created', data: { fileId: 'f1' } });

function standardMac(body: string | Uint8Array, { secret = SECRET, id = ID, timestamp = NOW } = {}): string {
  return createHmac('sha256', secret).update(`${id}.${timestamp}.`).update(body).digest('base64');
}

function legacyMac(body: string | Uint8Array, { secret = SECRET, t = NOW * 1000 } = {}): string {
  return createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
}

const standardHeaders = (signature: string, timestamp = NOW, id = ID) => ({
  'webhook-id': id,
  'webhook-timestamp': String(timestamp),
  'webhook-signature': signature,
});

async function reasonOf(promise: Promise<unknown>): Promise<WebhookFailureReason | undefined> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).reason;
  }
  return undefined;
}

/**
 * Counts every MAC the SDK could compute through Web Crypto (`sign` and `verify`; also
 * `importKey` and `digest`, in case an implementation hashes by hand). Node's `createHmac`
 * is not reachable this way, so it is checked separately that the count is not zero.
 */
function countCryptoCalls(): { readonly count: number } {
  const subtle = globalThis.crypto.subtle;
  const spies = (['sign', 'verify', 'importKey', 'digest'] as const).map((name) => vi.spyOn(subtle, name));
  return {
    get count() {
      return spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
    },
  };
}

async function callsFor(run: () => Promise<unknown>): Promise<number> {
  const counter = countCryptoCalls();
  await run().catch(() => undefined);
  const { count } = counter;
  vi.restoreAllMocks();
  return count;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW * 1000);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('verifyWebhook computes one MAC per call, whatever the header holds', () => {
  it('Standard Webhooks: 3,000 empty `v1,` candidates cost what one candidate costs', async () => {
    // Warm the key cache so that every measured call does the same key work.
    await verifyWebhook({ body: BODY, headers: standardHeaders(`v1,${standardMac(BODY)}`) }, { secret: SECRET });
    const one = await callsFor(() => verifyWebhook({ body: BODY, headers: standardHeaders('v1,') }, { secret: SECRET }));
    const oneValid = await callsFor(() => verifyWebhook({ body: BODY, headers: standardHeaders(`v1,${standardMac(BODY)}`) }, { secret: SECRET }));
    const stuffed = standardHeaders(Array(3000).fill('v1,').join(' '));
    const many = await callsFor(async () => {
      expect(await reasonOf(verifyWebhook({ body: BODY, headers: stuffed }, { secret: SECRET }))).toBe('signature_mismatch');
    });
    const stuffedThenValid = standardHeaders(`${Array(3000).fill('v1,').join(' ')} v1,${standardMac(BODY)}`);
    const manyThenValid = await callsFor(async () => {
      expect((await verifyWebhook({ body: BODY, headers: stuffedThenValid }, { secret: SECRET })).scheme).toBe('standard');
    });
    expect(one).toBeGreaterThan(0); // the counter does see the MAC
    expect([oneValid, many, manyThenValid]).toEqual([one, one, one]);
  });

  it('legacy: 2,500 `v1=00` candidates cost what one candidate costs', async () => {
    const t = NOW * 1000;
    await verifyWebhook({ body: BODY, headers: { 'x-ik-signature': `t=${t},v1=${legacyMac(BODY)}` } }, { secret: SECRET });
    const one = await callsFor(() => verifyWebhook({ body: BODY, headers: { 'x-ik-signature': `t=${t},v1=00` } }, { secret: SECRET }));
    const stuffed = `t=${t}${',v1=00'.repeat(2500)}`;
    const many = await callsFor(async () => {
      expect(await reasonOf(verifyWebhook({ body: BODY, headers: { 'x-ik-signature': stuffed } }, { secret: SECRET }))).toBe('signature_mismatch');
    });
    const manyThenValid = await callsFor(async () => {
      const header = `${stuffed},v1=${legacyMac(BODY)}`;
      expect((await verifyWebhook({ body: BODY, headers: { 'x-ik-signature': header } }, { secret: SECRET })).scheme).toBe('legacy');
    });
    expect(one).toBeGreaterThan(0);
    expect([many, manyThenValid]).toEqual([one, one]);
  });

  it('well-formed candidates share the one MAC too (8 candidates, one computation)', async () => {
    await verifyWebhook({ body: BODY, headers: standardHeaders(`v1,${standardMac(BODY)}`) }, { secret: SECRET });
    const one = await callsFor(() => verifyWebhook({ body: BODY, headers: standardHeaders(`v1,${standardMac(BODY)}`) }, { secret: SECRET }));
    const decoys = Array.from({ length: 7 }, () => `v1,${randomBytes(32).toString('base64')}`);
    const eight = await callsFor(() =>
      verifyWebhook({ body: BODY, headers: standardHeaders(`${decoys.join(' ')} v1,${standardMac(BODY)}`) }, { secret: SECRET }),
    );
    expect(eight).toBe(one);
  });
});

describe('verifyWebhook and a Headers object holding two signature lines', () => {
  it('Standard Webhooks: the lines are joined with ", " and either valid line verifies', async () => {
    const good = `v1,${standardMac(BODY)}`;
    const other = `v1,${standardMac(BODY, { secret: 'whsec_rotated' })}`;
    for (const [first, second] of [
      [good, other],
      [other, good],
    ]) {
      const headers = new Headers({ 'webhook-id': ID, 'webhook-timestamp': String(NOW) });
      headers.append('webhook-signature', first!);
      headers.append('webhook-signature', second!);
      expect(headers.get('webhook-signature')).toBe(`${first}, ${second}`);
      const result = await verifyWebhook({ body: BODY, headers }, { secret: SECRET });
      expect(result.scheme).toBe('standard');
    }
  });

  it('Standard Webhooks: two joined lines that are both wrong → signature_mismatch', async () => {
    const headers = new Headers({ 'webhook-id': ID, 'webhook-timestamp': String(NOW) });
    headers.append('webhook-signature', `v1,${standardMac(BODY, { secret: 'whsec_a' })}`);
    headers.append('webhook-signature', `v1,${standardMac(BODY, { secret: 'whsec_b' })}`);
    expect(await reasonOf(verifyWebhook({ body: BODY, headers }, { secret: SECRET }))).toBe('signature_mismatch');
  });

  it('legacy: the first line verifies even when the second has another timestamp', async () => {
    const t = NOW * 1000;
    const headers = new Headers();
    headers.append('x-ik-signature', `t=${t},v1=${legacyMac(BODY, { t })}`);
    headers.append('x-ik-signature', `t=${t + 5},v1=${legacyMac(BODY, { t: t + 5, secret: 'whsec_rotated' })}`);
    expect(headers.get('x-ik-signature')).toContain(', t=');
    const result = await verifyWebhook({ body: BODY, headers }, { secret: SECRET });
    expect(result.timestamp.getTime()).toBe(t);
  });
});

describe('verifyWebhook and a plain object holding repeated lines as an array', () => {
  it('either valid line verifies, in both schemes', async () => {
    const good = `v1,${standardMac(BODY)}`;
    const other = `v1,${standardMac(BODY, { secret: 'whsec_rotated' })}`;
    for (const lines of [
      [good, other],
      [other, good],
    ]) {
      const headers = { ...standardHeaders(''), 'webhook-signature': lines };
      expect((await verifyWebhook({ body: BODY, headers }, { secret: SECRET })).scheme).toBe('standard');
    }
    const t = NOW * 1000;
    const lines = [`t=${t},v1=${legacyMac(BODY, { t })}`, `t=${t + 5},v1=${legacyMac(BODY, { t: t + 5, secret: 'whsec_rotated' })}`];
    const result = await verifyWebhook({ body: BODY, headers: { 'x-ik-signature': lines } }, { secret: SECRET });
    expect(result.timestamp.getTime()).toBe(t);
  });
});

describe('verifyWebhook ignores malformed candidates', () => {
  const mac = standardMac(BODY);
  const noncanonical = `${mac.slice(0, 42)}${String.fromCharCode(mac.charCodeAt(42) + 1)}=`; // same bytes to a lenient decoder
  it.each([
    ['empty', 'v1,'],
    ['not base64', 'v1,@@@@'],
    ['31 bytes', `v1,${randomBytes(31).toString('base64')}`],
    ['33 bytes', `v1,${randomBytes(33).toString('base64')}`],
    ['unpadded', `v1,${mac.slice(0, -1)}`],
    ['url-safe alphabet', `v1,${randomBytes(32).toString('base64url')}=`],
    ['other version', `v2,${mac}`],
    ['asymmetric scheme', `v1a,${mac}`],
    ['no comma', 'v1'],
    ['garbage', 'x'.repeat(5000)],
  ])('Standard Webhooks: a %s candidate next to a valid one is ignored', async (_label, decoy) => {
    for (const list of [`${decoy} v1,${mac}`, `v1,${mac} ${decoy}`, `${decoy}, v1,${mac}`]) {
      expect((await verifyWebhook({ body: BODY, headers: standardHeaders(list) }, { secret: SECRET })).scheme).toBe('standard');
    }
  });

  it.each([
    ['short', 'v1=00'],
    ['empty', 'v1='],
    ['63 digits', `v1=${'a'.repeat(63)}`],
    ['65 digits', `v1=${'a'.repeat(65)}`],
    ['not hex', `v1=${'z'.repeat(64)}`],
    ['other version', `v2=${legacyMac(BODY)}`],
    ['no equals sign', 'v1'],
    ['garbage', 'x'.repeat(5000)],
  ])('legacy: a %s candidate next to a valid one is ignored', async (_label, decoy) => {
    const t = NOW * 1000;
    for (const header of [`t=${t},${decoy},v1=${legacyMac(BODY)}`, `t=${t},v1=${legacyMac(BODY).toUpperCase()},${decoy}`]) {
      expect((await verifyWebhook({ body: BODY, headers: { 'x-ik-signature': header } }, { secret: SECRET })).scheme).toBe('legacy');
    }
  });

  it('accepts only the canonical base64 spelling of the MAC, as @imagekit/nodejs does', async () => {
    const official = new ImageKit({ privateKey: 'private_x', webhookSecret: SECRET });
    const spellings = [mac, noncanonical, mac.replace(/\+/g, '-').replace(/\//g, '_'), mac.slice(0, -1), ` ${mac}`];
    for (const spelling of spellings) {
      const headers = standardHeaders(`v1,${spelling}`);
      let theirs = true;
      try {
        official.webhooks.unwrap(BODY, { headers });
      } catch {
        theirs = false;
      }
      const ours = (await reasonOf(verifyWebhook({ body: BODY, headers }, { secret: SECRET }))) === undefined;
      expect([spelling, ours]).toEqual([spelling, theirs]);
    }
    expect(noncanonical).not.toBe(mac);
    expect(Buffer.from(noncanonical, 'base64')).toEqual(Buffer.from(mac, 'base64'));
  });

  it('compares at most 8 well-formed candidates: a valid 9th is not considered', async () => {
    const decoys = (n: number) => Array.from({ length: n }, () => `v1,${randomBytes(32).toString('base64')}`);
    const eighth = standardHeaders(`${decoys(7).join(' ')} v1,${mac}`);
    expect((await verifyWebhook({ body: BODY, headers: eighth }, { secret: SECRET })).scheme).toBe('standard');
    const ninth = standardHeaders(`${decoys(8).join(' ')} v1,${mac}`);
    expect(await reasonOf(verifyWebhook({ body: BODY, headers: ninth }, { secret: SECRET }))).toBe('signature_mismatch');
    const hex = () => `v1=${randomBytes(32).toString('hex')}`;
    const t = NOW * 1000;
    const legacyNinth = `t=${t},${Array.from({ length: 8 }, hex).join(',')},v1=${legacyMac(BODY)}`;
    expect(await reasonOf(verifyWebhook({ body: BODY, headers: { 'x-ik-signature': legacyNinth } }, { secret: SECRET }))).toBe('signature_mismatch');
  });
});

describe('verifyWebhook against a node:crypto oracle, with decoys', () => {
  const malformedStandard = fc.constantFrom('v1,', 'v1,AAAA', 'v2,abc', 'v1a,xyz', 'v1,@@@', 'nonsense', 'v1,' + 'A'.repeat(43));
  const malformedLegacy = fc.constantFrom('v1=00', 'v1=', 'v1=zz', 'v2=00', 'junk', `v1=${'0'.repeat(63)}`, ' ');
  const wellFormedDecoy = fc.uint8Array({ minLength: 32, maxLength: 32 });
  const secretArb = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
  const textArb = fc.string({ unit: 'grapheme', maxLength: 120 });
  const idArb = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }).filter((s) => !/[\s,]/.test(s));
  const timestampArb = fc.integer({ min: 1_000_000_000, max: 4_000_000_000 });

  /** Places `valid` at `position` among the decoys (a position past the end appends). */
  const place = (decoys: readonly string[], valid: string, position: number) => [...decoys.slice(0, position), valid, ...decoys.slice(position)];

  it('Standard Webhooks: the valid signature verifies at any position among up to 7 well-formed and 20 malformed decoys', async () => {
    await fc.assert(
      fc.asyncProperty(
        secretArb,
        textArb,
        idArb,
        timestampArb,
        fc
          .array(fc.oneof(wellFormedDecoy, malformedStandard), { maxLength: 27 })
          .filter((list) => list.filter((d) => typeof d !== 'string').length <= 7),
        fc.nat(),
        fc.constantFrom(' ', ', ', '  '),
        async (secret, text, id, timestamp, rawDecoys, position, separator) => {
          vi.setSystemTime(timestamp * 1000);
          const body = JSON.stringify({ type: 'x.y', text });
          const decoys = rawDecoys.map((d) => (typeof d === 'string' ? d : `v1,${Buffer.from(d).toString('base64')}`));
          const valid = `v1,${standardMac(body, { secret, id, timestamp })}`;
          const headers = standardHeaders(place(decoys, valid, position % (decoys.length + 1)).join(separator), timestamp, id);
          const result = await verifyWebhook({ body, headers }, { secret });
          expect(result.event).toEqual({ type: 'x.y', text });
          expect(result.id).toBe(id);
          const tampered = JSON.stringify({ type: 'x.y', text: text + '!' });
          expect(await reasonOf(verifyWebhook({ body: tampered, headers }, { secret }))).toBe('signature_mismatch');
          expect(await reasonOf(verifyWebhook({ body, headers }, { secret: secret + 'x' }))).toBe('signature_mismatch');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('legacy: the valid signature verifies at any position among up to 7 well-formed and 20 malformed decoys', async () => {
    await fc.assert(
      fc.asyncProperty(
        secretArb,
        textArb,
        timestampArb,
        fc
          .array(fc.oneof(wellFormedDecoy, malformedLegacy), { maxLength: 27 })
          .filter((list) => list.filter((d) => typeof d !== 'string').length <= 7),
        fc.nat(),
        fc.boolean(),
        async (secret, text, seconds, rawDecoys, position, upper) => {
          const t = seconds * 1000 + (position % 1000);
          vi.setSystemTime(t);
          const body = JSON.stringify({ type: 'x.y', text });
          const decoys = rawDecoys.map((d) => (typeof d === 'string' ? d : `v1=${Buffer.from(d).toString('hex')}`));
          const mac = legacyMac(body, { secret, t });
          const valid = `v1=${upper ? mac.toUpperCase() : mac}`;
          const header = `t=${t},${place(decoys, valid, position % (decoys.length + 1)).join(',')}`;
          const result = await verifyWebhook({ body, headers: { 'x-ik-signature': header } }, { secret });
          expect(result.timestamp.getTime()).toBe(t);
          const tampered = JSON.stringify({ type: 'x.y', text: text + '!' });
          expect(await reasonOf(verifyWebhook({ body: tampered, headers: { 'x-ik-signature': header } }, { secret }))).toBe('signature_mismatch');
        },
      ),
      { numRuns: 200 },
    );
  });
});
