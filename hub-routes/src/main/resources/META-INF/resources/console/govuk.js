// GOV.UK Frontend's components (skip link, service navigation, buttons), from the WebJar the hub serves. A module
// script, so the page's Content-Security-Policy needs no inline script; browsers without modules get the plain page.
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
