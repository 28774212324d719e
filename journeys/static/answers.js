// Answers in the browser live in objects with no prototype: a question named `constructor` or
// `toString`, or an answer typed as `__proto__`, is then only ever an answer, never something
// every plain object inherits (a function's source, "[object Object]", or a new prototype).

const isMapping = (value) => value !== null && typeof value === 'object' && !Array.isArray(value)

/** A new answers object holding the own entries of each of `sources`, later ones winning. */
export const answersOf = (...sources) => Object.assign(Object.create(null), ...sources)

/** JSON read into answers objects, at every level (a list's items too). */
export const readAnswers = (text) => JSON.parse(text, (key, value) => (isMapping(value) ? answersOf(value) : value))

/** `object[key]` if the object itself holds it, else undefined: never what it inherits. */
export const own = (object, key) => (object !== null && object !== undefined && Object.hasOwn(object, key) ? object[key] : undefined)
