// The dev server's update on save: the open page is fetched again and morphed in place with
// idiomorph, so what a person typed, where the focus is and how far the page is scrolled all
// stay. livereload.js still brings the message; this plugin takes it. Stylesheets and images in
// static/ are still swapped by livereload.js itself, and whatever this cannot apply safely (a
// change to the head or to a script, a page that is not 200, a script of the prototype's own
// or an autocomplete on the page, which change the page in ways a morph would undo) reloads
// the whole page, as before. `journeys serve` only: never in a built or hosted prototype.
//
// Loaded as the body ends, before GOV.UK Frontend's modules run: the page it sees is the page
// as the server sent it, which is what each component goes back to before it is started again.
(function () {
  'use strict'
  if (!window.Idiomorph || !window.DOMParser || !window.fetch) return

  const parse = (html) => new DOMParser().parseFromString(html, 'text/html')
  let sent = parse(document.documentElement.outerHTML)
  let govuk = null // GOV.UK Frontend's module, the one instance the page's init.js started
  const init = document.querySelector('script[type="module"][src$="/journeys/init.js"]')
  if (init) import(new URL('../govuk-frontend.min.js', init.src).href).then((module) => { govuk = module }, () => {})

  const SCRIPT_CLASSES = new Set(['js-enabled', 'govuk-frontend-supported'])
  const OWN_SCRIPT = /^\/livereload([./]|$)|\/journeys\/init\.js$/

  // Why `next` cannot be morphed into the page that showed `before`; '' when it can.
  function unsafe (before, next) {
    const head = (doc) => Array.from(doc.head.children, (el) => el.tagName === 'TITLE' ? '' : el.outerHTML).join('\n')
    if (head(before) !== head(next)) return 'the head changed'
    const scripts = (doc) => Array.from(doc.body.querySelectorAll('script'), (el) => el.outerHTML).join('\n')
    if (scripts(before) !== scripts(next)) return 'a script changed'
    for (const script of next.querySelectorAll('script[src]')) {
      if (!OWN_SCRIPT.test(new URL(script.getAttribute('src'), location.href).pathname)) return 'the page has a script of its own'
    }
    if (next.querySelector('[data-journeys-autocomplete]')) return 'the page has an autocomplete'
    // The GOV.UK template's own script adds two classes as the page loads: not a change.
    const classes = (body) => Array.from(body.classList).filter((name) => !SCRIPT_CLASSES.has(name)).sort().join(' ')
    const attributes = (body) => Array.from(body.attributes, (a) => a.name === 'class' ? classes(body) : `${a.name}=${a.value}`).join(' ')
    if (attributes(before.body) !== attributes(next.body)) return 'the body changed'
    return ''
  }

  // A form field's name for finding it again after the morph.
  function keyOf (field) {
    if (field.type === 'radio' || field.type === 'checkbox') return `${field.type}|${field.name}|${field.value}`
    if (field.id) return `#${field.id}`
    const same = document.getElementsByName(field.name)
    return `${field.tagName}|${field.name}|${Array.prototype.indexOf.call(same, field)}`
  }

  const IGNORED = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file'])
  const fields = () => Array.from(document.querySelectorAll('input, textarea, select')).filter((f) => !IGNORED.has(f.type))

  // What the person changed on the page: fields whose value is no longer the page's own.
  function changedFields () {
    const changed = new Map()
    for (const field of fields()) {
      if (field.type === 'radio' || field.type === 'checkbox') {
        if (field.checked !== field.defaultChecked) changed.set(keyOf(field), field.checked)
      } else if (field.tagName === 'SELECT') {
        if (Array.from(field.options).some((o) => o.selected !== o.defaultSelected)) {
          changed.set(keyOf(field), Array.from(field.selectedOptions, (o) => o.value))
        }
      } else if (field.value !== field.defaultValue) {
        changed.set(keyOf(field), field.value)
      }
    }
    return changed
  }

  function putBack (changed) {
    for (const field of fields()) {
      const key = keyOf(field)
      if (!changed.has(key)) continue
      const value = changed.get(key)
      if (field.type === 'radio' || field.type === 'checkbox') field.checked = value
      else if (field.tagName === 'SELECT') Array.from(field.options).forEach((o) => { o.selected = value.includes(o.value) })
      else field.value = value
    }
  }

  function focusNow () {
    const active = document.activeElement
    if (!active || active === document.body) return null
    const key = active.matches('input, textarea, select') ? keyOf(active) : active.id ? `#${active.id}` : null
    let selection = null
    try { selection = [active.selectionStart, active.selectionEnd] } catch (error) {}
    return key && { key, selection }
  }

  function focusAgain (focus) {
    if (!focus) return
    const element = fields().find((field) => keyOf(field) === focus.key) ||
      (focus.key.startsWith('#') ? document.getElementById(focus.key.slice(1)) : null)
    if (!element) return
    if (document.activeElement !== element) element.focus({ preventScroll: true })
    if (focus.selection && focus.selection[0] !== null) {
      try { element.setSelectionRange(focus.selection[0], focus.selection[1]) } catch (error) {}
    }
  }

  // Morph the page into `next`; false if it cannot be done here.
  function apply (next) {
    const changed = changedFields()
    const focus = focusNow()
    const [x, y] = [window.scrollX, window.scrollY]
    // GOV.UK Frontend's components have changed their own HTML and listen to it: each goes back
    // to its HTML as sent, is morphed like the rest, and is started again afterwards.
    const asSent = sent.body.querySelectorAll('[data-module]')
    const started = document.body.querySelectorAll('[data-module]')
    if (asSent.length !== started.length) return false
    started.forEach((root, index) => root.replaceWith(document.importNode(asSent[index], true)))
    document.title = next.title
    window.Idiomorph.morph(document.body, next.body, {
      morphStyle: 'innerHTML',
      callbacks: {
        // A details element the person opened stays open.
        beforeAttributeUpdated: (name, element, how) => !(name === 'open' && element.tagName === 'DETAILS' && how === 'remove')
      }
    })
    putBack(changed)
    if (govuk) govuk.initAll({ onError: () => {} })
    focusAgain(focus)
    if (window.scrollX !== x || window.scrollY !== y) window.scrollTo(x, y)
    return true
  }

  function reloadWhole (reason) {
    console.info(`Journeys reloads the whole page: ${reason}`)
    location.reload()
  }

  async function fetchAndApply () {
    const response = await fetch(location.href, { cache: 'no-store', credentials: 'same-origin', headers: { Accept: 'text/html' } })
    const type = response.headers.get('Content-Type') || ''
    if (!response.ok || response.redirected || !type.startsWith('text/html')) return reloadWhole(`the page answered ${response.status}`)
    const next = parse(await response.text())
    const reason = unsafe(sent, next) || (apply(next) ? '' : 'a component was added or removed by a script')
    if (reason) return reloadWhole(reason)
    sent = next
  }

  // One update at a time; a save during one is shown by the next.
  let running = false
  let again = false
  function update () {
    if (running) {
      again = true
      return
    }
    running = true
    fetchAndApply().catch((error) => reloadWhole(error)).finally(() => {
      running = false
      if (again) {
        again = false
        update()
      }
    })
  }

  function JourneysUpdate () {}
  JourneysUpdate.identifier = 'journeys-update'
  JourneysUpdate.version = '1.0'
  // Files in static/ come as /static/...: stylesheets and images livereload.js swaps, scripts reload.
  JourneysUpdate.prototype.reload = function (path) {
    if (String(path).startsWith('/static/')) return false
    update()
    return true
  }
  if (window.LiveReload) window.LiveReload.addPlugin(JourneysUpdate)
  else window.LiveReloadPluginJourneysUpdate = JourneysUpdate
})()
