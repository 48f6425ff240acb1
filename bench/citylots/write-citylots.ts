import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateCitylots } from './generate-citylots.js';

/**
 * `npx tsx bench/citylots/write-citylots.ts [--n 200000] [--seed 1] [--out FILE]`: the generated
 * events as JSON lines (stdout without --out), e.g. to count them with another matcher.
 */
const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});
const text = `${generateCitylots(Number(values.n), Number(values.seed)).join('\n')}\n`;
if (values.out === undefined) process.stdout.write(text);
else writeFileSync(values.out, text);
