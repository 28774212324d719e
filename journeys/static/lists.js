// An add-another list's answers in the browser: a mirror of journeys/flows/lists.py. Both run
// tests/vectors/lists.json. A list is stored under its page's id: [{"full-name": "Ann"}, ...].
import { listOf, nextPageId, records, returningTo } from './journey.js'
import { walk } from './steps.js'
import { answersOf } from './answers.js'

export const ADD_ANOTHER = '_add-another'
export const REMOVE = '_remove'

/** '1 person', '2 people'. */
export function words (list, count) {
  return `${count} ${count === 1 ? list.item : list.items}`
}

/** 'Person 2': an item's title on check your answers. */
export function itemName (list, number) {
  return `${list.item.slice(0, 1).toUpperCase()}${list.item.slice(1)} ${number}`
}

/** Whether an item's page can be shown for this item: one already added, or the next while there is room. */
export function isOpen (flow, here, answers) {
  const listId = listOf(flow, here.page)
  if (listId === null) return here.item === null
  if (here.item === null) return false
  const count = records(answers, listId).length
  const most = flow.pages[listId].list.max
  return (here.item >= 1 && here.item <= count) || (here.item === count + 1 && (most === null || here.item <= most))
}

/** The answers a step's page shows: the item's own on an item's page, else everyone's. */
export function pageAnswers (flow, answers, here) {
  const listId = listOf(flow, here.page)
  if (listId === null || here.item === null) return answers
  return records(answers, listId)[here.item - 1] || answersOf()
}

/** The answers once a page is sent: its answers added, the answers of reveals not chosen removed. */
export function store (flow, answers, here, submission) {
  const listId = listOf(flow, here.page)
  if (listId === null) return merged(answers, submission)
  const items = records(answers, listId)
  const item = merged(items[here.item - 1] || answersOf(), submission)
  return answersOf(answers, { [listId]: [...items.slice(0, here.item - 1), item, ...items.slice(here.item)] })
}

function merged (answers, submission) {
  const result = answersOf(answers, submission.answers)
  for (const name of submission.dropped) delete result[name]
  return result
}

/** The answers without item `number`: the items after it move up one. */
export function removeItem (answers, listId, number) {
  const items = records(answers, listId)
  return answersOf(answers, { [listId]: [...items.slice(0, number - 1), ...items.slice(number)] })
}

/** Yes: {step} of a new item's first page. No (or a full list): the list's next, once it has min items and
 * each is finished; else {error}. */
export function addAnother (flow, listId, answers, chosen, change) {
  const page = flow.pages[listId]
  const { list } = page
  const count = records(answers, listId).length
  const changing = change && Object.hasOwn(flow.pages, change) ? change : null
  if (list.max === null || count < list.max) {
    if (chosen !== 'Yes' && chosen !== 'No') return { error: list.messages.required }
    if (chosen === 'Yes') return { step: { page: list.pages[0], item: count + 1 }, change: changing }
  }
  if (count < Math.max(list.min, 1)) return { error: list.messages.min }
  const unfinished = walk(flow, listId, answers).steps.at(-1)
  if (listOf(flow, unfinished.page) === listId) return { step: unfinished, change: changing } // an item left part-way: finish it first
  if (changing) return returningTo(flow, changing, answers, { page: listId, item: null })
  return { step: { page: nextPageId(page, answers) || listId, item: null }, change: null }
}
