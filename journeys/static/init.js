// Starts GOV.UK Frontend's components on every page. Loaded with type="module", so the
// browser only runs it where GOV.UK Frontend is supported.
import { initAll } from '../govuk-frontend.min.js'

initAll()
