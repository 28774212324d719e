// Reading a submitted question page in the browser: a mirror of journeys/validation.py.
// Messages come worked out in the flow's JSON, so the wording is the server's.
// Both run the cases in tests/vectors/validation.json.
import { matches } from './patterns.js'
import { own } from './answers.js'

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
const MAX_EMAIL = 254 // the longest address mail can carry: EMAIL slows on a long answer
const TEL = /^\+?[0-9]{10,15}$/
const URL_PATTERN = /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/
const NINO = /^[A-Z]{2}[0-9]{6}[A-D]$/
const DIGITS = /^[0-9]+$/
const NUMBER = /^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/
const WHOLE = /^[-+]?[0-9]+$/
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december']
const DATE_PARTS = ['day', 'month', 'year']

// fields: {name: [values]} as a form sends them; previous: the answers so far; today: 'YYYY-MM-DD'.
// `dropped` names the questions revealed under options not chosen: their answers are removed.
export function readPage (page, fields, previous, today) {
  const submission = { answers: Object.create(null), typed: Object.create(null), errors: [], dropped: [] }
  for (const question of page.questions) readQuestion(question, fields, previous, submission, today)
  return submission
}

const first = (fields, name) => String((own(fields, name) || [''])[0] ?? '').trim()
const error = (question, field, message, parts = []) => ({ question: question.name, field, message, parts })
const length = (text) => [...text].length // characters, as Python counts them

/** One question's answer, and then the questions revealed under the options chosen. */
export function readQuestion (question, fields, previous, into, today) {
  readOne(question, fields, previous, into, today)
  const answer = into.answers[question.name]
  const chosen = Array.isArray(answer) ? answer : [answer]
  for (const option of question.options || []) {
    for (const revealed of option.reveal || []) {
      if (chosen.includes(option.value)) {
        readOne(revealed, fields, previous, into, today)
      } else {
        // Not asked: what was typed stays in the fields, but is not checked or stored.
        into.dropped.push(revealed.name)
      }
    }
  }
}

function readOne (question, fields, previous, into, today) {
  const { name, type } = question
  if (type === 'date') return readDate(question, fields, into, today)
  if (type === 'address') return readAddress(question, fields, into)
  if (type === 'checkboxes') {
    const known = question.options.map((o) => o.value)
    const ticked = (own(fields, name) || []).filter((v) => known.includes(v))
    into.typed[name] = into.answers[name] = ticked
    if (question.required && !ticked.length) into.errors.push(error(question, name, question.messages.required))
    const exclusive = question.options.filter((o) => o.exclusive).map((o) => o.value)
    if (ticked.length > 1 && ticked.some((v) => exclusive.includes(v))) into.errors.push(error(question, name, question.messages.exclusive))
    return
  }
  if (type === 'file') {
    const chosen = first(fields, name) || own(previous, name) || ''
    into.typed[name] = into.answers[name] = chosen
    if (question.required && !chosen) into.errors.push(error(question, name, question.messages.required))
    return
  }
  let value = first(fields, name)
  into.typed[name] = value
  if (['radios', 'yes-no', 'select'].includes(type) && value && !question.options.some((o) => o.value === value)) {
    value = '' // not one of the options: treat as unanswered
  }
  if (type === 'autocomplete' && value) {
    const chosen = chosenOption(question, value)
    if (chosen === null) { // typed, not chosen: the answer must be one of the options
      into.answers[name] = value
      into.errors.push(error(question, name, question.messages.choice))
      return
    }
    value = chosen
  }
  if (value === '') {
    into.answers[name] = ''
    if (question.required) into.errors.push(error(question, name, question.messages.required))
    return
  }
  const [stored, rule] = checkText(question, value)
  into.answers[name] = stored
  if (rule) into.errors.push(error(question, name, question.messages[rule]))
}

// Spaces and case do not matter; ASCII spaces only, as in the Python.
const sameWords = (text) => text.split(/[ \t\n\r\f\v]+/).filter(Boolean).join(' ').toLowerCase()

/** The option an autocomplete's answer names: its value (the select sends it), or its words typed in any case. */
export function chosenOption (question, typed) {
  if (question.options.some((o) => o.value === typed)) return typed
  return question.options.find((o) => sameWords(o.text) === sameWords(typed))?.value ?? null
}

function checkText (question, value) {
  const { type, limits } = question
  if (type === 'email' && (length(value) > MAX_EMAIL || !EMAIL.test(value))) return [value, 'email']
  if (type === 'tel' && !TEL.test(value.replace(/[\s()-]/g, ''))) return [value, 'tel']
  if (type === 'url' && !URL_PATTERN.test(value)) return [value, 'url']
  if (type === 'postcode') {
    const match = POSTCODE.exec(value.toUpperCase().replace(/\s+/g, ''))
    if (!match) return [value, 'postcode']
    value = `${match[1]} ${match[2]}`
  }
  if (type === 'national-insurance-number') {
    const compact = value.toUpperCase().replace(/\s+/g, '')
    if (!NINO.test(compact)) return [value, 'national_insurance_number']
    value = compact
  }
  if (type === 'number') {
    const compact = value.replace(/,/g, '')
    if (!NUMBER.test(compact)) return [value, 'number']
    if (limits.whole && !WHOLE.test(compact)) return [value, 'whole']
    const number = parseFloat(compact)
    if ('min' in limits && number < limits.min) return [value, 'min']
    if ('max' in limits && number > limits.max) return [value, 'max']
  }
  if ('min_length' in limits && length(value) < limits.min_length) return [value, 'min_length']
  if ('max_length' in limits && length(value) > limits.max_length) return [value, 'max_length']
  if ('max_words' in limits && value.split(/\s+/).filter(Boolean).length > limits.max_words) return [value, 'max_words']
  if ('pattern' in limits && !matches(question.pattern, value)) return [value, 'pattern']
  return [value, '']
}

function readDate (question, fields, into, today) {
  const { name, messages, limits } = question
  const parts = Object.fromEntries(DATE_PARTS.map((part) => [part, first(fields, `${name}-${part}`)]))
  into.typed[name] = parts
  into.answers[name] = ''
  const missing = DATE_PARTS.filter((part) => !parts[part])
  if (missing.length === 3) {
    if (question.required) into.errors.push(error(question, `${name}-day`, messages.required))
    return
  }
  if (missing.length) {
    const words = missing.length === 2 ? missing.join(' and ') : missing[0]
    into.errors.push(error(question, `${name}-${missing[0]}`, messages.date_parts.replace('{missing}', words), missing))
    return
  }
  const month = monthNumber(parts.month)
  if (!DIGITS.test(parts.day) || month === null || !DIGITS.test(parts.year)) {
    into.errors.push(error(question, `${name}-day`, messages.date))
    return
  }
  if (parts.year.length !== 4) {
    into.errors.push(error(question, `${name}-year`, messages.year, ['year']))
    return
  }
  const iso = realDate(Number(parts.year), month, Number(parts.day))
  if (iso === null) {
    into.errors.push(error(question, `${name}-day`, messages.date))
    return
  }
  into.answers[name] = iso
  if (limits.past && iso >= today) into.errors.push(error(question, `${name}-day`, messages.past))
  else if (limits.future && iso <= today) into.errors.push(error(question, `${name}-day`, messages.future))
}

function monthNumber (text) {
  if (DIGITS.test(text)) return Number(text) >= 1 && Number(text) <= 12 ? Number(text) : null
  const word = text.toLowerCase()
  const index = MONTHS.findIndex((month) => word.length >= 3 && month.startsWith(word))
  return index === -1 ? null : index + 1
}

// 'YYYY-MM-DD' for a date that exists, else null (years 1 to 9999, as Python allows).
function realDate (year, month, day) {
  if (year < 1) return null
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function readAddress (question, fields, into) {
  const { name, messages } = question
  const parts = Object.fromEntries(question.parts.map((part) => [part, first(fields, `${name}-${part}`)]))
  into.typed[name] = { ...parts }
  if (!question.required && !Object.values(parts).some(Boolean)) {
    into.answers[name] = parts
    return
  }
  for (const part of ['line-1', 'town', 'postcode']) {
    if (!parts[part]) into.errors.push(error(question, `${name}-${part}`, messages[`address_${part}`]))
  }
  if (parts.postcode) {
    const match = POSTCODE.exec(parts.postcode.toUpperCase().replace(/\s+/g, ''))
    if (match) parts.postcode = `${match[1]} ${match[2]}`
    else into.errors.push(error(question, `${name}-postcode`, messages.postcode))
  }
  into.answers[name] = parts
}
