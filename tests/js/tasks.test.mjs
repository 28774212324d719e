// Task lists in the browser, against every case in tests/vectors/tasks.json. The flow comes as
// the flow JSON gives it, written out by tests/test_javascript.py.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { afterAnswering, backStep, hubOf, stepText, stepsTaken } from '../../journeys/static/journey.js'
import { progress, sectionsCompleted } from '../../journeys/static/tasks.js'

const vectors = JSON.parse(readFileSync(process.env.JOURNEYS_TASK_CASES, 'utf8'))
const { flow } = vectors

function step (text) {
  const [page, item] = text.split('?item=')
  return { page, item: item === undefined ? null : Number(item) }
}

for (const item of vectors.cases) {
  test(item.name, () => {
    const here = step(item.step)
    const change = item.change ?? null
    const found = progress(flow, hubOf(flow), item.answers)
    assert.deepEqual(Object.fromEntries(found.map((entry) => [entry.task.title, entry.status])), item.statuses)
    assert.equal(sectionsCompleted(flow, hubOf(flow), found), item.sections_completed)
    assert.deepEqual(stepsTaken(flow, item.answers).map(stepText), item.path)
    const back = backStep(flow, here, item.answers, change)
    assert.equal(back === null ? null : stepText(back), item.back)
    if (item.after) {
      const after = afterAnswering(flow, here, item.answers, change)
      assert.deepEqual({ step: stepText(after.step), change: after.change }, item.after)
    }
  })
}
