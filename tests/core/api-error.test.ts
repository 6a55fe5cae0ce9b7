import { describe, expect, it } from 'vitest';
import { ApiError, InternalServerError, RateLimitError, isApiError } from '../../src/errors.js';

describe('ApiError', () => {
  it('keeps a long non-JSON error page out of the message but in the body', () => {
    const page = `<html>${'x'.repeat(10_000)}</html>`;
    const error = ApiError.from({ status: 502, headers: {}, body: { message: page }, method: 'GET', path: '/v1/files' });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toMatch(/^Request failed with status 502: GET \/v1\/files \(<html>x+…\)$/);
    expect((error.body as { message: string }).message).toBe(page);
  });

  it('reads the rate-limit reset (ms duration) before Retry-After', () => {
    const error = ApiError.from({
      status: 429,
      headers: { 'x-ratelimit-reset': '1500', 'retry-after': '9', 'x-ratelimit-limit': '10', 'x-ratelimit-interval': '1000' },
      body: { message: 'Too many requests' },
      method: 'GET',
      path: '/v1/files',
    });
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(1500);
    expect(error.rateLimit).toEqual({ limit: 10, resetMs: 1500, intervalMs: 1000 });
    expect(isApiError(JSON.parse(JSON.stringify(error)))).toBe(false);
  });
});
