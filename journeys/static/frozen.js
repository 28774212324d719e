// The frozen site's journeys: answers kept in this browser tab (sessionStorage), checked with
// the server's rules and messages, branches and lists followed, answers played back. Loaded
// only on frozen pages; the live server does all of this itself.
import { readPage } from './validation.js'
import { afterAnswering, backStep, listOf, nextPageId, records, returningTo } from './journey.js'
import { isOpen, pageAnswers, store } from './lists.js'
import { initAll } from '../govuk-frontend.min.js'
import { answerGroupsHtml } from './display.js'
import { allQuestions, fillFields, formFields, showErrors } from './frozen-forms.js'
import { answerHtml, fillPageForm, fillTitle, formAnswers, showWhenBlocks } from './frozen-content.js'
import { answerList, answerRemoval, showList, showRemoval } from './frozen-lists.js'
import { showTaskList } from './frozen-tasks.js'
import { enhance } from './autocomplete.js'
import { answersOf, own, readAnswers } from './answers.js'

const STORE = 'journeys:answers'
const REFERENCE = '_reference'
const STARTING = 'journeys:starting-scenario' // the scenario whose button this tab pressed
const REFERENCE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
// This file is at <base>assets/journeys/: the site's base URL is two folders up.
const BASE = new URL('../../', import.meta.url).pathname

const pathOf = (url) => new URL(url, window.location.href).pathname.replace(/\/(index\.html)?$/, '')
const load = () => { try { return readAnswers(sessionStorage.getItem(STORE)) || answersOf() } catch { return answersOf() } }
const save = (answers) => sessionStorage.setItem(STORE, JSON.stringify(answers))
const flows = {}
const flowNamed = (slug) => (flows[slug] ??= fetch(new URL(`../flows/${slug}.json`, import.meta.url)).then((r) => r.json()))

let leaving = false
const go = (url) => window.location.assign(url)
const leave = (url) => { leaving = true; window.location.replace(url) } // this page is not for these answers

// Addresses as the live server writes them: an item's page carries its number, a change where it returns.
function linksFor (flow) {
  return {
    step ({ page, item }, change = null) {
      const query = [...(item !== null ? [`item=${item}`] : []), ...(change ? [`change=${encodeURIComponent(change)}`] : [])]
      return `${BASE}${flow.slug}/${page}${query.length ? `?${query.join('&')}` : ''}`
    },
    remove: (listId, number) => `${BASE}${flow.slug}/${listId}/remove?item=${number}`
  }
}

function today () {
  const now = new Date()
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-')
}

function newReference () {
  const random = crypto.getRandomValues(new Uint32Array(8))
  return Array.from(random, (n) => REFERENCE_LETTERS[n % REFERENCE_LETTERS.length]).join('')
}

// Pages mark answers with {{ answer("name") }}: fill each from this tab's answers.
async function fillAnswerMarks (answers) {
  for (const mark of document.querySelectorAll('[data-journeys-answer]')) {
    const flow = mark.dataset.journeysFlow ? await flowNamed(mark.dataset.journeysFlow) : null
    mark.innerHTML = answerHtml(flow, mark.dataset.journeysAnswer, answers)
  }
}

// The form was sent: check it, keep its answers, and go where they lead.
async function submitted (form, flowLoaded, pageId, removing, number, change) {
  let flow
  try {
    flow = await flowLoaded
  } catch {
    form.submit() // the flow could not load: go on as without JavaScript, to the default next page
    return
  }
  const page = flow.pages[pageId]
  const links = linksFor(flow)
  const given = load()
  if (removing) {
    const kept = answerRemoval(form, flow, pageId, given, number)
    if (kept) { save(kept); go(links.step({ page: pageId, item: null })) }
    return
  }
  if (page.list) {
    const outcome = answerList(form, flow, pageId, given, change)
    if (outcome) go(links.step(outcome.step, outcome.change))
    return
  }
  if (page.layout === 'check-answers') {
    const way = returningTo(flow, pageId, given)
    // Sent before every question on the way is answered: to the first that is not.
    if (way.step.page !== pageId) return go(links.step(way.step, way.change))
    const stored = answersOf(given, { [REFERENCE]: newReference() })
    save(stored)
    go(links.step({ page: nextPageId(page, stored) || pageId, item: null }))
    return
  }
  const here = { page: pageId, item: listOf(flow, pageId) === null ? null : number }
  const submission = readPage(page, formFields(form), pageAnswers(flow, given, here), today())
  if (submission.errors.length) return showErrors(form, allQuestions(page), submission.errors)
  const stored = store(flow, given, here, submission)
  save(stored)
  const next = afterAnswering(flow, here, stored, change)
  go(links.step(next.step, next.change))
}

async function main () {
  // What depends on the answers first, then GOV.UK Frontend's components, those shown included.
  showWhenBlocks(load())
  initAll()
  // A scenario's answers replace this tab's only when its button is pressed, here or on the list
  // of scenarios: a link from another site opens its page and changes nothing.
  const scenario = document.getElementById('journeys-scenario')
  const starters = document.querySelectorAll('form[data-journeys-scenario-start]')
  const startScenario = (form) => { save(readAnswers(scenario.textContent)); leave(form.action) }
  if (scenario && sessionStorage.getItem(STARTING) === pathOf(window.location.href)) {
    sessionStorage.removeItem(STARTING) // pressed on the list, in this tab
    return startScenario(starters[0])
  }
  for (const form of starters) {
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      if (scenario) return startScenario(form)
      sessionStorage.setItem(STARTING, pathOf(form.action))
      go(form.action)
    })
  }
  const answers = load()
  const clear = document.querySelector('form[data-journeys-clear]')
  clear?.addEventListener('submit', (event) => {
    event.preventDefault()
    sessionStorage.removeItem(STORE)
    go(BASE)
  })

  const slug = document.querySelector('meta[name="journeys-flow"]')?.content
  const pageId = document.querySelector('meta[name="journeys-page"]')?.content
  const removing = Boolean(document.querySelector('meta[name="journeys-removing"]'))
  const form = slug && document.querySelector('main form')
  const flowLoaded = slug && flowNamed(slug)
  const params = new URLSearchParams(window.location.search)
  const change = params.get('change')
  const number = /^[0-9]+$/.test(params.get('item') ?? '') ? Number(params.get('item')) : null
  // Listen before anything is awaited: a click before the flow has loaded must not send
  // the form on without its answers.
  form?.addEventListener('submit', (event) => {
    event.preventDefault()
    submitted(form, flowLoaded, pageId, removing, number, change)
  })

  if (!slug) { // a page of the prototype's own: its forms keep their answers, as the live server's do
    for (const pageForm of document.querySelectorAll('form[data-journeys-form]:not([data-journeys-clear])')) {
      fillPageForm(pageForm, answers)
      pageForm.addEventListener('submit', (event) => {
        event.preventDefault()
        save(formAnswers(pageForm, load()))
        go(pageForm.action)
      })
    }
  }
  await fillAnswerMarks(answers)
  if (!slug) return
  const flow = await flowLoaded
  const page = flow.pages[pageId]
  fillTitle(flow, page.title, answers)
  const links = linksFor(flow)
  const back = document.querySelector('.govuk-back-link')
  if (removing) {
    if (!(number >= 1 && number <= records(answers, pageId).length)) return leave(links.step({ page: pageId, item: null }))
    if (back) back.href = links.step({ page: pageId, item: null })
    return showRemoval(form, flow, pageId, number)
  }
  const here = { page: pageId, item: listOf(flow, pageId) === null ? null : number }
  if (page.list && !records(answers, pageId).length) return leave(links.step({ page: page.list.pages[0], item: 1 }, change))
  if (!isOpen(flow, here, answers)) return leave(links.step({ page: listOf(flow, pageId), item: null }))
  const backTo = backStep(flow, here, answers, change)
  if (back && backTo) back.href = links.step(backTo)
  else if (back) back.remove()
  // An interruption card's own way back.
  document.querySelectorAll('[data-journeys-back]').forEach((link) => { if (backTo) link.href = links.step(backTo); else link.remove() })

  if (page.list) showList(flow, pageId, answers, links)
  if (page.sections) showTaskList(flow, pageId, answers, links)
  const answersBox = page.layout === 'check-answers' && document.querySelector('[data-journeys-answers]')
  if (answersBox) answersBox.innerHTML = answerGroupsHtml(flow, pageId, answers, links.step)
  if (page.layout === 'confirmation') {
    if (!answers[REFERENCE]) save(answersOf(answers, { [REFERENCE]: newReference() }))
    document.querySelectorAll('[data-journeys-reference]').forEach((el) => { el.textContent = load()[REFERENCE] })
  }
  if (form && !page.list) {
    fillFields(form, page, pageAnswers(flow, answers, here))
    const itemField = form.elements.namedItem('_item') // a layout of the prototype's own may not have it
    if (itemField && here.item !== null) itemField.value = here.item
    enhance(form) // the autocomplete starts from the answer filled in
  }
}

// Marks the page ready once filled in, so a browser check knows when to look (not on a page
// it is leaving for another).
// What only works with this script (check your answers' button, the reference) shows now.
main().finally(() => {
  document.querySelectorAll('[data-journeys-needs-script]').forEach((element) => { element.hidden = false })
  if (!leaving) document.body.dataset.journeysReady = 'true'
})
