import assert from 'node:assert/strict'
import {test} from 'node:test'
import {loadLexicons, loadRegistry} from '../../../src/entities/registry/index.ts'
import {registryCodes as codes, registryCoder} from '../../../src/entities/tagger/registry-codes.ts'

const coder = registryCoder(loadRegistry(), loadLexicons().givenNames)

test('registry codes follow the phrase: المتحدة is a place after الولايات and an organisation after الأمم', () => {
  const tokens = 'قال أمير قطر إن الولايات المتحدة والأمم المتحدة والجيش الأمريكي و محمد السعيد في العديد'.split(' ')
  const {name} = codes
  assert.deepEqual(Array.from(coder(tokens)), [
    codes.none,
    codes.role, // أمير (قطر): a title; the place inside it keeps its own code
    name.LOC[0],
    codes.none,
    name.LOC[0], // الولايات المتحدة
    name.LOC[1],
    name.ORG[0], // والأمم المتحدة, with its conjunction
    name.ORG[1],
    name.ORG[0], // والجيش الأمريكي: the registry knows the army
    name.ORG[1],
    codes.none,
    codes.given[0], // محمد: a given name, not a registry entity
    codes.none,
    codes.none,
    codes.contextual, // العديد: a base's name that is also the word "many"
  ])
})

test('a nationality adjective on its own is coded as one, and nothing is coded in empty input', () => {
  assert.deepEqual(Array.from(coder(['الوفد', 'القطري'])), [codes.none, codes.adjective])
  assert.deepEqual(Array.from(coder([])), [])
})
