import { describe, it, expect } from 'vitest';
import { api, basic, call, emulatorAt, upload } from './helpers.js';

async function statuses(seed: number, count: number, faults: Parameters<ReturnType<typeof emulatorAt>['setFaults']>[0]) {
  const emulator = emulatorAt({ seed, faults });
  const out: Array<number | 'drop'> = [];
  for (let i = 0; i < count; i++) {
    const response = await emulator.handle(new Request(`${api}/v1/files`, { headers: { authorization: basic(emulator.privateKey) } }));
    out.push(response.type === 'error' ? 'drop' : response.status);
  }
  return out;
}

describe('rate limit (fixed windows per account)', () => {
  it('answers that went through carry no rate-limit headers, only the request id', async () => {
    const emulator = emulatorAt({ faults: { rateLimit: { limit: 5, intervalMs: 1000 } } });
    const { headers } = await call(emulator, 'GET', '/v1/files');
    for (const name of ['X-RateLimit-Limit', 'X-RateLimit-Reset', 'X-RateLimit-Interval', 'Retry-After']) expect(headers.get(name)).toBeNull();
    expect(headers.get('x-ik-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await call(emulator, 'GET', '/v1/files/ffffffffffffffffffffffff/details');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('X-RateLimit-Limit')).toBeNull();
  });

  it('a fixed window answers 429 with Limit, Interval, Reset (ms left) and Retry-After (s, rounded up)', async () => {
    const emulator = emulatorAt({ faults: { rateLimit: { limit: 2, intervalMs: 10_000 } } });
    expect((await call(emulator, 'GET', '/v1/files')).status).toBe(200);
    emulator.clock.now += 4000;
    expect((await call(emulator, 'GET', '/v1/files')).status).toBe(200);
    emulator.clock.now += 1;
    const limited = await call(emulator, 'GET', '/v1/files');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('X-RateLimit-Reset')).toBe('5999');
    expect(limited.headers.get('X-RateLimit-Limit')).toBe('2');
    expect(limited.headers.get('X-RateLimit-Interval')).toBe('10000');
    expect(limited.headers.get('Retry-After')).toBe('6');
    expect(limited.body).toMatchObject({ message: expect.any(String), help: expect.any(String) });
    emulator.clock.now += 5998;
    expect((await call(emulator, 'GET', '/v1/files')).status).toBe(429);
    emulator.clock.now += 1;
    // A new window: two more calls, then 429 again.
    expect((await call(emulator, 'GET', '/v1/files')).status).toBe(200);
    expect((await call(emulator, 'GET', '/v1/files')).status).toBe(200);
    expect((await call(emulator, 'GET', '/v1/files')).status).toBe(429);
  });

  it('two windows at once: the tighter one answers, and its figures are the ones sent', async () => {
    const emulator = emulatorAt({
      faults: {
        rateLimit: [
          { limit: 3, intervalMs: 1000 },
          { limit: 5, intervalMs: 60_000 },
        ],
      },
    });
    const seen: Array<number | string> = [];
    for (let second = 0; second < 3; second++) {
      for (let i = 0; i < 4; i++) {
        const { status, headers } = await call(emulator, 'GET', '/v1/files');
        seen.push(
          status === 429
            ? `429:${headers.get('X-RateLimit-Limit')}/${headers.get('X-RateLimit-Interval')}/${headers.get('X-RateLimit-Reset')}`
            : status,
        );
      }
      emulator.clock.now += 1000;
    }
    // Second 1: 3 pass (per-second limit). Second 2: 2 pass (per-minute limit reached, 5 in all).
    // Second 3: the per-minute window is full for 58 s more.
    expect(seen).toEqual([
      200,
      200,
      200,
      '429:3/1000/1000',
      200,
      200,
      '429:5/60000/59000',
      '429:5/60000/59000',
      '429:5/60000/58000',
      '429:5/60000/58000',
      '429:5/60000/58000',
      '429:5/60000/58000',
    ]);
  });

  it('uploads are never limited, and calls refused with 401 are not counted', async () => {
    const emulator = emulatorAt({ faults: { rateLimit: { limit: 1, intervalMs: 1000 } } });
    for (let i = 0; i < 3; i++) expect((await upload(emulator, { file: new Uint8Array([1]), fileName: 'a' })).status).toBe(200);
    const anonymous = await emulator.handle(new Request(`${api}/v1/files`));
    expect(anonymous.status).toBe(401);
    expect((await call(emulator, 'GET', '/v1/files')).status).toBe(200);
    expect((await call(emulator, 'GET', '/v1/files')).status).toBe(429);
  });

  it('every n-th API request is a 429 with `every` (and `rate429`); uploads are never rate-limited', async () => {
    expect(await statuses(1, 6, { rateLimit: { every: 3, resetMs: 1500 } })).toEqual([200, 200, 429, 200, 200, 429]);
    const emulator = emulatorAt({ faults: { rate429: 1 } });
    expect((await upload(emulator, { file: new Uint8Array([1]), fileName: 'a' })).status).toBe(200);
    const limited = await call(emulator, 'GET', '/v1/files');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('X-RateLimit-Reset')).toBe('1000');
    expect(limited.headers.get('Retry-After')).toBe('1');
  });
});

describe('fault injection', () => {
  it('is deterministic for a seed and differs between seeds', async () => {
    const faults = { errorRate: 0.3, dropRate: 0.2 };
    const a = await statuses(42, 40, faults);
    const b = await statuses(42, 40, faults);
    const c = await statuses(43, 40, faults);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    expect(a.filter((status) => status === 'drop').length).toBeGreaterThan(0);
    expect(a.filter((status) => typeof status === 'number' && status >= 500).length).toBeGreaterThan(0);
    expect(a.every((status) => status === 'drop' || [200, 500, 502, 503, 504].includes(status))).toBe(true);
  });

  it('`only` restricts faults to matching paths', async () => {
    const emulator = emulatorAt({ faults: { errorRate: 1, only: '/api/*' } });
    expect((await call(emulator, 'GET', '/v1/files')).status).toBe(200);
    expect((await upload(emulator, { file: new Uint8Array([1]), fileName: 'a' })).status).toBeGreaterThanOrEqual(500);
  });

  it('faults can be changed at run time, and injected errors do not consume state', async () => {
    const emulator = emulatorAt();
    emulator.faults = { errorRate: 1 };
    expect((await upload(emulator, { file: new Uint8Array([1]), fileName: 'a' })).status).toBeGreaterThanOrEqual(500);
    expect(emulator.files()).toHaveLength(0);
    emulator.setFaults({});
    expect((await upload(emulator, { file: new Uint8Array([1]), fileName: 'a' })).status).toBe(200);
  });

  it('adds latency', async () => {
    const emulator = emulatorAt({ faults: { latencyMs: 60 } });
    const started = performance.now();
    await call(emulator, 'GET', '/v1/files');
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('reset() clears state and restarts ids from the seed', async () => {
    const emulator = emulatorAt();
    const first = await (await upload(emulator, { file: new Uint8Array([1]), fileName: 'a' })).json();
    emulator.reset();
    expect(emulator.files()).toEqual([]);
    const again = await (await upload(emulator, { file: new Uint8Array([1]), fileName: 'a' })).json();
    expect(again.fileId).toBe(first.fileId);
    expect(again.name).toBe(first.name);
  });
});
