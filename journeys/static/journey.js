// Where a person is in a flow, worked out from their answers: a mirror of journeys/flows/navigation.py.
// A step is {page, item}: on an item's page, the item's number (from 1); elsewhere item is null.
// Both run tests/vectors/journeys.json and tests/vectors/lists.json.
import { holds } from './conditions.js'

const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key)
const step = (page, item = null) => ({ page, item })
const same = (a, b) => a !== null && b !== null && a.page === b.page && a.item === b.item

/** 'person-name?item=2', or the page's id: how vectors and addresses write a step. */
export function stepText ({ page, item }) {
  return item === null ? page : `${page}?item=${item}`
}

/** A list's items, each an object of its answers (anything else stored there counts as no items). */
export function records (answers, listId) {
  const value = has(answers, listId) ? answers[listId] : null
  if (!Array.isArray(value)) return []
  return value.map((item) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? item : {}))
}

/** The add-another page whose items are asked on `pageId`, or null. */
export function listOf (flow, pageId) {
  return Object.entries(flow.pages).find(([, page]) => page.list && page.list.pages.includes(pageId))?.[0] ?? null
}

export function nextPageId (page, answers) {
  for (const rule of page.next) {
    if (!rule.when || holds(rule.when, answers)) return rule.goto
  }
  return null
}

const unanswered = (page, answers) => page.questions.some((q) => !has(answers, q.name))

// The steps these answers lead through, stopping at the first page not yet answered.
export function stepsTaken (flow, answers, stopAt = null) {
  const steps = []
  const seen = new Set()
  let pageId = flow.first
  while (pageId !== null && has(flow.pages, pageId) && !seen.has(pageId)) {
    seen.add(pageId)
    const page = flow.pages[pageId]
    if (page.list) {
      const items = records(answers, pageId)
      if (!items.length) {
        steps.push(step(page.list.pages[0], 1))
        return steps
      }
      for (const [index, item] of items.entries()) {
        for (const itemPage of page.list.pages) {
          steps.push(step(itemPage, index + 1))
          if (same(steps.at(-1), stopAt) || unanswered(flow.pages[itemPage], item)) return steps
        }
      }
      steps.push(step(pageId))
      if (same(steps.at(-1), stopAt) || items.length < Math.max(page.list.min, 1)) return steps
    } else {
      steps.push(step(pageId))
      if (same(steps.at(-1), stopAt) || unanswered(page, answers)) return steps
    }
    pageId = nextPageId(page, answers)
  }
  return steps
}

// The step before this one (check answers while changing an answer), or null.
export function backStep (flow, here, answers, change) {
  if (change && has(flow.pages, change)) return step(change)
  const listId = listOf(flow, here.page)
  if (listId !== null) {
    const pages = flow.pages[listId].list.pages
    const index = pages.indexOf(here.page)
    if (index > 0) return step(pages[index - 1], here.item)
    return records(answers, listId).length ? step(listId) : beforeList(flow, listId, answers)
  }
  if (flow.pages[here.page].list) return beforeList(flow, here.page, answers)
  const path = stepsTaken(flow, answers, here)
  const index = path.findIndex((s) => same(s, here))
  if (index !== -1) return index > 0 ? path[index - 1] : null
  return path.at(-1) // off the path: back to where the answers reach
}

function beforeList (flow, listId, answers) {
  const path = stepsTaken(flow, answers, step(listId))
  const ours = [listId, ...flow.pages[listId].list.pages]
  const index = path.findIndex((s) => ours.includes(s.page))
  if (index !== -1) return index > 0 ? path[index - 1] : null
  return path.at(-1)
}

// Where to go once a page is answered: {step, change}, as after_answering decides.
export function afterAnswering (flow, here, answers, change) {
  if (change && has(flow.pages, change)) return returningTo(flow, change, answers)
  const listId = listOf(flow, here.page)
  if (listId !== null) {
    const pages = flow.pages[listId].list.pages
    const index = pages.indexOf(here.page)
    return { step: index + 1 < pages.length ? step(pages[index + 1], here.item) : step(listId), change: null }
  }
  return { step: step(nextPageId(flow.pages[here.page], answers) || here.page), change: null }
}

// The way back to `change` (check answers): there, or the first step on the way not yet answered.
export function returningTo (flow, change, answers) {
  const path = stepsTaken(flow, answers, step(change))
  const last = path.at(-1)
  return same(last, step(change)) ? { step: last, change: null } : { step: last, change }
}
