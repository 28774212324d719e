// Where a person is in a flow, worked out from their answers: a mirror of journeys/flows/navigation.py.
// A step is {page, item}: on an item's page, the item's number (from 1); elsewhere item is null.
// Both run tests/vectors/journeys.json, tests/vectors/lists.json and tests/vectors/tasks.json.
import { HUB, has, nextPageId, records, same, step, upTo, walk } from './steps.js'
import { CANNOT_START, COMPLETED, progress } from './tasks.js'

export { nextPageId, records } from './steps.js'

/** 'person-name?item=2', or the page's id: how vectors and addresses write a step. */
export function stepText ({ page, item }) {
  return item === null ? page : `${page}?item=${item}`
}

/** The add-another page whose items are asked on `pageId`, or null. */
export function listOf (flow, pageId) {
  return Object.entries(flow.pages).find(([, page]) => page.list && page.list.pages.includes(pageId))?.[0] ?? null
}

/** The flow's task-list page, or null. */
export function hubOf (flow) {
  return Object.entries(flow.pages).find(([, page]) => page.sections)?.[0] ?? null
}

// The steps these answers lead through, from the first page (as far as `stopAt`): past a task
// list, each task that can start, back at the task list between them.
export function stepsTaken (flow, answers, stopAt = null) {
  const { steps, outcome } = walk(flow, flow.first, answers, null, stopAt)
  if (outcome === HUB && !same(steps.at(-1), stopAt)) {
    const hub = steps.at(-1)
    for (const task of progress(flow, hub.page, answers)) {
      if (task.status !== CANNOT_START) {
        if (!same(steps.at(-1), hub)) steps.push(hub)
        steps.push(...task.steps)
      }
    }
  }
  return upTo(steps, stopAt)
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
  const hub = hubOf(flow)
  if (hub !== null && path.some((s) => same(s, step(hub)))) return step(hub) // off the path past a task list
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
  if (change && has(flow.pages, change)) return returningTo(flow, change, answers, here)
  const listId = listOf(flow, here.page)
  if (listId !== null) {
    const pages = flow.pages[listId].list.pages
    const index = pages.indexOf(here.page)
    return { step: index + 1 < pages.length ? step(pages[index + 1], here.item) : step(listId), change: null }
  }
  return { step: step(nextPageId(flow.pages[here.page], answers) || here.page), change: null }
}

// The way back to `change` (check answers): there, or the first step on the way not yet answered
// (past a task list: of the task just answered, `here`'s; once it is completed, the task list).
export function returningTo (flow, change, answers, here = null) {
  const path = stepsTaken(flow, answers, step(change))
  const last = path.at(-1)
  if (same(last, step(change))) return { step: last, change: null }
  const hub = hubOf(flow)
  if (hub === null || !path.some((s) => same(s, step(hub)))) return { step: last, change }
  for (const task of progress(flow, hub, answers)) {
    if (task.steps.some((s) => same(s, here)) && task.status !== COMPLETED) return { step: task.steps.at(-1), change }
  }
  return { step: step(hub), change: null }
}
