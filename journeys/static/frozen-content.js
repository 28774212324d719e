// The frozen site's pages, answers and all: blocks shown when their condition holds, answers
// written into text and titles, and the forms of a prototype's own Jinja pages keeping their
// answers. Mirrors journeys/web/personal.py and journeys/web/answers.py.
import { holds } from './conditions.js'
import { display, displayList, escapeHtml } from './display.js'
import { allQuestions } from './frozen-forms.js'
import { records } from './journey.js'
import { answersOf, own } from './answers.js'

const ANSWER = /\{\{\s*answer\(\s*(["'])([^"'\n]+?)\1\s*\)\s*\}\}/g
const UNCHECKED = '_unchecked' // the Prototype Kit's mark: unticking every box clears the answer

/** Each `when` block replaced by what it holds where its condition holds, by nothing where it does not. */
export function showWhenBlocks (answers) {
  let block
  while ((block = document.querySelector('template[data-journeys-when]'))) {
    let shown = false
    try {
      shown = holds(JSON.parse(block.dataset.journeysWhen), answers)
    } catch {} // a condition the server would have refused: shown as not holding
    if (shown) block.replaceWith(block.content.cloneNode(true)) // a block inside comes next
    else block.remove()
  }
}

/** An answer as check your answers shows it: by its question in `flow` (or a list's items), else as given. */
export function answerHtml (flow, name, answers) {
  const question = flow && Object.values(flow.pages).flatMap(allQuestions).find((q) => q.name === name)
  const value = own(answers, name)
  if (flow && own(flow.pages, name)?.list) return displayList(flow, name, records(answers, name))
  if (question) return display(question, value)
  return escapeHtml(Array.isArray(value) ? value.join(', ') : value ?? '')
}

const words = (text) => text.replace(/\s+/g, ' ').trim()

/** The browser tab's title with the answers a flow page's title shows, as the server writes it. */
export function fillTitle (flow, title, answers) {
  if (!title.match(ANSWER)) return
  const text = (name) => {
    const holder = document.createElement('div')
    holder.innerHTML = answerHtml(flow, name, answers).replaceAll('<br>', ', ')
    return holder.textContent
  }
  const blank = words(title.replace(ANSWER, ''))
  document.title = words(document.title).replace(blank, words(title.replace(ANSWER, (_, quote, name) => text(name))))
}

/** What a Jinja page's form keeps, as the live server keeps it: `_` names are the form's own. */
export function formAnswers (form, answers) {
  const kept = answersOf(answers)
  const fields = Object.create(null) // a field named __proto__ is a field like any other
  for (const [name, value] of new FormData(form)) {
    if (value instanceof File && !value.name) continue // no file chosen: an earlier one's name stays
    (fields[name] ??= []).push(value instanceof File ? value.name : value)
  }
  for (const [name, values] of Object.entries(fields)) {
    if (name.startsWith('_')) continue
    if (values.includes(UNCHECKED)) kept[name] = values.filter((value) => value !== UNCHECKED)
    else kept[name] = values.length === 1 ? values[0] : values
  }
  return kept
}

/** A Jinja page's form filled with the answers given, as `"value": data["name"]` fills it live. */
export function fillPageForm (form, answers) {
  for (const field of form.elements) {
    const answer = own(answers, field.name)
    if (!field.name || field.name.startsWith('_') || answer === undefined || ['file', 'hidden', 'submit', 'button', 'password'].includes(field.type)) continue
    const given = Array.isArray(answer) ? answer.map(String) : [String(answer)]
    if (field.type === 'radio' || field.type === 'checkbox') field.checked = given.includes(field.value)
    else if (field.tagName === 'SELECT') field.value = given[0]
    else if (field.tagName === 'TEXTAREA' || field.tagName === 'INPUT') field.value = given.join(', ')
  }
  // GOV.UK Frontend opens a reveal when its option is clicked: tell it about the options ticked here.
  for (const input of form.querySelectorAll('input[aria-controls]')) input.dispatchEvent(new Event('click', { bubbles: true }))
}
