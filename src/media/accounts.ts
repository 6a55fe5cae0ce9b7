/**
 * @module media/accounts
 * Account usage and usage analytics (imagekit-api.md §9). Server only.
 */
import type { ClientContext } from '../core/context.js';
import type { RequestOptions } from '../core/request.js';
import { send } from './send.js';
import type { WithMetadata } from '../internal/metadata.js';
import type { Usage, UsageAnalytics } from './types.js';
import { requireDate, requireObject } from './validate.js';

/** A date range in `YYYY-MM-DD` (less than 90 days). */
export interface DateRangeParams {
  /** First day, `YYYY-MM-DD`. */
  startDate: string;
  /** Last day, `YYYY-MM-DD` (exclusive for usage, inclusive for usage analytics). */
  endDate: string;
}

function dateQuery(params: DateRangeParams): { startDate: string; endDate: string } {
  requireObject('params', params);
  return { startDate: requireDate('startDate', params.startDate), endDate: requireDate('endDate', params.endDate) };
}

/**
 * Gets account usage between two dates, end date excluded (`GET /v1/accounts/usage`).
 * @throws {TypeError} when a date is not `YYYY-MM-DD`.
 * @throws {BadRequestError} for a range of 90 days or more.
 */
export async function getUsage(
  context: ClientContext,
  params: DateRangeParams,
  options?: RequestOptions,
): Promise<WithMetadata<Usage>> {
  return send(context, options, { method: 'GET', path: '/v1/accounts/usage', query: dateQuery(params), retry: 'always' });
}

/**
 * Gets usage analytics (beta) between two UTC dates, both included
 * (`GET /v1/accounts/usage-analytics`).
 * @throws {TypeError} when a date is not `YYYY-MM-DD`.
 */
export async function getUsageAnalytics(
  context: ClientContext,
  params: DateRangeParams,
  options?: RequestOptions,
): Promise<WithMetadata<UsageAnalytics>> {
  const query = dateQuery(params);
  return send(context, options, { method: 'GET', path: '/v1/accounts/usage-analytics', query, retry: 'always' });
}
