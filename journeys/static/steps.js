// A flow's steps, and the walk along `next` that answers take from a page: a mirror of
// journeys/flows/steps.py. A step is {page, item}: on an item's page, the item's number (from 1).
import { holds } from './conditions.js'
import { answersOf } from './answers.js'

export const STOPPED = 'stopped'
export const RETURNED = 'returned'
export const HUB = 'hub'
export const ENDED = 'ended'

export const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key)
export const step = (page, item = null) => ({ page, item })
export const same = (a, b) => a !== null && b !== null && a !== undefined && b !== undefined && a.page === b.page && a.item === b.item

/** A list's items, each an object of its answers (anything else stored there counts as no items). */
export function records (answers, listId) {
  const value = has(answers, listId) ? answers[listId] : null
  if (!Array.isArray(value)) return []
  return value.map((item) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? item : answersOf()))
}

export function nextPageId (page, answers) {
  for (const rule of page.next) {
    if (!rule.when || holds(rule.when, answers)) return rule.goto
  }
  return null
}

export const unanswered = (page, answers) => page.questions.some((q) => !has(answers, q.name))

/** {steps, outcome}: the steps from `pageId` along `next`, and how the walk ended (also at `stopAt`, if given). */
export function walk (flow, pageId, answers, until = null, stopAt = null) {
  const steps = []
  const seen = new Set()
  while (pageId !== null && has(flow.pages, pageId) && !seen.has(pageId)) {
    if (pageId === until) return { steps, outcome: RETURNED }
    seen.add(pageId)
    const page = flow.pages[pageId]
    if (page.sections) {
      steps.push(step(pageId))
      return { steps, outcome: HUB }
    }
    if (page.list) {
      const items = records(answers, pageId)
      if (!items.length) {
        steps.push(step(page.list.pages[0], 1))
        return { steps, outcome: STOPPED }
      }
      for (const [index, item] of items.entries()) {
        for (const itemPage of page.list.pages) {
          steps.push(step(itemPage, index + 1))
          if (same(steps.at(-1), stopAt) || unanswered(flow.pages[itemPage], item)) return { steps, outcome: STOPPED }
        }
      }
      steps.push(step(pageId))
      if (same(steps.at(-1), stopAt) || items.length < Math.max(page.list.min, 1)) return { steps, outcome: STOPPED }
    } else {
      steps.push(step(pageId))
      if (same(steps.at(-1), stopAt) || unanswered(page, answers)) return { steps, outcome: STOPPED }
    }
    pageId = nextPageId(page, answers)
  }
  return { steps, outcome: ENDED }
}

/** `steps` as far as the first `stopAt`, if it is there. */
export function upTo (steps, stopAt) {
  const index = stopAt ? steps.findIndex((s) => same(s, stopAt)) : -1
  return index === -1 ? steps : steps.slice(0, index + 1)
}
