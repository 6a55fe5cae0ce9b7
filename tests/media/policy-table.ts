/**
 * The retry-policy table of README ("Retries and timeouts") and docs/http-and-retries.md
 * ("Retry policy per API endpoint"), generated from the endpoint facts in
 * src/media/endpoints.ts. policy-table.test.ts checks both files hold exactly this table.
 */
import type { EndpointFacts } from '../../src/media/endpoint.js';
import * as media from '../../src/media/index.js';

/** The facts of every endpoint, in the order of src/media/endpoints.ts. */
export function allFacts(): EndpointFacts[] {
  return Object.values(media)
    .filter((value): value is typeof value & { facts: EndpointFacts } => typeof value === 'function' && 'facts' in value)
    .map((endpoint) => endpoint.facts);
}

export const tableStart =
  '<!-- retry-policy-table: generated from src/media/endpoints.ts; `WRITE_TABLES=1 npx vitest run tests/media/policy-table.test.ts` rewrites it -->';
export const tableEnd = '<!-- /retry-policy-table -->';

/** One row per (policy, reason), listing the calls that share it; `always` rows first. */
export function policyTable(facts: readonly EndpointFacts[] = allFacts()): string {
  const rows = new Map<string, { policy: string; why: string; calls: string[] }>();
  const add = (policy: string, why: string, call: string): void => {
    const key = `${policy}\n${why}`;
    const row = rows.get(key) ?? { policy, why, calls: [] };
    row.calls.push(call);
    rows.set(key, row);
  };
  for (const fact of facts) {
    add(fact.retry, fact.why, `\`${fact.name}\``);
    if (fact.saferWhen) add('safe', fact.saferWhen.why, `\`${fact.name}\` ${fact.saferWhen.when}`);
  }
  const order = ['always', 'safe', 'never'];
  const sorted = [...rows.values()].sort((a, b) => order.indexOf(a.policy) - order.indexOf(b.policy));
  return [
    tableStart,
    '| policy | calls | why |',
    '| --- | --- | --- |',
    ...sorted.map((row) => `| ${row.policy} | ${row.calls.join(', ')} | ${row.why} |`),
    tableEnd,
  ].join('\n');
}
