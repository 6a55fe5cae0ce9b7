/**
 * @module media/endpoint
 * `defineEndpoint`: turns the facts of one API endpoint (written once, in
 * `endpoints.ts`) into the standalone function users call. The same facts feed the
 * `ImageKit` methods (`client/imagekit.ts`), the retry-policy tables of README and
 * docs/http-and-retries.md (checked by tests/media/policy-table.test.ts) and the wire
 * tests (tests/media/endpoints.test.ts).
 */
import type { ClientContext } from '../core/context.js';
import { pathSegment } from '../core/path.js';
import { apiRequest, type HttpMethod, type RequestOptions, type RetryPolicy } from '../core/request.js';
import type { WithMetadata } from '../internal/metadata.js';
import { refuseCallbacks, requestOptions } from './validate.js';

/** The facts of one management API endpoint. */
export interface EndpointFacts {
  /** The function's name (also used in error messages). */
  name: string;
  /** HTTP method. */
  method: HttpMethod;
  /** Path; each `{name}` is filled from the argument (or parameter) of that name, encoded as one path segment. */
  path: string;
  /** Names of the positional arguments, in order; the request options come after them. */
  args: readonly string[];
  /** Where the input travels: a JSON body, the query string, or nowhere but the path. */
  send: 'json' | 'query' | 'none';
  /** Status of a success answer (a 207 partial success also resolves). */
  status: 200 | 201 | 204;
  /** Retry policy: `always` when a replay leaves the same state, else `safe` (see docs/http-and-retries.md). */
  retry: RetryPolicy;
  /** Why that policy, in a few words (shown in the README table). */
  why: string;
  /** Inputs that make a replay harmful, so the call is retried only under `safe`. */
  saferWhen?: { when: string; why: string };
}

/** What an endpoint's `prepare` makes of its arguments. */
export interface Prepared {
  /** Path parameters not given as positional arguments. */
  path?: Record<string, unknown>;
  /** The JSON body or the query (see `send`); `undefined` values are not sent. */
  input?: object;
  /** True when the input is one of `saferWhen`. */
  safer?: boolean;
}

/** An endpoint's facts plus its argument check. */
export interface EndpointDefinition<Args extends unknown[]> extends EndpointFacts {
  /** Names of the positional arguments, one per element of `Args`. */
  args: { readonly [I in keyof Args]: string };
  /**
   * Validates the arguments (a caller mistake throws a `TypeError`/`RangeError` naming the
   * argument; the call then rejects, nothing is sent) and returns what goes on the wire.
   * `call` is the endpoint's name, for messages. Absent: the arguments only fill the path.
   */
  prepare?: (call: string, ...args: Args) => Prepared;
}

/**
 * A standalone API function: `(context, ...args, options?)`. Every failure, caller
 * mistakes included, rejects the returned promise. `facts` describes the endpoint.
 */
export type Endpoint<Args extends unknown[], Result> = ((
  context: ClientContext,
  ...args: [...Args, options?: RequestOptions]
) => Promise<WithMetadata<Result>>) & { readonly facts: EndpointFacts };

/**
 * Makes the standalone function of an endpoint from its facts.
 * @typeParam Args - the arguments between the context and the request options, with their names.
 * @typeParam Result - the parsed JSON of a success answer.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineEndpoint<Args extends unknown[], Result>(definition: EndpointDefinition<Args>): Endpoint<Args, Result> {
  const { prepare, ...facts } = definition;
  const call = async (context: ClientContext, ...args: unknown[]): Promise<WithMetadata<Result>> => {
    refuseCallbacks(args);
    const arity = facts.args.length;
    const options = requestOptions(args[arity], facts.name);
    const prepared = prepare ? prepare(facts.name, ...(args.slice(0, arity) as Args)) : {};
    const values: Record<string, unknown> = { ...prepared.path };
    facts.args.forEach((name, index) => (values[name] ??= args[index]));
    const path = facts.path.replace(/\{(\w+)\}/g, (_, name: string) => pathSegment(name, values[name]));
    return apiRequest<Result>(context, {
      ...options,
      method: facts.method,
      path,
      [facts.send === 'json' ? 'body' : 'query']: prepared.input,
      retry: prepared.safer ? 'safe' : facts.retry,
    });
  };
  return Object.assign(call, { facts }) as unknown as Endpoint<Args, Result>;
}
