// How words read inside a sentence, in the browser: the same vectors tests/test_validation_gaps.py
// runs through journeys/flows/messages.py. Run: node --test tests/js/
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'

import { lowerFirst } from '../../journeys/static/display.js'

const { lower_first: cases } = JSON.parse(readFileSync(new URL('../vectors/words.json', import.meta.url), 'utf8'))

for (const [written, inside] of cases) {
  test(`lower first: ${written}`, () => {
    assert.equal(lowerFirst(written), inside)
  })
}
