/**
 * Throughput of the Arabic text module on the sample articles repeated to
 * 2 MB (UTF-8).  Prints MB/s; asserts nothing (timings vary by machine).
 * Run: node scripts/bench-arabic.ts
 */
import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {normalizeArabic, normalizeForOffsets} from '../src/arabic/normalize.ts';
import {tokenize} from '../src/arabic/tokenize.ts';
import {searchAlternates} from '../src/arabic/forms.ts';

const TARGET_BYTES = 2 * 1024 * 1024;
const ROUNDS = 5;

const sourcesDirectory = fileURLToPath(new URL('../content/sources/', import.meta.url));
const sample = readdirSync(sourcesDirectory)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(sourcesDirectory + name, 'utf8'))
  .join('\n');

const parts: string[] = [];
let bytes = 0;
while (bytes < TARGET_BYTES) {
  parts.push(sample);
  bytes += Buffer.byteLength(sample, 'utf8');
}
const text = parts.join('\n');
const megabytes = Buffer.byteLength(text, 'utf8') / (1024 * 1024);

/** Best-of-ROUNDS time in ms (the first round includes JIT warm-up). */
function measure(run: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const cases: Array<[string, () => unknown]> = [
  ['normalizeArabic', () => normalizeArabic(text)],
  ['normalizeForOffsets', () => normalizeForOffsets(text)],
  ['tokenize (with per-token norm)', () => tokenize(text)],
  ['normalizeArabic + tokenize', () => [normalizeArabic(text), tokenize(text)]],
  ['searchAlternates', () => searchAlternates(text)],
];

console.log(`input: ${megabytes.toFixed(2)} MB UTF-8, ${text.length} UTF-16 code units, best of ${ROUNDS}`);
for (const [name, run] of cases) {
  const milliseconds = measure(run);
  console.log(`${name.padEnd(32)} ${milliseconds.toFixed(1).padStart(8)} ms ${(megabytes / (milliseconds / 1000)).toFixed(1).padStart(8)} MB/s`);
}
