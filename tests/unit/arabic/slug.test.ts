import assert from 'node:assert/strict'
import {test} from 'node:test'
import {assignSlugs, slugFromName} from '../../../src/arabic/slug.ts'

test('slug: sample file names give the contract example slugs', () => {
  assert.equal(slugFromName('000_343249e2a2f5d01d'), '000-343249e2')
  assert.equal(slugFromName('004_e5837cf2311ce5b0'), '004-e5837cf2')
})

test('slug: Arabic, spaces and brackets become URL-safe ASCII', () => {
  const slug = slugFromName('تقرير (الدوحة) [نسخة 2]')
  assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/)
  assert.equal(slug, 'tqryr-aldwha-nskha-2')
})

test('slug: names with nothing transliterable still get a stable slug', () => {
  const a = slugFromName('《》')
  assert.match(a, /^article-[0-9a-f]{8}$/)
  assert.equal(slugFromName('《》'), a)
})

test('slug: colliding names both survive with distinct, stable slugs', () => {
  const paths = ['sources/a b.txt', 'sources/a-b.txt', 'sources/c.txt']
  const slugs = assignSlugs(paths, (p) => p.slice(8, -4))
  assert.equal(slugs.get('sources/c.txt'), 'c')
  const ab1 = slugs.get('sources/a b.txt')
  const ab2 = slugs.get('sources/a-b.txt')
  assert.ok(ab1 && ab2 && ab1 !== ab2)
  assert.match(ab1, /^a-b-[0-9a-f]{8}$/)
  assert.deepEqual(assignSlugs([...paths].reverse(), (p) => p.slice(8, -4)).get('sources/a b.txt'), ab1)
})
