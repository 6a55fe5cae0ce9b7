// Prettier's defaults plus the two settings the hand-formatted code already followed:
// single quotes, and long lines (150 is the width that changed the fewest lines when the
// formatter was introduced; 120 would have rewrapped twice as many).
/** @type {import('prettier').Config} */
export default { singleQuote: true, printWidth: 150 };
