// Type tests of the error guards: each narrows `unknown` to its class, so the fields
// a handler reads are typed. Checked by `tsc -p tests/types/tsconfig.json` (part of `npm test`).
import { expectTypeOf } from 'vitest';
import {
  isApiError,
  isConnectionError,
  isImageKitError,
  isNotFoundError,
  isRateLimitError,
  isTimeoutError,
  isUploadIndeterminateError,
  isWebhookVerificationError,
  type ApiError,
  type ConnectionError,
  type ImageKitError,
  type NotFoundError,
  type RateLimitError,
  type TimeoutError,
  type UploadIndeterminateError,
  type WebhookVerificationError,
} from '../../src/index.js';

declare const error: unknown;

if (isImageKitError(error)) expectTypeOf(error).toEqualTypeOf<ImageKitError>();
if (isApiError(error)) {
  expectTypeOf(error).toEqualTypeOf<ApiError>();
  expectTypeOf(error.status).toEqualTypeOf<number>();
}
if (isNotFoundError(error)) expectTypeOf(error).toEqualTypeOf<NotFoundError>();
if (isRateLimitError(error)) expectTypeOf(error).toEqualTypeOf<RateLimitError>();
if (isConnectionError(error)) expectTypeOf(error).toEqualTypeOf<ConnectionError>();
if (isTimeoutError(error)) expectTypeOf(error).toEqualTypeOf<TimeoutError>();
if (isUploadIndeterminateError(error)) expectTypeOf(error).toEqualTypeOf<UploadIndeterminateError>();
if (isWebhookVerificationError(error)) {
  expectTypeOf(error).toEqualTypeOf<WebhookVerificationError>();
  expectTypeOf(error.reason).toBeString();
}
// @ts-expect-error outside a guard the error is `unknown`
void error.status;
