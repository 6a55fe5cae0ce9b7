// Type tests of hooks: the parameters of an inline hook are inferred wherever `hooks` is
// accepted (client, withOptions, per call, uploads), and a hook that returns something the
// engine would refuse is a type error. Checked by `tsc -p tests/types/tsconfig.json`.
import { expectTypeOf } from 'vitest';
import {
  upload,
  type ImageKitError,
  type AfterResponseHook,
  type BeforeRequestHook,
  type BeforeRetryHook,
  type Hooks,
  type HookState,
} from '../../src/index.js';
import { ImageKit } from '../../src/server.js';

const hooks: Hooks = {
  beforeRequest: [
    (request, state) => {
      expectTypeOf(request).toEqualTypeOf<Request>();
      expectTypeOf(state).toEqualTypeOf<HookState>();
      expectTypeOf(state.retryCount).toEqualTypeOf<number>();
    },
    () => new Response('{}'),
    async (request) => new Request(request.url, { method: request.method, headers: request.headers }),
  ],
  afterResponse: [
    (_request, _state, response) => {
      expectTypeOf(response).toEqualTypeOf<Response>();
    },
  ],
  beforeRetry: [
    ({ request, error, retryCount }) => {
      expectTypeOf(request).toEqualTypeOf<Request>();
      expectTypeOf(error).toEqualTypeOf<ImageKitError>();
      expectTypeOf(error.message).toEqualTypeOf<string>();
      expectTypeOf(retryCount).toEqualTypeOf<number>();
    },
  ],
};

const imagekit = new ImageKit({ privateKey: 'private_k', hooks });
const copy = imagekit.withOptions({ hooks: { afterResponse: [(_request, _state, response) => void response.status] } });
void copy.getFileDetails('id', { hooks: { beforeRetry: [({ retryCount }) => void retryCount] } });
void copy.uploadFile({ file: 'https://example.com/a.jpg', fileName: 'a.jpg', hooks: { beforeRequest: [(request) => void request.url] } });
void upload({ file: 'https://example.com/a.jpg', fileName: 'a.jpg', uploadToken: 'jwt', hooks: { beforeRequest: [(request) => void request.url] } });

// What a hook may return is typed: a string, or a Request from afterResponse, is refused.
// @ts-expect-error a beforeRequest hook returns nothing, a Request or a Response
const badBefore: BeforeRequestHook = () => 'x';
// @ts-expect-error an afterResponse hook returns nothing or a Response
const badAfter: AfterResponseHook = (request) => request;
// @ts-expect-error beforeRetry takes one object, not (request, state)
const badRetry: BeforeRetryHook = (request: Request, state: HookState) => void [request, state];
// @ts-expect-error a hook list is an array
const notAList: Hooks = { beforeRequest: () => undefined };
void [badBefore, badAfter, badRetry, notAList];
