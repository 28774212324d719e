// The frozen site's half of tests/test_fuzz.py: one Node process, one case a line on stdin,
// one answer a line on stdout. Each case is a flow (as its JSON), the forms sent on its pages in
// turn, and today's date; the answer is what the browser would do with them, as the frozen
// site does it: answers kept as sessionStorage keeps them (JSON), read back with no prototype.
import { createInterface } from 'node:readline'
import { readPage } from '../../journeys/static/validation.js'
import { nextPageId } from '../../journeys/static/journey.js'
import { store } from '../../journeys/static/lists.js'
import { answerGroupsHtml } from '../../journeys/static/display.js'
import { answersOf, readAnswers } from '../../journeys/static/answers.js'

const ROW = /<dt class="govuk-summary-list__key">([\s\S]*?)<\/dt>\s*<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/g

function run ({ flow, forms, today }) {
  let answers = answersOf()
  let pageId = flow.first
  const pages = []
  for (const form of forms) {
    const page = flow.pages[pageId]
    if (!page || page.layout === 'check-answers') break
    const fields = readAnswers(JSON.stringify(form)) // as frozen-forms.js reads a form: no prototype
    const submission = readPage(page, fields, answers, today)
    const errors = submission.errors.map((e) => [e.field, e.message])
    if (!errors.length) answers = readAnswers(JSON.stringify(store(flow, answers, { page: pageId, item: null }, submission)))
    const next = errors.length ? pageId : nextPageId(page, answers)
    pages.push({ page: pageId, errors, answers: JSON.parse(JSON.stringify(answers)), next })
    pageId = next
  }
  const check = Object.keys(flow.pages).find((id) => flow.pages[id].layout === 'check-answers')
  const html = answerGroupsHtml(flow, check, answers, () => '#')
  return { pages, rows: [...html.matchAll(ROW)].map((m) => [m[1], m[2]]) }
}

const lines = createInterface({ input: process.stdin })
for await (const line of lines) {
  let answer
  try {
    answer = run(JSON.parse(line))
  } catch (error) {
    answer = { crashed: `${error.name}: ${error.message}\n${error.stack}` }
  }
  process.stdout.write(JSON.stringify(answer) + '\n')
}
