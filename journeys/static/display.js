// Answers as a person reads them back: a mirror of journeys/answer_display.py. Returns HTML,
// with every answer escaped.
import { MONTHS } from './validation.js'
import { pathTaken } from './journey.js'

export const NOT_ANSWERED = 'Not provided'
const ADDRESS_PARTS = ['line-1', 'line-2', 'town', 'county', 'postcode']

export function escapeHtml (text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c])
}

export function longDate (iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return String(iso)
  const month = MONTHS[Number(match[2]) - 1]
  return `${Number(match[3])} ${month[0].toUpperCase()}${month.slice(1)} ${Number(match[1])}`
}

export function display (question, answer) {
  const blank = answer === undefined || answer === null || answer === '' ||
    (Array.isArray(answer) && !answer.length) ||
    (typeof answer === 'object' && !Array.isArray(answer) && !Object.values(answer).some(Boolean))
  if (blank) return NOT_ANSWERED
  if (question.type === 'password') return '•'.repeat(8)
  if (question.type === 'date') return escapeHtml(longDate(answer))
  if (question.type === 'address' && typeof answer === 'object') {
    return ADDRESS_PARTS.filter((part) => answer[part]).map((part) => escapeHtml(answer[part])).join('<br>')
  }
  const texts = Object.fromEntries((question.options || []).map((o) => [o.value, o.text]))
  const text = (item) => escapeHtml(texts[item] ?? item)
  return Array.isArray(answer) ? answer.map(text).join('<br>') : text(answer)
}

export function lowerFirst (text) {
  const firstWord = text.split(' ')[0]
  const upper = firstWord.length > 1 && firstWord === firstWord.toUpperCase() && firstWord !== firstWord.toLowerCase()
  return upper ? text : text.slice(0, 1).toLowerCase() + text.slice(1)
}

// Summary list rows (GOV.UK markup) for every answer on the path taken to the check page.
export function summaryRowsHtml (flow, checkId, answers, urlOf) {
  const rows = []
  for (const pageId of pathTaken(flow, answers, checkId)) {
    if (pageId === checkId) break
    const page = flow.pages[pageId]
    for (const question of page.questions) {
      const key = question.summary || (page.questions.length === 1 ? page.title : question.label)
      rows.push(`<div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">${escapeHtml(key)}</dt>
    <dd class="govuk-summary-list__value">${display(question, answers[question.name])}</dd>
    <dd class="govuk-summary-list__actions"><a class="govuk-link" href="${escapeHtml(urlOf(pageId, checkId))}">Change<span class="govuk-visually-hidden"> ${escapeHtml(lowerFirst(key))}</span></a></dd>
  </div>`)
    }
  }
  return rows.join('\n')
}
