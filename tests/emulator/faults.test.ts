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

describe('rate-limit headers', () => {
  it('every API response carries X-RateLimit-* and x-ik-requestid', async () => {
    const emulator = emulatorAt();
    const { headers } = await call(emulator, 'GET', '/v1/files');
    expect(headers.get('X-RateLimit-Limit')).toBe('1000');
    expect(headers.get('X-RateLimit-Interval')).toBe('1000');
    expect(Number(headers.get('X-RateLimit-Reset'))).toBeGreaterThanOrEqual(0);
    expect(headers.get('x-ik-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('errors carry them too, uploads carry only the request id', async () => {
    const emulator = emulatorAt();
    const missing = await call(emulator, 'GET', '/v1/files/ffffffffffffffffffffffff/details');
    expect(missing.headers.get('X-RateLimit-Limit')).toBe('1000');
    const uploaded = await upload(emulator, { file: new Uint8Array([1]), fileName: 'a' });
    expect(uploaded.headers.get('x-ik-requestid')).not.toBeNull();
    expect(uploaded.headers.get('X-RateLimit-Limit')).toBeNull();
  });

  it('a sliding window answers 429 with the milliseconds left in X-RateLimit-Reset', async () => {
    const emulator = emulatorAt({ faults: { rateLimit: { limit: 2, intervalMs: 10_000 } } });
    expect((await call(emulator, 'GET', '/v1/files')).status).toBe(200);
    emulator.clock.now += 4000;
    expect((await call(emulator, 'GET', '/v1/files')).status).toBe(200);
    const limited = await call(emulator, 'GET', '/v1/files');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('X-RateLimit-Reset')).toBe('6000');
    expect(limited.headers.get('X-RateLimit-Limit')).toBe('2');
    expect(limited.body).toMatchObject({ message: expect.any(String), help: expect.any(String) });
    emulator.clock.now += 6000;
    expect((await call(emulator, 'GET', '/v1/files')).status).toBe(200);
  });

  it('rate429: every n-th API request is a 429, uploads are never rate-limited', async () => {
    expect(await statuses(1, 6, { rateLimit: { every: 3, resetMs: 1500 } })).toEqual([200, 200, 429, 200, 200, 429]);
    const emulator = emulatorAt({ faults: { rate429: 1 } });
    expect((await upload(emulator, { file: new Uint8Array([1]), fileName: 'a' })).status).toBe(200);
    const limited = await call(emulator, 'GET', '/v1/files');
    expect(limited.status).toBe(429);
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
