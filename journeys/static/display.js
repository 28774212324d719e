// Answers as a person reads them back: a mirror of journeys/rendering/answer_display.py and
// check_answers.py. Returns HTML, with every answer escaped.
import { MONTHS } from './validation.js'
import { hubOf, listOf, records, stepsTaken } from './journey.js'
import { progress } from './tasks.js'
import { unanswered } from './steps.js'
import { itemName } from './lists.js'
import { own } from './answers.js'

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
    return ADDRESS_PARTS.filter((part) => own(answer, part)).map((part) => escapeHtml(answer[part])).join('<br>')
  }
  const texts = new Map((question.options || []).map((o) => [o.value, o.text]))
  const text = (item) => escapeHtml(texts.get(item) ?? item)
  return Array.isArray(answer) ? answer.map(text).join('<br>') : text(answer)
}

/** An item as its list names it: its first answer, or 'person 2' when that was left blank. */
export function itemLabel (flow, listId, item, number) {
  const { list } = flow.pages[listId]
  const first = flow.pages[list.pages[0]].questions[0]
  const shown = display(first, own(item, first.name))
  return shown !== NOT_ANSWERED ? shown : escapeHtml(`${list.item} ${number}`)
}

/** A list's items, one a line, each named by its first answer. */
export function displayList (flow, listId, items) {
  return items.map((item, index) => itemLabel(flow, listId, item, index + 1)).join('<br>')
}

/** 'Date of birth' -> 'date of birth'; 'NHS number', 'Council Tax band' and 'McDonald's' stay as they are. */
export function lowerFirst (text) {
  const words = text.split(' ')
  const isUpper = (letters) => letters !== letters.toLowerCase() && letters === letters.toUpperCase()
  const acronym = words[0].length > 1 && isUpper(words[0])
  const name = [...words[0].slice(1)].some(isUpper) || (words.length > 1 && isUpper(words[1].slice(0, 1)))
  return acronym || name ? text : text.slice(0, 1).toLowerCase() + text.slice(1)
}

function rowHtml (key, value, href, card) {
  const hidden = ` ${lowerFirst(key)}${card ? ` (${card})` : ''}`
  return `<div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">${escapeHtml(key)}</dt>
    <dd class="govuk-summary-list__value">${value}</dd>
    <dd class="govuk-summary-list__actions"><a class="govuk-link" href="${escapeHtml(href)}">Change<span class="govuk-visually-hidden">${escapeHtml(hidden)}</span></a></dd>
  </div>`
}

// A page's answers as rows: each question, then the questions its chosen options revealed.
function pageRows (page, values, href, card = '') {
  const rows = []
  for (const question of page.questions) {
    const key = question.summary || (page.questions.length === 1 ? page.title : question.label)
    const answer = own(values, question.name)
    rows.push(rowHtml(key, display(question, answer), href, card))
    const chosen = Array.isArray(answer) ? answer : [answer]
    for (const option of question.options) {
      if (!chosen.includes(option.value)) continue
      for (const asked of option.reveal || []) {
        rows.push(rowHtml(asked.summary || asked.label, display(asked, own(values, asked.name)), href, card))
      }
    }
  }
  return rows
}

// The title of the task each step past the task list belongs to (as a step's text).
function taskTitles (flow, answers) {
  const hub = hubOf(flow)
  if (hub === null) return {}
  return Object.fromEntries(progress(flow, hub, answers).flatMap((entry) =>
    entry.steps.map((s) => [`${s.page}?${s.item}`, entry.task.title])))
}

// Check your answers, as the live server writes it: summary lists outside lists, a summary card
// for each item of a list, in the order of the path; past a task list, each task's answers under
// its title. urlOf(step, change) is a step's address.
export function answerGroupsHtml (flow, checkId, answers, urlOf) {
  const groups = []
  const tasks = taskTitles(flow, answers)
  for (const step of stepsTaken(flow, answers, { page: checkId, item: null })) {
    if (step.page === checkId) break
    const page = flow.pages[step.page]
    if (page.list) continue // its items are already there, as cards
    const listId = listOf(flow, step.page)
    const values = listId === null ? answers : records(answers, listId)[step.item - 1] || {}
    const task = tasks[`${step.page}?${step.item}`] ?? null
    if (task !== null && unanswered(page, values)) continue // a task's page not yet answered: nothing to show
    const href = urlOf(step, checkId)
    if (listId === null) {
      const rows = pageRows(page, values, href)
      if (rows.length && (!groups.length || groups.at(-1).cards || groups.at(-1).task !== task)) groups.push({ rows: [], task })
      if (rows.length) groups.at(-1).rows.push(...rows)
      continue
    }
    if (!groups.length || groups.at(-1).list !== listId || groups.at(-1).task !== task) {
      groups.push({ list: listId, title: flow.pages[listId].title, cards: [], task })
    }
    const { cards } = groups.at(-1)
    if (!cards.length || cards.at(-1).number !== step.item) {
      cards.push({ number: step.item, title: itemName(flow.pages[listId].list, step.item), rows: [] })
    }
    const card = cards.at(-1)
    card.rows.push(...pageRows(page, values, href, card.title))
  }
  if (!groups.length) return '<dl class="govuk-summary-list govuk-!-margin-bottom-9"></dl>'
  return groups.map((group, index) => {
    const heading = group.task !== null && (index === 0 || groups[index - 1].task !== group.task)
      ? `<h2 class="govuk-heading-m">${escapeHtml(group.task)}</h2>\n`
      : ''
    if (!group.cards) return `${heading}<dl class="govuk-summary-list govuk-!-margin-bottom-9">${group.rows.join('\n')}</dl>`
    const level = group.task === null ? 3 : 4
    const title = group.task === null
      ? `<h2 class="govuk-heading-m">${escapeHtml(group.title)}</h2>`
      : `<h3 class="govuk-heading-s">${escapeHtml(group.title)}</h3>`
    return `${heading}${title}\n` + group.cards.map((card) => `<div class="govuk-summary-card">
  <div class="govuk-summary-card__title-wrapper"><h${level} class="govuk-summary-card__title">${escapeHtml(card.title)}</h${level}></div>
  <div class="govuk-summary-card__content"><dl class="govuk-summary-list">${card.rows.join('\n')}</dl></div>
</div>`).join('\n')
  }).join('\n')
}
