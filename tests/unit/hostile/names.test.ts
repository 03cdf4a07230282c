import assert from 'node:assert/strict'
import {test} from 'node:test'
import {assignSlugs, slugFromName} from '../../../src/arabic/slug.ts'

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** File names an analyst's folder (or an attacker) may hold, without the extension. */
const hostileNames = [
  '..%2F..%2Fescape',
  '..',
  '...',
  '.hidden',
  '-rf',
  '<img src=x onerror=window.__pwned=1>',
  '{process.exit(1)}',
  '$(touch pwned) `touch pwned`',
  "'; DROP TABLE articles; --",
  'تقرير (الدوحة) [نسخة 2]',
  'تقرير  (الدوحة)  [نسخة 2]',
  'مُحَمَّد بن عبد الرحمن آل ثاني',
  'محمد بن عبد الرحمن آل ثاني',
  'گزارش دوحه ۱۴۰۳',
  '报告',
  '《》',
  '\u202Egnp.exe',
  'CON',
  'a'.repeat(300),
  'Ümlaut Çedilla façade',
  'A B',
  'a b',
  'a-b',
  'a_b'
]

test('slug: every hostile file name gives a URL-safe ASCII slug of at most 69 characters', () => {
  for (const name of hostileNames) {
    const slug = slugFromName(name)
    assert.match(slug, slugPattern, JSON.stringify(name))
    assert.ok(slug.length <= 69, `${name}: ${slug}`)
    assert.ok(!slug.includes('..') && !slug.includes('/'), slug)
  }
})

test('slug: names are read, never decoded: %2F and .. stay letters, not paths', () => {
  assert.equal(slugFromName('..%2F..%2Fescape'), '2f-2fescape')
  assert.match(slugFromName('..'), /^article-[0-9a-f]{8}$/)
  assert.equal(slugFromName('\u202Egnp.exe'), 'gnp-exe')
})

test('slug: the same name in composed or decomposed Unicode gives the same slug', () => {
  for (const name of ['Ümlaut Çedilla façade', 'آل ثاني', 'تقرير (الدوحة) [نسخة 2]']) {
    assert.equal(slugFromName(name.normalize('NFC')), slugFromName(name.normalize('NFD')), name)
  }
  assert.equal(slugFromName('Ümlaut Çedilla façade'), 'umlaut-cedilla-facade')
})

test(
  'slug: Arabic diacritics and madda do not split a word',
  () => {
    assert.equal(slugFromName('مُحَمَّد بن عبد الرحمن آل ثاني'), slugFromName('محمد بن عبد الرحمن ال ثاني'))
    assert.equal(slugFromName('مُحَمَّد'), 'mhmd')
  }
)

test('slug: a whole folder of hostile names gets distinct slugs, the same whatever the listing order', () => {
  const paths = hostileNames.map((n) => `sources/${n}.txt`)
  const nameOf = (p: string) => p.slice('sources/'.length, -'.txt'.length)
  const slugs = assignSlugs(paths, nameOf)
  assert.equal(new Set(slugs.values()).size, paths.length, JSON.stringify([...slugs]))
  const reversed = assignSlugs([...paths].reverse(), nameOf)
  for (const p of paths) assert.equal(reversed.get(p), slugs.get(p), p)
  for (const slug of slugs.values()) assert.match(slug, slugPattern)
})

test(
  'slug: a file named like another file\'s hash-suffixed slug does not take that slug',
  () => {
    const nameOf = (p: string) => p.slice('sources/'.length, -'.txt'.length)
    const pair = assignSlugs(['sources/a b.txt', 'sources/a-b.txt'], nameOf)
    const taken = pair.get('sources/a b.txt') as string
    const slugs = assignSlugs(['sources/a b.txt', 'sources/a-b.txt', `sources/${taken}.txt`], nameOf)
    assert.equal(new Set(slugs.values()).size, 3, JSON.stringify([...slugs]))
  }
)
