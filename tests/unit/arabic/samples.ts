/** Test helper: the sample articles as one string (real input for the tests). */
import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const sourcesDirectory = fileURLToPath(new URL('../../../content/sources/', import.meta.url));

/** All sample articles, concatenated in file-name order. */
export function sampleText(): string {
  return readdirSync(sourcesDirectory)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(sourcesDirectory + name, 'utf8'))
    .join('\n');
}
