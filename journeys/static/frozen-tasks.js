// The frozen site's task list: each task's status and link, and how many sections are completed,
// worked out from this tab's answers. Writes what journeys/rendering/task_list.py gives the
// GOV.UK task list component.
import { CANNOT_START, COMPLETED, IN_PROGRESS, NOT_STARTED, progress, sectionsCompleted } from './tasks.js'
import { escapeHtml } from './display.js'

const STATUS_TAGS = { [NOT_STARTED]: 'govuk-tag--blue', [IN_PROGRESS]: 'govuk-tag--teal' }

export function progressText (completed, total) {
  return `You have completed ${completed} of ${total} section${total === 1 ? '' : 's'}.`
}

function taskHtml (entry, id, href) {
  const title = escapeHtml(entry.task.title)
  if (entry.status === CANNOT_START) {
    return `<li class="govuk-task-list__item">
  <div class="govuk-task-list__name-and-hint"><div>${title}</div></div>
  <div class="govuk-task-list__status govuk-task-list__status--cannot-start-yet" id="${id}-status">${escapeHtml(entry.status)}</div>
</li>`
  }
  const status = entry.status === COMPLETED
    ? escapeHtml(entry.status)
    : `<strong class="govuk-tag ${STATUS_TAGS[entry.status]}">${escapeHtml(entry.status)}</strong>`
  return `<li class="govuk-task-list__item govuk-task-list__item--with-link">
  <div class="govuk-task-list__name-and-hint">
    <a class="govuk-link govuk-task-list__link" href="${escapeHtml(href)}" aria-describedby="${id}-status">${title}</a>
  </div>
  <div class="govuk-task-list__status" id="${id}-status">${status}</div>
</li>`
}

// The page's progress line and its sections of tasks, for these answers. links.step(step) is a step's address.
export function showTaskList (flow, hubId, answers, links) {
  const found = progress(flow, hubId, answers)
  const { sections } = flow.pages[hubId]
  const byTitle = Object.fromEntries(found.map((entry) => [entry.task.title, entry]))
  const line = document.querySelector('[data-journeys-progress]')
  if (line) line.textContent = progressText(sectionsCompleted(flow, hubId, found), sections.length)
  const box = document.querySelector('[data-journeys-tasks]') // a prototype's own layout may leave it out
  if (!box) return
  box.innerHTML = sections.map((section, index) => `<h2 class="govuk-heading-m">${escapeHtml(section.title)}</h2>
<ul class="govuk-task-list">
${section.tasks.map((task, number) => taskHtml(byTitle[task.title], `section-${index + 1}-${number + 1}`,
    links.step({ page: task.start, item: null }))).join('\n')}
</ul>`).join('\n')
}
