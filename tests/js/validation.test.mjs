// The browser's validation against every case in tests/vectors/validation.json. The questions
// come as the flow JSON gives them (with their messages), written out by tests/test_javascript.py.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { readQuestion } from '../../journeys/static/validation.js'

const vectors = JSON.parse(readFileSync(process.env.JOURNEYS_VALIDATION_CASES, 'utf8'))

for (const item of vectors.cases) {
  test(item.name, () => {
    const fields = Object.fromEntries(Object.entries(item.form).map(([name, value]) => [name, [].concat(value)]))
    const submission = { answers: {}, typed: {}, errors: [], dropped: [] }
    readQuestion(item.question, fields, {}, submission, vectors.today)
    assert.deepEqual(submission.answers[item.question.name], item.answer)
    const { [item.question.name]: _own, ...reveals } = submission.answers
    assert.deepEqual(reveals, item.reveals ?? {})
    assert.deepEqual(submission.dropped, item.dropped ?? [])
    assert.deepEqual(submission.errors.map((e) => e.message), item.errors)
  })
}
