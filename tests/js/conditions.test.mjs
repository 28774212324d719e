// Every branching condition case, run by the frozen site's JavaScript: the same vectors
// tests/test_conditions.py runs through journeys/conditions.py. Run: node --test tests/js/
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'

import { holds } from '../../journeys/static/conditions.js'

const { cases } = JSON.parse(readFileSync(new URL('../vectors/conditions.json', import.meta.url), 'utf8'))

for (const { name, when, answers, holds: expected } of cases) {
  test(name, () => {
    assert.equal(holds(when, answers), expected)
  })
}
