// The frozen site's journey logic against every case in tests/vectors/journeys.json. The flow
// comes as the flow JSON gives it, written out by tests/test_javascript.py.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { afterAnswering, backPageId, pathTaken } from '../../journeys/static/journey.js'

const vectors = JSON.parse(readFileSync(process.env.JOURNEYS_JOURNEY_CASES, 'utf8'))

for (const item of vectors.cases) {
  test(item.name, () => {
    const change = item.change ?? null
    assert.deepEqual(pathTaken(vectors.flow, item.answers), item.path)
    assert.equal(backPageId(vectors.flow, item.page, item.answers, change), item.back)
    assert.deepEqual(afterAnswering(vectors.flow, item.page, item.answers, change), item.after)
  })
}
