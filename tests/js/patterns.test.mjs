// The browser's pattern matching against every case in tests/vectors/patterns.json. Each case
// comes with the automaton the Python works out for its pattern, as the flow's JSON gives it,
// written out by tests/test_patterns.py.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { matches } from '../../journeys/static/patterns.js'

const { cases } = JSON.parse(readFileSync(process.env.JOURNEYS_PATTERN_CASES, 'utf8'))

for (const item of cases) {
  test(item.name, () => {
    const started = performance.now()
    assert.equal(matches(item.automaton, item.answer), item.matches)
    assert.ok(performance.now() - started < 1000)
  })
}
