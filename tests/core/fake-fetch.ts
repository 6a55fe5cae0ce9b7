/** Injected-fetch helpers for engine tests (not a test file). */
import { createClientContext, type ClientContext, type ClientOptions } from '../../src/core/context.js';

export const privateKey = 'private_test_KEY_0123456789';
export const expectedAuthorization = `Basic ${Buffer.from(`${privateKey}:`).toString('base64')}`;

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

export type Step = Response | Error | 'hang' | 'hang-ignoring-signal' | ((call: RecordedCall) => Response | Promise<Response>);

/** A fetch that plays `steps` in order (the last step repeats) and records every call. */
export function scriptedFetch(steps: Step[]) {
  const calls: RecordedCall[] = [];
  const fetch = (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const call: RecordedCall = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
      signal: init?.signal ?? undefined,
    };
    calls.push(call);
    const step = steps[Math.min(calls.length - 1, steps.length - 1)];
    if (step === 'hang-ignoring-signal') return new Promise<Response>(() => {});
    if (step === 'hang') {
      return new Promise<Response>((_, reject) => {
        const signal = call.signal;
        if (signal?.aborted) reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    if (step instanceof Error) return Promise.reject(step);
    if (typeof step === 'function') return Promise.resolve(step(call));
    return Promise.resolve(step!.clone());
  };
  return { fetch, calls };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function empty(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

export function context(fetch: ClientOptions['fetch'], options: Partial<ClientOptions> = {}): ClientContext {
  return createClientContext({ privateKey, fetch, baseUrl: 'https://api.example.test', ...options });
}

/** A network failure as undici reports it: TypeError('fetch failed') with a coded cause. */
export function networkError(code: string): TypeError {
  const cause = Object.assign(new Error(`connect ${code}`), { code });
  return new TypeError('fetch failed', { cause });
}
