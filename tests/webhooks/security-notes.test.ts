// The two README › Security notes this area owns, checked against node:crypto.
import { afterEach, describe, it, expect, vi } from 'vitest';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { signUrl } from '../../src/signing/sign-url.js';
import { verifyWebhook } from '../../src/webhooks/verify.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const privateKey = 'private_demo_key';
const urlEndpoint = 'https://ik.imagekit.io/demo';
const sha1 = (text: string) => createHmac('sha1', privateKey).update(text).digest('hex');

afterEach(() => vi.useRealTimers());

describe('README › Security', () => {
  it('moving trailing digits of the signed URL into `ik-t` keeps the signature (the example is true)', async () => {
    vi.useFakeTimers();
    vi.setSystemTime((1_767_225_600 - 600) * 1000);
    const signed = await signUrl(`${urlEndpoint}/a.jpg?v=123`, { privateKey, urlEndpoint, expireSeconds: 600 });
    const signature = new URL(signed).searchParams.get('ik-s')!;
    expect(signed).toBe(`${urlEndpoint}/a.jpg?v=123&ik-t=1767225600&ik-s=${signature}`);
    expect(sha1('a.jpg?v=123' + '1767225600')).toBe(signature);
    // The URL in the README's second example, with the same ik-s.
    expect(sha1('a.jpg?v=12' + '31767225600')).toBe(signature);
    expect(new Date(31_767_225_600 * 1000).getUTCFullYear()).toBe(2976);
    expect(readme).toContain('`…/a.jpg?v=123&ik-t=1767225600&ik-s=S`');
    expect(readme).toContain('`…/a.jpg?v=12&ik-t=31767225600&ik-s=S`');
    expect(readme).toContain('year 2976');
  });

  it('a legacy delivery has no id to de-duplicate on; a Standard Webhooks one returns its webhook-id', async () => {
    const secret = 'whsec_x';
    const body = '{"id":"evt_1","type":"file.created"}';
    const t = Date.now();
    const legacy = await verifyWebhook(
      { body, headers: { 'x-ik-signature': `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}` } },
      { secret },
    );
    expect(legacy.id).toBeUndefined();
    const seconds = Math.floor(t / 1000);
    const mac = createHmac('sha256', secret).update(`msg_1.${seconds}.${body}`).digest('base64');
    const standard = await verifyWebhook(
      { body, headers: { 'webhook-id': 'msg_1', 'webhook-timestamp': String(seconds), 'webhook-signature': `v1,${mac}` } },
      { secret },
    );
    expect(standard.id).toBe('msg_1');
  });
});
