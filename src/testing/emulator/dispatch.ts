/**
 * @module testing/emulator/dispatch
 * The request → response core. Web APIs only (Request, Response, FormData,
 * crypto.subtle, DecompressionStream), so it runs wherever msw runs.
 */
import { uuidFrom, type EmulatorCore, type RequestContext } from './context.js';
import { EmulatorHttpError, errorResponse } from './responses.js';
import { readBasicAuth, requireBasicAuth } from './auth.js';
import { apiRoutes, matchRoute, uploadRoutes } from './routes.js';
import { serveFile } from './serve-file.js';
import { checkRateLimit, decideFault } from './faults.js';

const exposed = 'x-ik-requestid, x-request-id, X-RateLimit-Limit, X-RateLimit-Reset, X-RateLimit-Interval, Retry-After';

/** CORS headers for the request's `Origin`, when the core's policy allows that origin. */
function corsHeaders(core: EmulatorCore, request: Request, headers: Headers): boolean {
  const allowed = core.corsOrigin === undefined ? '*' : core.corsOrigin(request.headers.get('origin'));
  if (allowed === undefined) return false;
  headers.set('access-control-allow-origin', allowed);
  if (allowed !== '*') headers.append('vary', 'origin');
  headers.set('access-control-expose-headers', exposed);
  return true;
}

/** Path of `url` relative to whichever configured base it falls under. */
export function routePath(core: EmulatorCore, url: URL): string {
  for (const base of [core.options.apiBaseUrl, core.options.uploadBaseUrl]) {
    const baseUrl = new URL(base);
    const prefix = baseUrl.pathname.replace(/\/+$/, '');
    if (prefix !== '' && url.origin === baseUrl.origin && url.pathname.startsWith(prefix + '/')) return url.pathname.slice(prefix.length);
  }
  return url.pathname;
}

async function route(context: RequestContext, kind: 'api' | 'upload' | 'file'): Promise<Response> {
  const { request, path } = context;
  if (kind === 'file') {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(404, 'The requested resource does not exist.');
    return serveFile(context);
  }
  // Authentication that the headers alone decide comes before anything reads the body.
  if (kind === 'api') {
    requireBasicAuth(context);
    const limited = checkRateLimit(context.core, request, path);
    if (limited !== undefined) return limited;
  } else {
    readBasicAuth(context);
  }
  const match = matchRoute(kind === 'api' ? apiRoutes : uploadRoutes, request.method, path);
  if (match === undefined) return errorResponse(404, `No API route matches ${request.method} ${path}.`);
  return match.route.run(context, match.params);
}

/**
 * Handles one request. A dropped connection (fault injection) comes back as
 * `Response.error()` (type `"error"`), which msw turns into a network error and the HTTP
 * server into a destroyed socket.
 */
export async function dispatch(core: EmulatorCore, request: Request): Promise<Response> {
  core.state.requestCount += 1;
  const url = new URL(request.url);
  const path = routePath(core, url);
  const requestId = uuidFrom(core, 0x7000000000 + core.state.requestCount);
  if (request.method === 'OPTIONS') {
    const response = new Response(null, { status: 204 });
    if (!corsHeaders(core, request, response.headers)) return response;
    response.headers.set('access-control-allow-methods', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    response.headers.set('access-control-allow-headers', request.headers.get('access-control-request-headers') ?? '*');
    response.headers.set('access-control-max-age', '600');
    return response;
  }
  const kind = /^\/api\/v\d+\//.test(path) ? 'upload' : /^\/v1\//.test(path) ? 'api' : 'file';
  const decision = await decideFault(core, request, path);
  if (decision.kind === 'drop') return Response.error();
  const context: RequestContext = { core, request, url, path, requestId };
  let response: Response;
  let failed = false;
  if (decision.kind === 'response') response = decision.response;
  else {
    try {
      response = await route(context, kind);
    } catch (error) {
      failed = true;
      if (error instanceof EmulatorHttpError) response = errorResponse(error.status, error.message, error.extras);
      else response = errorResponse(500, `Internal emulator error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  response.headers.set('x-ik-requestid', requestId);
  response.headers.set('x-request-id', requestId);
  corsHeaders(core, request, response.headers);
  const mutating = request.method !== 'GET' && request.method !== 'HEAD';
  if (mutating && !failed && response.status < 400 && core.afterMutation !== undefined) await core.afterMutation();
  return response;
}
