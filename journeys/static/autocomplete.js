// Each autocomplete question's select, enhanced with GOV.UK's accessible-autocomplete (the npm
// package's own script, loaded before this one, makes window.accessibleAutocomplete): people type,
// and choose from the options that match. Without JavaScript, or without that script, the select
// works as it is. The text box sends what is typed, so words that are no option get the server's
// error (and the frozen site's, from validation.js) instead of being dropped.

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c])

/** Enhance the autocomplete questions in `root`: once the select shows the answer, as on the frozen site after filling it. */
export function enhance (root) {
  const autocomplete = window.accessibleAutocomplete
  if (!autocomplete) return
  for (const select of root.querySelectorAll('select[data-journeys-autocomplete][name]')) {
    const { name } = select
    const described = select.getAttribute('aria-describedby') // the question's hint and error
    autocomplete.enhanceSelectElement({
      selectElement: select,
      name,
      defaultValue: select.dataset.journeysTyped || '', // the chosen option's words take its place
      // The package writes each suggestion as HTML: an option's words must stay words.
      templates: { suggestion: (value) => escapeHtml(value) }
    })
    select.removeAttribute('name') // the text box sends the answer
    const input = document.getElementById(select.id.replace(/-select$/, ''))
    if (input && described) keepDescribed(input, described)
    if (input) hideTypeAhead(input.closest('.autocomplete__wrapper'))
  }
}

// The package describes the text box with its own instructions, and takes them away while
// people type; whenever they are there, the question's hint and error come with them.
function keepDescribed (input, described) {
  const add = () => {
    const now = input.getAttribute('aria-describedby')
    if (now && !now.startsWith(described)) input.setAttribute('aria-describedby', `${described} ${now}`)
  }
  add()
  new MutationObserver(add).observe(input, { attributes: true, attributeFilter: ['aria-describedby'] })
}

// The package shows the rest of the first match as grey text in a second, unlabelled box
// behind the text box. It is only a picture of what Enter would choose (the status it reads
// out says the same): hidden from screen readers, as axe-core rightly asks.
function hideTypeAhead (wrapper) {
  const hide = () => wrapper.querySelectorAll('.autocomplete__hint:not([aria-hidden])').forEach((box) => box.setAttribute('aria-hidden', 'true'))
  new MutationObserver(hide).observe(wrapper, { childList: true, subtree: true })
}

// Live pages now; frozen pages once frozen.js has filled in this tab's answers.
if (!document.querySelector('meta[name="journeys-flow"]')) enhance(document)
