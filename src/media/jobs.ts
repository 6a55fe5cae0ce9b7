/**
 * @module media/jobs
 * Status of a bulk job started by copy / move / rename folder (imagekit-api.md §5).
 * Polling is the caller's choice. Server only.
 */
import type { ClientContext } from '../core/context.js';
import { pathSegment } from '../core/path.js';
import type { RequestOptions } from '../core/request.js';
import { send } from './send.js';
import type { WithMetadata } from '../internal/metadata.js';
import type { BulkJobStatus } from './types.js';

/**
 * Gets the status of a bulk job (`GET /v1/bulkJobs/{jobId}`).
 * @throws {TypeError} for an empty `jobId`.
 * @throws {NotFoundError} when the job does not exist.
 */
export async function getBulkJobStatus(
  context: ClientContext,
  jobId: string,
  options?: RequestOptions,
): Promise<WithMetadata<BulkJobStatus>> {
  const path = `/v1/bulkJobs/${pathSegment('jobId', jobId)}`;
  return send(context, options, { method: 'GET', path, retry: 'always' });
}
