/**
 * The project's one Arabic text module: matching normalisation, tokenising,
 * clitic splitting, light stemming, comparison keys and script detection.
 * Everything that COMPARES text uses it; displayed text is never altered.
 */
export {
  normalizeArabic,
  normalizeDigits,
  normalizeForOffsets,
  stripDiacritics,
  stripInvisibles,
  toOriginalSpan,
} from './normalize.ts';
export type {NormalizedWithOffsets} from './normalize.ts';
export {tokenForms, tokenize, wordForms} from './tokenize.ts';
export type {Token, TokenKind} from './tokenize.ts';
export {candidateStems, isKnownWord, splitClitics, stripArticle} from './clitics.ts';
export type {CliticSplit} from './clitics.ts';
export {lightStem} from './stem.ts';
export {foldVariants, matchKey, normalizeAndFold, searchAlternates} from './forms.ts';
export {detectLang, latinRuns} from './script.ts';
export type {LangGuess} from './script.ts';
export {assignSlugs, shortHash, slugFromName} from './slug.ts';
