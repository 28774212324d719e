// The frozen site's forms: filled from this tab's answers, read as a form sends them, and
// errors shown the GOV.UK way, as the live server shows them.
import { ErrorSummary } from '../govuk-frontend.min.js'
import { escapeHtml } from './display.js'
import { own } from './answers.js'

const CHOICES = ['radios', 'yes-no', 'checkboxes']
const FIELDSETS = [...CHOICES, 'date', 'address']

/** A page's questions, each followed by the questions revealed under its options. */
export function allQuestions (page) {
  return page.questions.flatMap((q) => [q, ...(q.options || []).flatMap((o) => o.reveal || [])])
}

export function fillFields (form, page, answers) {
  const field = (name) => form.elements.namedItem(name)
  for (const question of allQuestions(page)) {
    const { name, type } = question
    const answer = own(answers, name)
    if (answer === undefined || type === 'password' || type === 'file') continue
    if (CHOICES.includes(type)) {
      const ticked = Array.isArray(answer) ? answer : [answer]
      for (const box of form.querySelectorAll(`input[name="${CSS.escape(name)}"]`)) box.checked = ticked.includes(box.value)
    } else if (type === 'date') {
      const [year, month, day] = String(answer).split('-')
      if (day) Object.entries({ day: Number(day), month: Number(month), year }).forEach(([part, v]) => { field(`${name}-${part}`).value = v })
    } else if (type === 'address') {
      for (const part of question.parts) field(`${name}-${part}`).value = answer[part] || ''
    } else if (field(name)) {
      field(name).value = answer
      field(name).dispatchEvent(new Event('input')) // so a character count updates
    }
  }
  syncReveals(form)
}

// GOV.UK Frontend opens a reveal when its option is clicked; options ticked by this script
// were not, so each is told, as a click would (its handler only reads the boxes' state).
function syncReveals (form) {
  for (const input of form.querySelectorAll('input[aria-controls]')) {
    input.dispatchEvent(new Event('click', { bubbles: true }))
  }
}

export function formFields (form) {
  const fields = Object.create(null) // field names are the prototype's: `constructor` is one like any other
  for (const [name, value] of new FormData(form)) (fields[name] ??= []).push(value instanceof File ? value.name : value)
  return fields
}

function clearErrors (form) {
  document.querySelectorAll('.govuk-error-summary, [data-journeys-error]').forEach((el) => el.remove())
  form.querySelectorAll('.govuk-form-group--error').forEach((el) => el.classList.remove('govuk-form-group--error'))
  form.querySelectorAll('.govuk-input--error, .govuk-textarea--error, .govuk-select--error, .govuk-file-upload--error')
    .forEach((el) => el.classList.remove('govuk-input--error', 'govuk-textarea--error', 'govuk-select--error', 'govuk-file-upload--error'))
}

// Where a question's error goes: the group around the whole question (an address: each line's
// own). A revealed question's group sits inside the fieldset of the question that reveals it.
function errorGroup (question, input) {
  if (question.type === 'address' || !FIELDSETS.includes(question.type)) return input.closest('.govuk-form-group')
  return input.closest('fieldset').closest('.govuk-form-group')
}

const ANCHORS = [':scope > .govuk-hint', ':scope > fieldset > .govuk-hint', ':scope > fieldset > legend',
  ':scope > .govuk-label-wrapper', ':scope > label']
const REVEALS = '.govuk-radios__conditional, .govuk-checkboxes__conditional'
const ERROR_CLASSES = { TEXTAREA: 'govuk-textarea--error', SELECT: 'govuk-select--error', file: 'govuk-file-upload--error' }

// The GOV.UK error summary, a message by each question, and "Error: " in the title, as the server shows them.
export function showErrors (form, questions, errors) {
  clearErrors(form)
  const items = errors.map((e) => `<li><a href="#${escapeHtml(e.field)}">${escapeHtml(e.message)}</a></li>`).join('')
  form.parentElement.insertAdjacentHTML('afterbegin', `<div class="govuk-error-summary" data-module="govuk-error-summary">
  <div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2>
  <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">${items}</ul></div></div></div>`)
  for (const error of errors) {
    const question = questions.find((q) => q.name === error.question)
    const group = errorGroup(question, document.getElementById(error.field))
    group.classList.add('govuk-form-group--error')
    const id = `${error.field}-error`
    const anchor = ANCHORS.map((selector) => group.querySelector(selector)).find(Boolean)
    anchor.insertAdjacentHTML('afterend', `<p id="${escapeHtml(id)}" class="govuk-error-message" data-journeys-error>` +
      `<span class="govuk-visually-hidden">Error:</span> ${escapeHtml(error.message)}</p>`)
    // Only the question's own controls: not those revealed under its options.
    const controls = [...group.querySelectorAll('input:not([type=radio]):not([type=checkbox]), textarea, select')]
      .filter((control) => !group.contains(control.closest(REVEALS)))
    for (const control of controls) {
      if (error.parts.length && !error.parts.some((part) => control.name.endsWith(`-${part}`))) continue
      control.classList.add(ERROR_CLASSES[control.tagName] || ERROR_CLASSES[control.type] || 'govuk-input--error')
    }
    const described = group.querySelector(':scope > fieldset') || controls[0] || group.querySelector('input')
    described.setAttribute('aria-describedby', `${described.getAttribute('aria-describedby') || ''} ${id}`.trim())
  }
  if (!document.title.startsWith('Error: ')) document.title = `Error: ${document.title}`
  new ErrorSummary(document.querySelector('.govuk-error-summary')) // focuses it, as GOV.UK Frontend does
}
