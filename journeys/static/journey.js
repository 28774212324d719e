// Where a person is in a flow, worked out from their answers: a mirror of journeys/journey.py.
import { holds } from './conditions.js'

const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key)

export function nextPageId (page, answers) {
  for (const rule of page.next) {
    if (!rule.when || holds(rule.when, answers)) return rule.goto
  }
  return null
}

// The ids of the pages these answers lead through, stopping at the first page not yet answered.
export function pathTaken (flow, answers, stopAt = null) {
  const path = []
  let pageId = flow.first
  while (pageId !== null && has(flow.pages, pageId) && !path.includes(pageId)) {
    path.push(pageId)
    const page = flow.pages[pageId]
    if (pageId === stopAt || page.questions.some((q) => !has(answers, q.name))) break
    pageId = nextPageId(page, answers)
  }
  return path
}

// The page before this one on the path taken (check answers while changing an answer), or null.
export function backPageId (flow, pageId, answers, change) {
  if (change && has(flow.pages, change)) return change
  const path = pathTaken(flow, answers, pageId)
  const index = path.indexOf(pageId)
  if (index !== -1) return index > 0 ? path[index - 1] : null
  return path[path.length - 1]
}

// Where to go once a page is answered: {page, change}, as after_answering decides.
export function afterAnswering (flow, pageId, answers, change) {
  if (change && has(flow.pages, change)) {
    const path = pathTaken(flow, answers, change)
    const last = path[path.length - 1]
    return last === change ? { page: change, change: null } : { page: last, change }
  }
  return { page: nextPageId(flow.pages[pageId], answers) || pageId, change: null }
}
