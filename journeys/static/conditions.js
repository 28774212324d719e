// Branching conditions, evaluated in the browser exactly as journeys/conditions.py evaluates
// them on the server, so a frozen prototype follows the same paths as the live one. Both run
// every case in tests/vectors/conditions.json: keep the two in step.
//
// A condition is an object; every entry must hold:
//   {name: value}        the answer is value (a checkbox answer: that box is ticked)
//   {name: [a, b]}       the answer is one of a, b (checkboxes: a or b is ticked)
//   {name: {test: ...}}  is, not, includes, answered, less_than, more_than, at_least, at_most, count
//   {name: {count: {at_least: 3}}}  how many items a list has (or boxes are ticked), tested as a number
//   {all: [c, ...]}  {any: [c, ...]}  {not: c}

const NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/
const NUMBER_TESTS = {
  less_than: (number, limit) => number < limit,
  more_than: (number, limit) => number > limit,
  at_least: (number, limit) => number >= limit,
  at_most: (number, limit) => number <= limit
}

/** Whether `condition` holds for `answers`. */
export function holds (condition, answers) {
  return Object.entries(condition).every(([key, value]) => entry(key, value, answers))
}

function entry (key, value, answers) {
  if (key === 'all') return value.every((condition) => holds(condition, answers))
  if (key === 'any') return value.some((condition) => holds(condition, answers))
  if (key === 'not') return !holds(value, answers)
  const answer = Object.hasOwn(answers, key) ? answers[key] : null
  if (isMapping(value)) {
    return Object.entries(value).every(([test, expected]) => check(test, expected, answer))
  }
  return is(answer, value)
}

function check (test, expected, answer) {
  if (test === 'is') return is(answer, expected)
  if (test === 'not') return !is(answer, expected)
  if (test === 'includes') {
    const wanted = Array.isArray(expected) ? expected : [expected]
    return wanted.every((item) => is(answer, item))
  }
  if (test === 'answered') return isAnswered(answer) === truthy(expected)
  if (test === 'count') {
    return Object.entries(expected).every(([numberTest, limit]) => check(numberTest, limit, countOf(answer)))
  }
  const number = asNumber(answer)
  if (number === null) return false
  if (!Object.hasOwn(NUMBER_TESTS, test)) throw new Error(`unknown test '${test}'`)
  return NUMBER_TESTS[test](number, toFloat(expected))
}

/** The answer is `expected`, or one of a list of them; a list answer is one ticked item. */
function is (answer, expected) {
  const options = Array.isArray(expected) ? expected : [expected]
  const given = Array.isArray(answer) ? answer : [answer]
  const wanted = new Set(options.map(asText))
  // An item of a list (a mapping of its answers) is never equal to a value.
  return given.some((item) => item !== null && item !== undefined && !isMapping(item) && wanted.has(asText(item)))
}

/** How YAML values compare with answers: as the text a form would send. */
export function asText (value) {
  if (value === true) return 'true'
  if (value === false) return 'false'
  if (value === null || value === undefined) return 'None' // Python's str(None)
  return String(value) // a whole number prints without '.0', as Python's as_text makes it
}

/** The answer as a number ('1,200' and ' 7 ' count), or null. */
export function asNumber (answer) {
  if (typeof answer === 'boolean' || answer === null || answer === undefined || typeof answer === 'object') {
    return null
  }
  if (typeof answer === 'number') return answer
  const text = String(answer).replaceAll(',', '')
  if (!NUMBER.test(text)) return null
  const number = Number(text)
  return Number.isFinite(number) ? number : null
}

/** Something was given: not missing, not blank, not an empty list of ticks; a list with an item. */
export function isAnswered (answer) {
  if (answer === null || answer === undefined) return false
  if (typeof answer === 'string') return answer.trim() !== ''
  // An added item counts, even when its questions were optional and left blank.
  if (Array.isArray(answer)) return answer.some((item) => isMapping(item) || isAnswered(item))
  if (typeof answer === 'object') return Object.values(answer).some(isAnswered)
  return true
}

/** How many: the items of a list, the ticked boxes; one for any other answer given. */
export function countOf (answer) {
  if (Array.isArray(answer)) return answer.length
  return isAnswered(answer) ? 1 : 0
}

function isMapping (value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

// Python's truth: None, false, 0, '' and empty lists and mappings are false.
function truthy (value) {
  if (Array.isArray(value)) return value.length > 0
  if (isMapping(value)) return Object.keys(value).length > 0
  return Boolean(value)
}

// Python's float() of a limit: numbers as they are, true as 1, numeric text read.
function toFloat (value) {
  const number = typeof value === 'string' ? Number(value.trim()) : Number(value)
  if (Number.isNaN(number) || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw new Error(`'${value}' is not a number`)
  }
  return number
}
