// Add-another lists and reveals in the browser, against every case in tests/vectors/lists.json.
// The flow comes as the flow JSON gives it, written out by tests/test_javascript.py.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { afterAnswering, backStep, stepText, stepsTaken } from '../../journeys/static/journey.js'
import { addAnother, pageAnswers, removeItem, store } from '../../journeys/static/lists.js'
import { readPage } from '../../journeys/static/validation.js'

const plain = (answers) => JSON.parse(JSON.stringify(answers))

const vectors = JSON.parse(readFileSync(process.env.JOURNEYS_LIST_CASES, 'utf8'))
const { flow } = vectors

function step (text) {
  const [page, item] = text.split('?item=')
  return { page, item: item === undefined ? null : Number(item) }
}

for (const item of vectors.journeys) {
  test(item.name, () => {
    const here = step(item.step)
    const change = item.change ?? null
    assert.deepEqual(stepsTaken(flow, item.answers).map(stepText), item.path)
    const back = backStep(flow, here, item.answers, change)
    assert.equal(back === null ? null : stepText(back), item.back)
    if (item.after) {
      const after = afterAnswering(flow, here, item.answers, change)
      assert.deepEqual({ step: stepText(after.step), change: after.change }, item.after)
    }
  })
}

for (const item of vectors.add_another) {
  test(item.name, () => {
    const outcome = addAnother(flow, 'people', item.answers, item.chosen, item.change ?? null)
    assert.deepEqual(outcome.error ? { error: outcome.error } : { step: stepText(outcome.step), change: outcome.change }, item.outcome)
  })
}

for (const item of vectors.remove) {
  test(item.name, () => {
    assert.deepEqual(plain(removeItem(item.answers, 'people', item.item)), item.after)
  })
}

for (const item of vectors.store) {
  test(item.name, () => {
    const here = step(item.step)
    const fields = Object.fromEntries(Object.entries(item.form).map(([name, value]) => [name, [].concat(value)]))
    const submission = readPage(flow.pages[here.page], fields, pageAnswers(flow, item.answers, here), vectors.today)
    assert.deepEqual(submission.errors.map((e) => e.message), item.errors)
    if (item.error_fields) assert.deepEqual(submission.errors.map((e) => e.field), item.error_fields)
    // Stored answers have no prototype (journeys/static/answers.js): compared as the JSON they are saved as.
    assert.deepEqual(submission.errors.length ? null : plain(store(flow, item.answers, here, submission)), item.stored)
  })
}
