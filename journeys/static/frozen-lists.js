// The frozen site's add-another pages: the list page filled from this tab's answers, its
// "add another?" question, and the page asking whether to remove an item.
import { records } from './journey.js'
import { ADD_ANOTHER, REMOVE, addAnother, removeItem, words } from './lists.js'
import { escapeHtml, itemLabel } from './display.js'
import { formFields, showErrors } from './frozen-forms.js'

const chosen = (form, name) => formFields(form)[name]?.[0] ?? ''
const yesNo = (name) => ({ name, type: 'yes-no' })
// The page's own questions' ids are their names without the leading `_`: ids start with a letter.
const errorOf = (name, message) => ({ question: name, field: name.replace(/^_/, ''), message, parts: [] })

// How many were added, each item with Change and Remove, and "add another?" unless the list is full.
export function showList (flow, listId, answers, links) {
  const { list } = flow.pages[listId]
  const items = records(answers, listId)
  // A prototype's own add-another layout may leave any of these out.
  const count = document.querySelector('[data-journeys-count]')
  if (count) count.textContent = words(list, items.length)
  document.title = document.title.replace(`You have added ${words(list, 0)}`, `You have added ${words(list, items.length)}`)
  const action = (href, text, label) => `<li class="govuk-summary-list__actions-list-item"><a class="govuk-link" href="${escapeHtml(href)}">` +
    `${text}<span class="govuk-visually-hidden"> ${escapeHtml(label)}</span></a></li>`
  const rows = document.querySelector('[data-journeys-items]')
  if (rows) rows.innerHTML = items.map((item, index) => {
    const number = index + 1
    const label = `${list.item} ${number}`
    return `<div class="govuk-summary-list__row">
  <dt class="govuk-summary-list__key govuk-!-width-two-thirds govuk-!-font-weight-regular">${itemLabel(flow, listId, item, number)}</dt>
  <dd class="govuk-summary-list__actions"><ul class="govuk-summary-list__actions-list">
    ${action(links.step({ page: list.pages[0], item: number }), 'Change', label)}
    ${action(links.remove(listId, number), 'Remove', label)}
  </ul></dd>
</div>`
  }).join('\n')
  const full = list.max !== null && items.length >= list.max
  document.querySelectorAll('[data-journeys-add-another]').forEach((el) => { el.hidden = full })
  document.querySelectorAll('[data-journeys-full]').forEach((el) => { el.hidden = !full })
}

// "Do you need to add another?": {step, change} to go on to, or the error shown.
export function answerList (form, flow, listId, answers, change) {
  const outcome = addAnother(flow, listId, answers, chosen(form, ADD_ANOTHER), change)
  if (outcome.error) showErrors(form, [yesNo(ADD_ANOTHER)], [errorOf(ADD_ANOTHER, outcome.error)])
  return outcome.error ? null : outcome
}

// The item's number in the question and the tab's title (the page was frozen without one).
export function showRemoval (form, flow, listId, number) {
  const { messages } = flow.pages[listId].list
  document.querySelectorAll('[data-journeys-number]').forEach((el) => { el.textContent = number })
  document.title = document.title.replace(messages.remove.replace('{number}', ''), messages.remove.replace('{number}', number))
  const itemField = form.elements.namedItem('_item')
  if (itemField) itemField.value = number
}

// "Are you sure?": the answers to keep (null while the question shows an error).
export function answerRemoval (form, flow, listId, answers, number) {
  const answer = chosen(form, REMOVE)
  if (answer === 'Yes') return removeItem(answers, listId, number)
  if (answer === 'No') return answers
  const message = flow.pages[listId].list.messages.remove_required.replace('{number}', number)
  showErrors(form, [yesNo(REMOVE)], [errorOf(REMOVE, message)])
  return null
}
