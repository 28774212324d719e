// The frozen site's journey logic against every case in tests/vectors/journeys.json. The flow
// comes as the flow JSON gives it, written out by tests/test_javascript.py.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { afterAnswering, backStep, stepText, stepsTaken } from '../../journeys/static/journey.js'

const vectors = JSON.parse(readFileSync(process.env.JOURNEYS_JOURNEY_CASES, 'utf8'))

for (const item of vectors.cases) {
  test(item.name, () => {
    const change = item.change ?? null
    const here = { page: item.page, item: null }
    assert.deepEqual(stepsTaken(vectors.flow, item.answers).map(stepText), item.path)
    const back = backStep(vectors.flow, here, item.answers, change)
    assert.equal(back === null ? null : stepText(back), item.back)
    const after = afterAnswering(vectors.flow, here, item.answers, change)
    assert.deepEqual({ page: stepText(after.step), change: after.change }, item.after)
  })
}
