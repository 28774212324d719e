// A task list's tasks in the browser: the steps each has taken and its status, worked out from
// the answers alone. A mirror of journeys/flows/tasks.py; both run tests/vectors/tasks.json.
import { RETURNED, STOPPED, walk } from './steps.js'

export const NOT_STARTED = 'Not yet started'
export const IN_PROGRESS = 'In progress'
export const COMPLETED = 'Completed'
export const CANNOT_START = 'Cannot start yet'

const tasksOf = (hub) => hub.sections.flatMap((section) => section.tasks)

/** [{task, steps, status}] for every task of the task list `hubId`, in its order. */
export function progress (flow, hubId, answers) {
  const tasks = tasksOf(flow.pages[hubId])
  const walked = Object.fromEntries(tasks.map((task) => [task.title, walk(flow, task.start, answers, hubId)]))
  const statuses = {}
  const status = (task, waiting) => {
    if (!Object.hasOwn(statuses, task.title)) {
      const before = tasks.filter((other) => task.after.includes(other.title))
      const blocked = before.some((other) => waiting.has(other.title) || status(other, new Set([...waiting, task.title])) !== COMPLETED)
      statuses[task.title] = blocked ? CANNOT_START : ownStatus(flow, walked[task.title])
    }
    return statuses[task.title]
  }
  return tasks.map((task) => ({ task, steps: walked[task.title].steps, status: status(task, new Set()) }))
}

function ownStatus (flow, { steps, outcome }) {
  const answered = outcome === STOPPED ? steps.slice(0, -1) : steps
  if (!answered.some((s) => flow.pages[s.page].questions.length)) return NOT_STARTED
  return outcome === RETURNED ? COMPLETED : IN_PROGRESS
}

/** How many of the task list's sections have every task completed. */
export function sectionsCompleted (flow, hubId, found) {
  const done = new Set(found.filter((entry) => entry.status === COMPLETED).map((entry) => entry.task.title))
  return flow.pages[hubId].sections.filter((section) => section.tasks.every((task) => done.has(task.title))).length
}
