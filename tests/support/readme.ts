// README.md as the snippet tests read it: the text, and the ts code blocks of a section.
import { readFileSync } from 'node:fs';

/** README.md's text. */
export const readme: string = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The ts code blocks of one README section (from its `## ` heading to the next). */
export function sectionBlocks(heading: string): string[] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}
