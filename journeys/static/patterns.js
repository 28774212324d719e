// A question's `pattern:`, matched in one pass over the answer: a mirror of the matcher in
// journeys/flows/patterns.py. The browser's RegExp backtracks, and a pattern such as (a+)+
// freezes the tab; here the flow's JSON brings the pattern's position automaton, worked out by
// the Python, and an answer is followed through every position at once, a character at a time.
// Both run tests/vectors/patterns.json.

const CACHE_LIMIT = 4096

const inSet = (ranges, code) => {
  let low = 0
  let high = ranges.length - 1
  while (low <= high) { // ranges are sorted and apart: a binary search
    const middle = (low + high) >> 1
    if (code < ranges[middle][0]) high = middle - 1
    else if (code > ranges[middle][1]) low = middle + 1
    else return true
  }
  return false
}

const matchers = new WeakMap()

function matcherOf (automaton) {
  let matcher = matchers.get(automaton)
  if (!matcher) {
    matcher = { taking: new Map(), after: new Map(), last: new Set(automaton.last) }
    matchers.set(automaton, matcher)
  }
  return matcher
}

// The positions whose set holds a character, as a flag per position.
function taking (automaton, matcher, code) {
  let found = matcher.taking.get(code)
  if (!found) {
    found = automaton.sets.map((ranges) => inSet(ranges, code))
    if (matcher.taking.size > CACHE_LIMIT) matcher.taking.clear() // an answer of many different characters
    matcher.taking.set(code, found)
  }
  return found
}

// Every position that can follow one of `here` (sorted, each once).
function after (automaton, matcher, here) {
  const key = here.join(',')
  let found = matcher.after.get(key)
  if (!found) {
    found = [...new Set(here.flatMap((position) => automaton.follow[position]))].sort((a, b) => a - b)
    if (matcher.after.size > CACHE_LIMIT) matcher.after.clear()
    matcher.after.set(key, found)
  }
  return found
}

/** Whether the whole of `answer` matches the pattern whose automaton is `automaton`. */
export function matches (automaton, answer) {
  const matcher = matcherOf(automaton)
  let here = null
  for (const char of answer) { // by code point, as Python reads a string
    const reachable = here === null ? automaton.first : after(automaton, matcher, here)
    const holds = taking(automaton, matcher, char.codePointAt(0))
    here = reachable.filter((position) => holds[position])
    if (!here.length) return false
  }
  return here === null ? automaton.empty : here.some((position) => matcher.last.has(position))
}
