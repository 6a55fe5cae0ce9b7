/**
 * @module internal/options
 * The one check of options objects: every options object of the SDK (client options,
 * call parameters, request options, `buildUrl` options, upload options) rejects a key it
 * does not know with one message, which names the key and, when one is close, the
 * option the caller probably meant:
 *
 *     `serachQuery` is not an option of listFiles; did you mean `searchQuery`?
 *
 * "Close" is an edit distance (insert, delete, substitute, swap two neighbours) on the
 * lowercase names of at most 1 when the longer name has up to 4 characters, 2 up to 8,
 * 3 beyond. Keys
 * whose value is `undefined` are checked too: a misspelled key is a mistake whatever
 * its value. Transformation steps are NOT checked here: their unknown keys pass through
 * so that new ImageKit parameters work at once.
 */

/**
 * Throws a `TypeError` for the first own enumerable key of `value` that is not in `known`.
 * @param where what the options belong to, e.g. `listFiles`, `buildUrl`, `the ImageKit client`.
 */
export function checkOptionKeys(value: object, known: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw unknownOption(key, known, where);
  }
}

/** The error for `key`, unknown among `known` in `where` (see the module comment for the wording). */
export function unknownOption(key: string, known: readonly string[], where: string): TypeError {
  const guess = closest(key, known);
  return new TypeError(`\`${key}\` is not an option of ${where}${guess === undefined ? '' : `; did you mean \`${guess}\`?`}`);
}

/** The name in `known` nearest to `key`, when it is close enough to be a likely typo. */
export function closest(key: string, known: readonly string[]): string | undefined {
  const typed = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const longer = Math.max(typed.length, name.length);
    const allowed = longer <= 4 ? 1 : longer <= 8 ? 2 : 3;
    const distance = editDistance(typed, name.toLowerCase());
    if (distance <= allowed && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
 * two adjacent characters each cost 1.
 */
export function editDistance(a: string, b: string): number {
  // rows[i][j] = distance between the first i characters of a and the first j of b.
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows[i] = [i];
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      if (i === 0) {
        row[j] = j;
        continue;
      }
      const above = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, rows[i - 2]![j - 2]! + 1);
      }
      row[j] = distance;
    }
  }
  return rows[a.length]![b.length]!;
}
