// The frozen site's journeys: answers kept in this browser tab (sessionStorage), checked with
// the server's rules and messages, branches followed, answers played back. Loaded only on
// frozen pages; the live server does all of this itself.
import { ErrorSummary } from '../govuk-frontend.min.js'
import { readPage } from './validation.js'
import { afterAnswering, backPageId, nextPageId } from './journey.js'
import { display, escapeHtml, summaryRowsHtml } from './display.js'

const STORE = 'journeys:answers'
const REFERENCE = '_reference'
const REFERENCE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
// This file is at <base>assets/journeys/: the site's base URL is two folders up.
const BASE = new URL('../../', import.meta.url).pathname

const load = () => { try { return JSON.parse(sessionStorage.getItem(STORE)) || {} } catch { return {} } }
const save = (answers) => sessionStorage.setItem(STORE, JSON.stringify(answers))
const flows = {}
const flowNamed = (slug) => (flows[slug] ??= fetch(new URL(`../flows/${slug}.json`, import.meta.url)).then((r) => r.json()))

function pageUrl (flow, pageId, change = null) {
  return `${BASE}${flow.slug}/${pageId}${change ? `?change=${encodeURIComponent(change)}` : ''}`
}

function today () {
  const now = new Date()
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-')
}

function newReference () {
  const random = crypto.getRandomValues(new Uint32Array(8))
  return Array.from(random, (n) => REFERENCE_LETTERS[n % REFERENCE_LETTERS.length]).join('')
}

// Jinja pages mark answers with {{ answer("name") }}: fill each from this tab's answers.
async function fillAnswerMarks (answers) {
  for (const mark of document.querySelectorAll('[data-journeys-answer]')) {
    const name = mark.dataset.journeysAnswer
    const flow = mark.dataset.journeysFlow ? await flowNamed(mark.dataset.journeysFlow) : null
    const question = flow && Object.values(flow.pages).flatMap((p) => p.questions).find((q) => q.name === name)
    const value = answers[name]
    mark.innerHTML = question ? display(question, value) : escapeHtml(Array.isArray(value) ? value.join(', ') : value ?? '')
  }
}

function fillFields (form, page, answers) {
  const field = (name) => form.elements.namedItem(name)
  for (const question of page.questions) {
    const { name, type } = question
    const answer = answers[name]
    if (answer === undefined || type === 'password' || type === 'file') continue
    if (type === 'radios' || type === 'yes-no' || type === 'checkboxes') {
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
}

function formFields (form) {
  const fields = {}
  for (const [name, value] of new FormData(form)) (fields[name] ??= []).push(value instanceof File ? value.name : value)
  return fields
}

function clearErrors (form) {
  document.querySelectorAll('.govuk-error-summary, [data-journeys-error]').forEach((el) => el.remove())
  form.querySelectorAll('.govuk-form-group--error').forEach((el) => el.classList.remove('govuk-form-group--error'))
  form.querySelectorAll('.govuk-input--error, .govuk-textarea--error, .govuk-select--error, .govuk-file-upload--error')
    .forEach((el) => el.classList.remove('govuk-input--error', 'govuk-textarea--error', 'govuk-select--error', 'govuk-file-upload--error'))
}

// Where a question's error goes: the group around the whole question (an address: each line's own).
function errorGroup (question, input) {
  if (question.type === 'address') return input.closest('.govuk-form-group')
  return input.closest('fieldset')?.closest('.govuk-form-group') || input.closest('.govuk-form-group')
}

const ANCHORS = [':scope > .govuk-hint', ':scope > fieldset > .govuk-hint', ':scope > fieldset > legend',
  ':scope > .govuk-label-wrapper', ':scope > label']
const ERROR_CLASSES = { TEXTAREA: 'govuk-textarea--error', SELECT: 'govuk-select--error', file: 'govuk-file-upload--error' }

// The GOV.UK error summary, a message by each question, and "Error: " in the title, as the server shows them.
function showErrors (form, page, errors) {
  clearErrors(form)
  const items = errors.map((e) => `<li><a href="#${escapeHtml(e.field)}">${escapeHtml(e.message)}</a></li>`).join('')
  form.parentElement.insertAdjacentHTML('afterbegin', `<div class="govuk-error-summary" data-module="govuk-error-summary">
  <div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2>
  <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">${items}</ul></div></div></div>`)
  for (const error of errors) {
    const question = page.questions.find((q) => q.name === error.question)
    const group = errorGroup(question, document.getElementById(error.field))
    group.classList.add('govuk-form-group--error')
    const id = `${error.field}-error`
    const anchor = ANCHORS.map((selector) => group.querySelector(selector)).find(Boolean)
    anchor.insertAdjacentHTML('afterend', `<p id="${escapeHtml(id)}" class="govuk-error-message" data-journeys-error>` +
      `<span class="govuk-visually-hidden">Error:</span> ${escapeHtml(error.message)}</p>`)
    const controls = group.querySelectorAll('input:not([type=radio]):not([type=checkbox]), textarea, select')
    for (const control of controls) {
      if (error.parts.length && !error.parts.some((part) => control.name.endsWith(`-${part}`))) continue
      control.classList.add(ERROR_CLASSES[control.tagName] || ERROR_CLASSES[control.type] || 'govuk-input--error')
    }
    const described = group.querySelector('fieldset') || controls[0] || group.querySelector('input')
    described.setAttribute('aria-describedby', `${described.getAttribute('aria-describedby') || ''} ${id}`.trim())
  }
  if (!document.title.startsWith('Error: ')) document.title = `Error: ${document.title}`
  new ErrorSummary(document.querySelector('.govuk-error-summary')) // focuses it, as GOV.UK Frontend does
}

async function main () {
  const scenario = document.getElementById('journeys-scenario')
  if (scenario) { // a scenario's page: its answers replace this tab's, then its start page opens
    save(JSON.parse(scenario.textContent))
    window.location.replace(document.querySelector('[data-journeys-start]').href)
    return
  }
  const answers = load()
  const clear = document.querySelector('form[data-journeys-clear]')
  clear?.addEventListener('submit', (event) => {
    event.preventDefault()
    sessionStorage.removeItem(STORE)
    window.location.assign(BASE)
  })

  const slug = document.querySelector('meta[name="journeys-flow"]')?.content
  const pageId = document.querySelector('meta[name="journeys-page"]')?.content
  const form = slug && document.querySelector('main form')
  const flowLoaded = slug && flowNamed(slug)
  const change = new URLSearchParams(window.location.search).get('change')
  // Listen before anything is awaited: a click before the flow has loaded must not send
  // the form on without its answers.
  form?.addEventListener('submit', async (event) => {
    event.preventDefault()
    let flow
    try {
      flow = await flowLoaded
    } catch {
      form.submit() // the flow could not load: go on as without JavaScript, to the default next page
      return
    }
    const page = flow.pages[pageId]
    const given = load()
    if (page.layout === 'check-answers') {
      const stored = { ...given, [REFERENCE]: newReference() }
      save(stored)
      window.location.assign(pageUrl(flow, nextPageId(page, stored) || pageId))
      return
    }
    const submission = readPage(page, formFields(form), given, today())
    if (submission.errors.length) return showErrors(form, page, submission.errors)
    const stored = { ...given, ...submission.answers }
    save(stored)
    const next = afterAnswering(flow, pageId, stored, change)
    window.location.assign(pageUrl(flow, next.page, next.change))
  })

  await fillAnswerMarks(answers)
  if (!slug) return
  const flow = await flowLoaded
  const page = flow.pages[pageId]
  const back = document.querySelector('.govuk-back-link')
  const backId = backPageId(flow, pageId, answers, change)
  if (back && backId) back.href = pageUrl(flow, backId)
  else if (back) back.remove()

  if (page.layout === 'check-answers') {
    document.querySelector('main .govuk-summary-list').innerHTML = summaryRowsHtml(flow, pageId, answers, (id, check) => pageUrl(flow, id, check))
  }
  if (page.layout === 'confirmation') {
    if (!answers[REFERENCE]) save({ ...answers, [REFERENCE]: newReference() })
    document.querySelectorAll('[data-journeys-reference]').forEach((el) => { el.textContent = load()[REFERENCE] })
  }
  if (form) fillFields(form, page, answers)
}

// Marks the page ready once filled in, so a browser check knows when to look.
main().finally(() => { document.body.dataset.journeysReady = 'true' })
