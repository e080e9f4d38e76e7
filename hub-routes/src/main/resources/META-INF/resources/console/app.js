/*
 * The routing console: one page, no build step. It reads the console's JSON API (/api/v1/console) with the session
 * the sign-in gave, never shows a message body without a reason (the read is audited by the hub), and speaks Welsh
 * and English (the choice is kept per user by the hub).
 */
(function () {
  'use strict';

  const API = '/api/v1/console';
  const state = { me: null, dict: {}, language: 'en', stream: null, liveMessages: [], csrf: null };

  // ---------------------------------------------------------------- talking to the hub
  async function api(path, options) {
    const init = Object.assign({ credentials: 'same-origin', headers: {} }, options || {});
    init.headers = Object.assign({ 'X-Requested-With': 'JavaScript', Accept: 'application/json' }, init.headers);
    // every change carries the CSRF token the hub's last answer gave (the hub also checks the Origin the browser sets)
    if (init.method && init.method !== 'GET' && state.csrf) {
      init.headers['X-CSRF-Token'] = state.csrf;
    }
    if (init.json !== undefined) {
      init.body = JSON.stringify(init.json);
      init.headers['Content-Type'] = 'application/json';
      delete init.json;
    }
    const response = await fetch(API + path, init);
    if (response.status === 499 || response.status === 401) {
      // the session ended: sign in again and come back here
      window.location.reload();
      throw new Error('signed out');
    }
    const token = response.headers.get('X-CSRF-Token');
    if (token) {
      state.csrf = token;
    }
    const type = response.headers.get('Content-Type') || '';
    const payload = type.includes('json') ? await response.json() : await response.text();
    if (!response.ok) {
      const error = new Error(problemText(payload, response.status));
      error.status = response.status;
      error.problem = payload;
      throw error;
    }
    return payload;
  }

  function problemText(problem, status) {
    if (problem && typeof problem === 'object') {
      const violations = (problem.violations || problem.errors || [])
        .map(v => (v.field || v.pointer || '') + ': ' + (v.message || v.rule || '')).join('; ');
      return [problem.title, problem.detail, violations].filter(Boolean).join(' — ') || ('HTTP ' + status);
    }
    return 'HTTP ' + status;
  }

  // ---------------------------------------------------------------- language
  function t(key, fallback) {
    return state.dict[key] !== undefined ? state.dict[key] : (fallback !== undefined ? fallback : key);
  }

  function column(key) {
    return t('col.' + key, key.replace(/([A-Z])/g, ' $1').replace(/^./, c => c.toUpperCase()));
  }

  async function loadLanguage(language) {
    const response = await fetch('i18n/' + language + '.json', { credentials: 'same-origin' });
    state.dict = await response.json();
    state.language = language;
    document.documentElement.lang = language;
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n, el.textContent); });
    if (state.me) {
      document.getElementById('user-roles').textContent = '(' + state.me.roles.map(r => word('role', r)).join(', ') + ')';
    }
    // the switch names the other language in that language, so a screen reader says it that way
    document.getElementById('language-switch').lang = language === 'cy' ? 'en' : 'cy';
    document.title = t('app.title');
  }

  async function switchLanguage() {
    const next = state.language === 'cy' ? 'en' : 'cy';
    try {
      await api('/me/language', { method: 'PUT', json: { language: next } });
    } catch (e) {
      notify(e.message, true);
    }
    await loadLanguage(next);
    render();
  }

  // ---------------------------------------------------------------- small DOM helpers
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === undefined || v === null || v === false) return;
      if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
      else node.setAttribute(k, v === true ? '' : v);
    });
    (children || []).forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  }

  /** The word for a machine value in a column: events, states, clocks, message types, steps; yes/no; UK times. */
  const WORDS = { state: 'state', fromState: 'state', toState: 'state', event: 'event', action: 'event', clock: 'clock',
    type: 'type', messageType: 'type', step: 'step', kind: 'kind', language: 'language', transport: 'transport',
    condition: 'condition', agencyKind: 'kind' };
  const DURATIONS = { p50Ms: 1, p99Ms: 1, oldestWaitingSeconds: 1000 };

  /** Where the hub writes "unknown" for an agency: a refused request without a valid token, a report's group of
   *  what belongs to no council. */
  const UNKNOWN_AGENCY_COLS = ['agency', 'group', 'name', 'sender', 'recipient'];

  function cell(value, col) {
    if (value === null || value === undefined) return '';
    if (col === 'recipients' && Array.isArray(value)) return recipientsText(value);
    if (Array.isArray(value)) {
      return value.map(v => (v && typeof v === 'object') ? Object.values(v).join(' ') : v).join(', ');
    }
    // an alert's details: each field named in words, each value as any cell of its name (times in UK time)
    if (typeof value === 'object') return Object.entries(value).map(([k, v]) => t('field.' + k, k) + ': ' + cell(v, k)).join(', ');
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
    if (col && DURATIONS[col] && typeof value === 'number') return formatDuration(value * DURATIONS[col]);
    if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) return col === 'dueAt' ? formatDue(value) : formatTime(value);
    if (value === 'unknown' && UNKNOWN_AGENCY_COLS.includes(col)) return t('agency.unknown');
    if (col && WORDS[col] && typeof value === 'string') return word(WORDS[col], value);
    if (col === 'detail' && typeof value === 'string') return detailText(value);
    return String(value);
  }

  /** The hub's own notes in the trail and the timeline (fixed ones in the language files as detail.<English text>,
   *  "due <instant>", "met by <type>", "from <agency>", "on queue <name>", "replay <n>: <reason>") in words; an agency's error text as given. */
  function detailText(detail) {
    const due = /^due (\d{4}-\d\d-\d\dT\S+)$/.exec(detail);
    if (due) return fill(t('timeline.due'), { date: formatDue(due[1]) });
    if (state.dict['detail.' + detail] !== undefined) return t('detail.' + detail);
    const replay = /^replay (\d+)(: [\s\S]*)?$/.exec(detail);
    if (replay) return fill(t('timeline.replay'), { n: replay[1] }) + (replay[2] || '');
    const queue = /^on queue (\S+)$/.exec(detail);
    if (queue) return fill(t('timeline.onQueue'), { queue: queue[1] });
    const from = /^from (\S+)$/.exec(detail);
    if (from) return fill(t('timeline.from'), { agency: from[1] });
    const met = /^met by ([a-z-]+)$/.exec(detail);
    if (met) return fill(t('timeline.metBy'), { type: word('type', met[1]) });
    return detail;
  }

  /** Each recipient with its delivery's state in words: "carmarthenshire-childrens-services (danfonwyd)". */
  function recipientsText(recipients) {
    return recipients.map(r => (r && typeof r === 'object') ? r.agency + (r.state ? ' (' + word('state', r.state) + ')' : '') : r).join(', ');
  }

  /** A machine name (a state, event, clock...) in the reader's language; an unknown one as it is. */
  function word(kind, value) {
    return t(kind + '.' + value, value);
  }

  /** Fills {name} placeholders. */
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, (m, k) => (values[k] !== undefined ? values[k] : m));
  }

  /** The UK wall clock (Europe/London, summer time included) of an instant. */
  function ukParts(date) {
    const parts = {};
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(date)
      .forEach(p => { if (p.type !== 'literal') parts[p.type] = Number(p.value); });
    return parts;
  }

  /** "Tue 15 Dec 2026" / "Maw 15 Rhag 2026": day and month names from the language file, never the browser's locale. */
  function dayText(year, month, day) {
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    return t('date.days').split(',')[weekday] + ' ' + day + ' ' + t('date.months').split(',')[month - 1] + ' ' + year;
  }

  function formatTime(iso) {
    const date = new Date(iso);
    if (isNaN(date)) return iso;
    const p = ukParts(date);
    const time = String(p.hour).padStart(2, '0') + ':' + String(p.minute).padStart(2, '0');
    return fill(t('date.at'), { date: dayText(p.year, p.month, p.day), time: time });
  }

  /** A due time that is a UK midnight is the end of the day before ("end of Tue 15 Dec 2026"); any other, as a time. */
  function formatDue(iso) {
    const date = new Date(iso);
    if (isNaN(date)) return iso;
    const p = ukParts(date);
    if (p.hour !== 0 || p.minute !== 0) return formatTime(iso);
    const before = new Date(Date.UTC(p.year, p.month - 1, p.day) - 864e5);
    return fill(t('date.endOf'), { date: dayText(before.getUTCFullYear(), before.getUTCMonth() + 1, before.getUTCDate()) });
  }

  /** "5 days 6 hours", "3 minutes 20 seconds", "0.4 seconds": the two largest units. */
  function formatDuration(ms) {
    if (ms === null || ms === undefined || isNaN(ms)) return '–';
    const unit = (name, n) => fill(t('duration.' + name + (n === 1 ? '.one' : '.other')), { n: n });
    if (ms < 10000) {
      const seconds = Math.round(ms / 100) / 10;
      return unit('second', seconds).replace(/(\d)\.(\d)/, '$1' + t('number.decimal') + '$2');
    }
    const sizes = [['day', 864e5], ['hour', 36e5], ['minute', 6e4], ['second', 1e3]];
    let rest = Math.round(ms / 1000) * 1000;
    const shown = [];
    sizes.forEach(([name, size]) => {
      const n = Math.floor(rest / size);
      rest -= n * size;
      if ((n > 0 || shown.length > 0) && shown.length < 2) shown.push(n > 0 ? unit(name, n) : '');
    });
    return shown.filter(Boolean).join(' ');
  }

  /** A table of rows; columns are given or taken from the rows' keys. decorate(row, tr) may add cells or classes. */
  function table(rows, columns, options) {
    const opts = options || {};
    const cols = columns || Array.from(new Set(rows.flatMap(r => Object.keys(r))));
    const header = (text, hidden) => el('th', { class: 'govuk-table__header', scope: 'col' }, [hidden ? el('span', { class: 'govuk-visually-hidden', text: text }) : text]);
    const head = el('tr', { class: 'govuk-table__row' }, (opts.select ? [header(t('common.select'), true)] : []).concat(cols.map(c => header(column(c)))));
    const body = rows.map((row, index) => {
      const tr = el('tr', { class: 'govuk-table__row', 'data-index': index });
      if (opts.select) {
        const label = t('common.select') + ' ' + (row[opts.select] || index + 1);
        tr.append(el('td', { class: 'govuk-table__cell' }, [el('input', { type: 'checkbox', class: 'select-row', 'data-index': index, 'aria-label': label })]));
      }
      cols.forEach(c => {
        const td = el('td', { class: 'govuk-table__cell', 'data-col': c, text: cell(row[c], c) });
        if (c === 'state' && row[c]) td.className = 'state-' + row[c];
        tr.append(td);
      });
      if (opts.decorate) opts.decorate(row, tr);
      return tr;
    });
    if (rows.length === 0) {
      return el('p', { class: 'govuk-body govuk-hint empty', text: t('common.none', 'Nothing to show.') });
    }
    return el('table', { id: opts.id, class: 'govuk-table console-table' }, [el('thead', { class: 'govuk-table__head' }, [head]), el('tbody', { class: 'govuk-table__body' }, body)]);
  }

  function notify(text, bad) {
    const box = document.getElementById('notice');
    box.textContent = text;
    box.className = bad ? 'console-notice console-notice--error' : 'console-notice';
    box.hidden = false;
    clearTimeout(notify.timer);
    notify.timer = setTimeout(() => { box.hidden = true; }, 6000);
  }

  /** Closes the question still open (another view or another question replaces it) as if cancelled. */
  let cancelReason = null;

  /** Asks why (a body read, a replay, a pause): resolves with the reason, or null when cancelled. */
  function askReason(title, help) {
    if (cancelReason) cancelReason();
    const dialog = document.getElementById('reason-dialog');
    const input = document.getElementById('reason-input');
    const error = document.getElementById('reason-error');
    document.getElementById('reason-title').textContent = title;
    document.getElementById('reason-help').textContent = help || '';
    input.value = '';
    error.hidden = true;
    return new Promise(resolve => {
      const form = document.getElementById('reason-form');
      const cancel = document.getElementById('reason-cancel');
      function done(value) {
        form.removeEventListener('submit', submit);
        cancel.removeEventListener('click', onCancel);
        dialog.removeEventListener('cancel', onEscape);
        cancelReason = null;
        dialog.close();
        resolve(value);
      }
      cancelReason = () => done(null);
      function submit(event) {
        event.preventDefault();
        if (input.value.trim().length < 10) {
          error.textContent = t('reason.tooShort', 'Give a reason of at least 10 characters.');
          error.hidden = false;
          return;
        }
        done(input.value.trim());
      }
      function onCancel() { done(null); }
      // Escape closes a modal dialog: the question is cancelled as with the Cancel button
      function onEscape(event) { event.preventDefault(); done(null); }
      dialog.addEventListener('cancel', onEscape);
      form.addEventListener('submit', submit);
      cancel.addEventListener('click', onCancel);
      dialog.showModal();
      input.focus();
    });
  }

  /** The view's heading: the page's one h1, focused when the view changes so a screen reader starts there. */
  function title(text) {
    return el('h1', { class: 'govuk-heading-l', tabindex: '-1', text: text });
  }

  function hasRole(...roles) {
    return state.me && roles.some(r => state.me.roles.includes(r));
  }

  function filtersForm(fields, onSubmit, id) {
    const form = el('form', { class: 'filters', id: id });
    fields.forEach(f => {
      const inputId = id + '-' + f.name;
      const input = f.options
        ? el('select', { class: 'govuk-select', name: f.name, id: inputId }, f.options.map(o => el('option', { value: o, text: o ? (f.words ? word(f.words, o) : t('option.' + o, o)) : t('common.any', 'any') })))
        : el('input', { class: 'govuk-input', name: f.name, id: inputId, type: f.type || 'text', value: f.value || '' });
      form.append(el('div', { class: 'govuk-form-group' }, [el('label', { class: 'govuk-label', for: inputId, text: t('filter.' + f.name, f.name) }), input]));
    });
    form.append(el('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', text: t('common.apply', 'Apply') }));
    form.addEventListener('submit', e => { e.preventDefault(); onSubmit(new FormData(form)); });
    return form;
  }

  /** Shows the filter a view was opened with in its form. */
  function prefill(form, args) {
    new URLSearchParams(args || '').forEach((v, k) => { const input = form.elements[k]; if (input) input.value = v; });
  }

  function query(formData) {
    const params = new URLSearchParams();
    for (const [k, v] of formData.entries()) if (v) params.set(k, v);
    const text = params.toString();
    return text ? '?' + text : '';
  }

  /** One message's lifecycle (recipients, events, answers, clocks, escalations) and the button for its body. */
  function lifecycle(box, id, detail) {
    const scalars = Object.fromEntries(Object.entries(detail).filter(([, v]) => !Array.isArray(v) && (v === null || typeof v !== 'object')));
    box.append(table([scalars], null, { id: 'message-summary' }));
    Object.entries(detail).filter(([, v]) => Array.isArray(v)).forEach(([k, v]) => {
      box.append(el('h2', { class: 'govuk-heading-m', text: column(k) }), table(v.map(flatten), null, { id: 'message-' + k }));
    });
    if (detail.caseReference) {
      box.append(el('p', { class: 'govuk-body' }, [el('a', { class: 'govuk-link', href: '#case/' + encodeURIComponent(detail.caseReference), text: t('message.openCase', 'Open the case timeline') })]));
    }
    const bodyBox = el('div', { id: 'message-body' });
    box.append(el('button', {
      id: 'open-body', type: 'button', class: 'govuk-button govuk-button--secondary', text: t('message.openBody', 'Open the message body'),
      onclick: async () => {
        const reason = await askReason(t('message.bodyReasonTitle', 'Why do you need to read this message?'),
          t('message.bodyReasonHelp', 'Your name, the time and this reason are recorded.'));
        if (!reason) return;
        bodyBox.replaceChildren();
        try {
          const body = await api('/messages/' + encodeURIComponent(id) + '/body', { method: 'POST', json: { reason: reason } });
          bodyBox.append(el('pre', { class: 'body', text: JSON.stringify(body, null, 2) }));
        } catch (e) {
          bodyBox.append(el('p', { class: 'govuk-error-message', id: 'body-error', text: e.status === 403 ? t('message.bodyForbidden', 'Your role may not read message bodies.') : e.message }));
        }
      }
    }), bodyBox);
  }

  // ---------------------------------------------------------------- views
  const views = {
    /** The accessibility statement the Public Sector Bodies Accessibility Regulations 2018 require: every role sees it. */
    async accessibility(main) {
      main.append(title(t('a11y.title')));
      const prose = el('div', { class: 'console-prose' });
      main.append(prose);
      ['intro', 'able', 'known', 'feedback', 'enforcement', 'compliance', 'testing', 'prepared'].forEach(part => {
        if (part !== 'intro') prose.append(el('h2', { class: 'govuk-heading-m', text: t('a11y.' + part + '.heading') }));
        t('a11y.' + part).split('\n').forEach(text => prose.append(el('p', { class: 'govuk-body', text: text })));
      });
    },

    async now(main) {
      const now = await api('/now');
      const refused = await api('/refusals');
      main.append(title(t('nav.now')), el('div', { id: 'now-panel' }, [nowPanel(now)]),
        el('h2', { class: 'govuk-heading-m', text: t('now.refusals', 'Refused agency requests (last hour)') }),
        table(refused.refusals, ['agency', 'status', 'refusals', 'lastMinute'], { id: 'refusals-table' }),
        el('h2', { class: 'govuk-heading-m', text: t('now.latest', 'Latest messages (live)') }), el('div', { id: 'live-messages' }, [liveTable()]));
      openStream();
    },

    async messages(main, args) {
      const form = filtersForm([
        { name: 'type' }, { name: 'agency' },
        { name: 'state', words: 'state', options: ['', 'accepted', 'queued', 'delivered', 'acknowledged', 'retrying', 'dead-lettered'] },
        { name: 'case' }, { name: 'overdue', options: ['', 'true'] },
        { name: 'from', type: 'date' }, { name: 'to', type: 'date' }
      ], data => { location.hash = '#messages' + query(data); }, 'message-filters');
      main.append(title(t('nav.messages')), form);
      prefill(form, args);
      const rows = list(await api('/messages' + (args ? '?' + args : '')));
      main.append(messagesTable(rows, 'messages-table'));
    },

    async message(main, id) {
      // every recipient's delivery and error text is shown to a person who says why (the read is audited); the view
      // is ready at once and asks for the reason, so a cancelled question leaves a button to ask again
      if (!hasRole('operator', 'auditor')) {
        const error = new Error('forbidden');
        error.status = 403;
        throw error;
      }
      const box = el('div', { id: 'message-detail' });
      const open = async () => {
        const why = await askReason(t('message.lifecycleReasonTitle', 'Why do you need to open this message?'),
          t('message.bodyReasonHelp', 'Your name, the time and this reason are recorded.'));
        if (!why) {
          box.replaceChildren(el('p', { id: 'message-no-reason', text: t('message.lifecycleNoReason', 'A message opens only with a reason.') }));
          return;
        }
        box.replaceChildren();
        try {
          lifecycle(box, id, await api('/messages/' + encodeURIComponent(id) + '/lifecycle', { method: 'POST', json: { reason: why } }));
        } catch (e) {
          box.append(el('p', { class: 'govuk-error-message', id: 'view-error', text: e.status === 403 ? t('app.forbidden', 'Your role may not see this.') : e.message }));
        }
      };
      main.append(title(t('message.title', 'Message') + ' ' + id),
        el('button', { id: 'open-lifecycle', type: 'button', class: 'govuk-button govuk-button--secondary', text: t('message.openLifecycle', 'Open the message'), onclick: open }), box);
      open();
    },

    async case(main, reference) {
      const form = filtersForm([{ name: 'case', value: reference || '' }], data => {
        location.hash = '#case/' + encodeURIComponent(data.get('case') || '');
      }, 'case-filters');
      main.append(title(t('nav.case')), form);
      if (!reference) return;
      const timeline = await api('/cases/' + encodeURIComponent(reference));
      if (Array.isArray(timeline)) {
        main.append(table(timeline.map(flatten), null, { id: 'case-timeline' }));
      } else {
        Object.entries(timeline).forEach(([k, v]) => {
          if (Array.isArray(v)) main.append(el('h2', { class: 'govuk-heading-m', text: column(k) }), table(v.map(flatten), null, { id: 'case-' + k }));
        });
      }
    },

    async 'dead-letters'(main, args) {
      const form = filtersForm([{ name: 'agency' }, { name: 'type' }, { name: 'reason' }],
        data => { location.hash = '#dead-letters' + query(data); }, 'dead-letter-filters');
      main.append(title(t('nav.deadLetters')), form);
      prefill(form, args);
      const rows = list(await api('/dead-letters' + (args ? '?' + args : '')));
      const grid = table(rows, ['messageId', 'recipient', 'type', 'reason', 'attempts', 'replays', 'deadLetteredAt'], {
        id: 'dead-letters-table', select: 'messageId',
        decorate: (row, tr) => { if (row.alreadyReplayed) tr.classList.add('replayed'); }
      });
      async function replay(body, count) {
        const reason = await askReason(t('deadLetters.reasonTitle', 'Why replay?'),
          t('deadLetters.reasonHelp', 'Replay once the cause is fixed. The replay is recorded and linked to the original.')
          + (count.replayed ? ' ' + t('deadLetters.alreadyReplayed', 'Warning: already replayed before:') + ' ' + count.replayed : ''));
        if (!reason) return;
        body.reason = reason;
        try {
          const result = await api('/dead-letters/replay', { method: 'POST', json: body });
          const results = list(result);
          const warnings = results.filter(r => r.warning).map(r => r.warning);
          notify(t('deadLetters.replayed', 'Replayed') + ': ' + results.length + (warnings.length ? ' — ' + warnings.join('; ') : ''));
          render();
        } catch (e) {
          notify(e.message, true);
        }
      }
      const selected = () => Array.from(grid.querySelectorAll ? grid.querySelectorAll('input.select-row:checked') : [])
        .map(box => rows[Number(box.dataset.index)]);
      main.append(grid, el('div', { class: 'govuk-button-group' }, [
        el('button', {
          id: 'replay-selected', type: 'button', class: 'govuk-button govuk-button--secondary', text: t('deadLetters.replaySelected', 'Replay selected'),
          onclick: () => {
            const items = selected();
            if (items.length === 0) { notify(t('deadLetters.selectFirst', 'Select at least one.'), true); return; }
            replay({ items: items.map(r => ({ messageId: r.messageId, recipient: r.recipient })) },
              { replayed: items.filter(r => r.alreadyReplayed).length });
          }
        }),
        el('button', {
          id: 'replay-matching', type: 'button', class: 'govuk-button govuk-button--secondary', text: t('deadLetters.replayMatching', 'Replay all that match the filter'),
          onclick: () => {
            const filter = Object.fromEntries(new URLSearchParams(args || ''));
            replay({ filter: filter }, { replayed: rows.filter(r => r.alreadyReplayed).length });
          }
        })
      ]));
    },

    async endpoints(main) {
      const rows = list(await api('/endpoints')).map(r => Object.assign({}, r, { name: (state.language === 'cy' && r.nameCy) || r.name }));
      main.append(title(t('nav.endpoints')), table(rows,
        ['agency', 'name', 'kind', 'transport', 'lastSuccessAt', 'lastFailureAt', 'lastFailureReason', 'consecutiveFailures', 'retrying', 'paused', 'queueDepth'], {
          id: 'endpoints-table',
          decorate: (row, tr) => {
            if (!hasRole('operator')) return;
            const action = row.paused ? 'resume' : 'pause';
            tr.append(el('td', {}, [el('button', {
              type: 'button', class: 'govuk-button govuk-button--secondary console-row-button endpoint-' + action, 'data-agency': row.agency, 'aria-label': t('endpoints.' + action, action) + ' ' + row.agency, text: t('endpoints.' + action, action),
              onclick: async () => {
                const reason = await askReason(t('endpoints.' + action + 'Title', action) + ': ' + row.agency);
                if (!reason) return;
                try {
                  await api('/endpoints/' + encodeURIComponent(row.agency) + '/' + action, { method: 'POST', json: { reason: reason } });
                  render();
                } catch (e) { notify(e.message, true); }
              }
            })]));
          }
        }));
    },

    async alerts(main) {
      const rows = list(await api('/alerts'));
      main.append(title(t('nav.alerts')), table(rows, ['agency', 'condition', 'raisedAt', 'resolvedAt', 'details'], { id: 'alerts-table' }));
    },

    async directory(main) {
      const directory = await api('/directory');
      const rows = list(directory.agencies ? directory.agencies : directory)
        .map(r => Object.assign({ name: localName(r.name) }, flatten(r), { contacts: r.contacts }));
      // one name column, in the view's language (the edit form still has both)
      const columns = ['name'].concat(Array.from(new Set(rows.flatMap(r => Object.keys(r)))).filter(k => k !== 'name' && !k.startsWith('name.')));
      main.append(title(t('nav.directory')), table(rows, columns, {
        id: 'directory-table',
        decorate: (row, tr) => {
          if (!hasRole('admin')) return;
          tr.append(el('td', {}, [el('button', { type: 'button', class: 'govuk-button govuk-button--secondary console-row-button directory-edit', 'aria-label': t('directory.edit', 'Edit') + ' ' + (row.id || row.agency), text: t('directory.edit', 'Edit'), onclick: () => editAgency(row) })]));
        }
      }));
    },

    async reports(main, args) {
      const params = new URLSearchParams(args || '');
      const today = new Date().toISOString().substring(0, 10);
      const yearAgo = new Date(Date.now() - 365 * 864e5).toISOString().substring(0, 10);
      if (!params.get('from')) params.set('from', yearAgo);
      if (!params.get('to')) params.set('to', today);
      if (!params.get('groupBy')) params.set('groupBy', 'council');
      const form = filtersForm([
        { name: 'from', type: 'date', value: params.get('from') }, { name: 'to', type: 'date', value: params.get('to') },
        { name: 'groupBy', options: ['council', 'region', 'agency'] }
      ], data => { location.hash = '#reports' + query(data); }, 'report-filters');
      form.elements.groupBy.value = params.get('groupBy');
      main.append(title(t('nav.reports')), form);
      const report = await api('/reports?' + params.toString());
      const rows = list(report.rows ? report.rows : report);
      const shown = rows.map(row => {
        const out = flatten(row);
        Object.keys(out).filter(k => /Rate$/.test(k)).forEach(k => { out[k] = out[k] === null || out[k] === undefined ? '–' : Math.round(out[k] * 100) + '%'; });
        return out;
      });
      main.append(chart(rows), table(shown, null, { id: 'reports-table' }));
      const csv = '/api/v1/console/reports?' + params.toString() + '&format=csv';
      main.append(el('p', { class: 'govuk-body' }, [el('a', { class: 'govuk-link', id: 'download-csv', href: csv, download: 'safeguarding-report.csv', text: t('reports.csv', 'Download CSV') })]));
      if (report.daysToOutcomeAre) main.append(el('p', { class: 'govuk-body govuk-hint', text: t('reports.daysAre', 'Median days to outcome are') + ' ' + t('reports.days.' + report.daysToOutcomeAre, report.daysToOutcomeAre) }));
    },

    async audit(main, args) {
      const form = filtersForm([{ name: 'actor' }, { name: 'message' }, { name: 'from', type: 'date' }, { name: 'to', type: 'date' }],
        data => { location.hash = '#audit' + query(data); }, 'audit-filters');
      prefill(form, args);
      main.append(title(t('nav.audit')), form, table(list(await api('/audit' + (args ? '?' + args : ''))).map(flatten), null, { id: 'audit-table' }));
    },

    /** Who asked whether a child is on a register, when, why and with what answer (issue 15 item 3): never the child. */
    async 'register-enquiries'(main, args) {
      const form = filtersForm([{ name: 'agency' }, { name: 'from', type: 'date' }, { name: 'to', type: 'date' }],
        data => { location.hash = '#register-enquiries' + query(data); }, 'register-enquiries-filters');
      prefill(form, args);
      const rows = list(await api('/register-enquiries' + (args ? '?' + args : ''))).map(row => {
        const out = flatten(row);
        out.onRegister = t(row.onRegister ? 'enquiries.found' : 'enquiries.notFound');
        return out;
      });
      main.append(title(t('nav.registerEnquiries')), el('p', { class: 'govuk-body', text: t('enquiries.intro') }), form,
        table(rows, null, { id: 'register-enquiries-table' }));
    }
  };

  function list(payload) {
    if (Array.isArray(payload)) return payload;
    if (payload && Array.isArray(payload.items)) return payload.items;
    return [];
  }

  /** An agency's name in the view's language: Welsh when there is one in the Welsh view, else English, else any. */
  function localName(names) {
    if (!names || typeof names !== 'object') return names;
    return (state.language === 'cy' && names.cy) || names.en || Object.values(names)[0];
  }

  function flatten(row) {
    if (!row || typeof row !== 'object') return { value: row };
    const out = {};
    Object.entries(row).forEach(([k, v]) => {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        Object.entries(v).forEach(([k2, v2]) => { out[k + '.' + k2] = v2; });
      } else {
        out[k] = v;
      }
    });
    return out;
  }

  function messagesTable(rows, id) {
    return table(rows, ['acceptedAt', 'type', 'sender', 'recipients', 'caseReference', 'messageId'], {
      id: id,
      decorate: (row, tr) => {
        if (row.overdue) tr.classList.add('overdue');
        tr.dataset.messageId = row.messageId;
        tr.dataset.type = row.type;
        const idCell = tr.querySelector('td[data-col="messageId"]');
        idCell.replaceChildren(el('a', { href: '#message/' + row.messageId, class: 'govuk-link open-message', text: row.messageId }));
        const recipientsCell = tr.querySelector('td[data-col="recipients"]');
        recipientsCell.textContent = recipientsText(row.recipients || []);
      }
    });
  }

  function liveTable() {
    return messagesTable(state.liveMessages, 'live-messages-table');
  }

  function nowPanel(now) {
    const minutes = now.perMinute || [];
    const sum = key => minutes.reduce((n, m) => n + (m[key] || 0), 0);
    const latency = now.latency || {};
    const cards = el('div', { class: 'cards' }, [
      card('now-accepted', t('now.accepted', 'Accepted (30 min)'), sum('accepted')),
      card('now-delivered', t('now.delivered', 'Delivered (30 min)'), sum('delivered')),
      card('now-failed', t('now.failed', 'Failed (30 min)'), sum('failed')),
      card('now-latency', t('now.latency', 'Delivery p50 / p99'), formatDuration(latency.p50Ms) + ' / ' + formatDuration(latency.p99Ms)),
      card('now-overdue', t('now.overdue', 'Overdue items'), now.overdue ?? 0),
      card('now-escalations', t('now.escalations', 'Open escalations'), now.openEscalations ?? 0)
    ]);
    return el('div', {}, [cards, el('h2', { class: 'govuk-heading-m', text: t('now.perMinute', 'Per minute') }), minuteChart(minutes),
      el('h2', { class: 'govuk-heading-m', text: t('now.queues', 'Waiting per endpoint') }),
      table((now.queues || []).map(q => Object.assign({}, q, { name: (state.language === 'cy' && q.nameCy) || q.name })),
        ['agency', 'name', 'waiting', 'oldestWaitingSeconds'], { id: 'queues-table' }),
      el('p', { class: 'govuk-body govuk-hint', text: t('now.at', 'Updated') + ' ' + formatTime(now.at || new Date().toISOString()) })]);
  }

  function card(id, label, figure) {
    return el('div', { class: 'card', id: id }, [el('div', { class: 'govuk-body-s console-card-label', text: label }), el('div', { class: 'figure', text: String(figure) })]);
  }

  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }

  function minuteChart(minutes) {
    const width = 600, height = 90, max = Math.max(1, ...minutes.map(m => (m.accepted || 0) + (m.failed || 0)));
    const chartNode = svg('svg', { class: 'chart', id: 'minute-chart', width: width, height: height + 14, role: 'img', 'aria-label': t('now.perMinute', 'Per minute') });
    const bar = width / Math.max(30, minutes.length);
    minutes.forEach((m, i) => {
      const accepted = (m.accepted || 0) / max * height, failed = (m.failed || 0) / max * height;
      chartNode.append(svg('rect', { x: i * bar, y: height - accepted, width: bar - 2, height: accepted, fill: '#00543c' }));
      chartNode.append(svg('rect', { x: i * bar, y: height - accepted - failed, width: bar - 2, height: failed, fill: '#a00' }));
    });
    return chartNode;
  }

  /** A bar per group for each rate the report gives (0..1; none when there was nothing to count). */
  function chart(rows) {
    const measures = rows.length ? Object.keys(rows[0]).filter(k => /Rate$/.test(k)) : [];
    const holder = el('div', { id: 'reports-chart' });
    measures.forEach(measure => {
      const height = 20 * rows.length + 10;
      const node = svg('svg', { class: 'chart', width: 620, height: height, role: 'img', 'aria-label': column(measure) });
      rows.forEach((row, i) => {
        const known = row[measure] !== null && row[measure] !== undefined;
        const value = known ? row[measure] * 100 : 0;
        node.append(svg('rect', { x: 200, y: i * 20 + 4, width: Math.max(1, value * 3.6), height: 14, fill: '#00543c' }));
        const name = svg('text', { x: 0, y: i * 20 + 15 });
        name.textContent = String(row.name || row.group || '').substring(0, 32);
        const figure = svg('text', { x: 205 + value * 3.6, y: i * 20 + 15 });
        figure.textContent = known ? value.toFixed(0) + '%' : '–';
        node.append(name, figure);
      });
      holder.append(el('h2', { class: 'govuk-heading-m', text: column(measure) }), node);
    });
    return holder;
  }

  /** The admin's edit form: names, endpoint address and transport, language and contacts (as JSON); the hub validates and audits. */
  async function editAgency(row) {
    const id = row.id || row.agency;
    const form = el('form', { id: 'directory-form' });
    const group = (inputId, label, input) => el('div', { class: 'govuk-form-group' }, [el('label', { class: 'govuk-label', for: inputId, text: label }), input]);
    const field = (name, label, value) => group('directory-' + name.replace('.', '-'), label,
      el('input', { class: 'govuk-input', name: name, id: 'directory-' + name.replace('.', '-'), value: value === undefined || value === null ? '' : value }));
    form.append(field('name.cy', column('name.cy'), row['name.cy']), field('name.en', column('name.en'), row['name.en']),
      field('endpoint.url', column('endpoint.url'), row['endpoint.url']),
      field('endpoint.transport', column('endpoint.transport'), row['endpoint.transport']));
    const language = el('select', { class: 'govuk-select', name: 'language', id: 'directory-language' }, ['cy', 'en', 'unknown'].map(l => el('option', { value: l, text: word('language', l) })));
    language.value = row.language || 'unknown';
    form.append(group('directory-language', column('language'), language));
    form.append(group('directory-contacts', column('contacts'), el('textarea', { class: 'govuk-textarea', name: 'contacts', id: 'directory-contacts', rows: 3, cols: 60 }, [JSON.stringify(row.contacts || [])])));
    form.append(el('button', { type: 'submit', class: 'govuk-button', id: 'directory-save', text: t('directory.save', 'Save') }));
    const main = document.getElementById('view');
    main.querySelector('h1').after(el('h2', { class: 'govuk-heading-m', text: t('directory.edit', 'Edit') + ': ' + id }), form);
    form.querySelector('input').focus();
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const data = new FormData(form);
      const body = { name: { cy: data.get('name.cy'), en: data.get('name.en') }, language: data.get('language') };
      const url = data.get('endpoint.url');
      const transport = data.get('endpoint.transport');
      const newTransport = transport && transport !== (row['endpoint.transport'] || '') ? transport : null;
      if (newTransport === 'pull') body.endpoint = { transport: 'pull' };
      else if (url || newTransport) body.endpoint = Object.assign(url ? { url: url } : {}, newTransport ? { transport: newTransport } : {});
      try {
        body.contacts = JSON.parse(data.get('contacts') || '[]');
      } catch (e) {
        notify(column('contacts') + ': JSON', true);
        return;
      }
      try {
        await api('/directory/agencies/' + encodeURIComponent(id), { method: 'PUT', json: body });
        notify(t('directory.saved', 'Saved'));
        render();
      } catch (e) { notify(e.message, true); }
    });
  }

  // ---------------------------------------------------------------- live updates (server-sent events)
  function openStream() {
    if (state.stream) return;
    const stream = new EventSource(API + '/stream', { withCredentials: true });
    stream.addEventListener('now', event => {
      const panel = document.getElementById('now-panel');
      if (panel) panel.replaceChildren(nowPanel(JSON.parse(event.data)));
    });
    stream.addEventListener('message', event => {
      const summary = JSON.parse(event.data);
      state.liveMessages = [summary].concat(state.liveMessages.filter(m => m.messageId !== summary.messageId)).slice(0, 50);
      const holder = document.getElementById('live-messages');
      if (holder) holder.replaceChildren(liveTable());
    });
    stream.onerror = () => {
      // the browser reconnects by itself; a lost session shows as repeated errors: sign in again
      if (stream.readyState === EventSource.CLOSED) { state.stream = null; }
    };
    state.stream = stream;
  }

  // ---------------------------------------------------------------- navigation
  function currentRoute() {
    const hash = decodeURIComponent(location.hash.replace(/^#/, ''));
    const [path, args] = hash.split('?');
    const [view, param] = path.split(/\/(.*)/s);
    return { view: view, param: param, args: args };
  }

  function allowedViews() {
    return Array.from(document.querySelectorAll('#views a')).filter(a => hasRole(...a.dataset.roles.split(' ')));
  }

  async function render(event) {
    // a change of view moves the focus to its heading; a refresh after an action leaves it where it is
    const focusHeading = event && event.type === 'hashchange';
    if (cancelReason) cancelReason();
    const main = document.getElementById('view');
    const route = currentRoute();
    const allowed = allowedViews().map(a => a.dataset.view);
    let view = route.view;
    if (view === 'message' || view === 'accessibility') {
      // a message's own page (its roles are checked by the view and the hub) and the statement every role may read
    } else if (!allowed.includes(view)) {
      view = allowed[0];
      if (!view) {
        main.replaceChildren(el('p', { class: 'govuk-error-message', text: t('app.noRole', 'Your account has no console role.') }));
        return;
      }
    }
    document.querySelectorAll('#views a').forEach(a => {
      const active = a.dataset.view === view || (view === 'message' && a.dataset.view === 'messages');
      a.classList.toggle('active', active);
      a.parentElement.classList.toggle('govuk-service-navigation__item--active', active);
      if (active) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    main.replaceChildren();
    main.dataset.view = view;
    delete main.dataset.loaded;
    try {
      await views[view](main, view === 'message' || view === 'case' ? route.param : route.args, route.args);
      main.dataset.loaded = 'true';
    } catch (e) {
      main.append(el('p', { class: 'govuk-error-message', id: 'view-error', text: e.status === 403 ? t('app.forbidden', 'Your role may not see this.') : e.message }));
    }
    const heading = main.querySelector('h1');
    if (focusHeading && heading && !document.getElementById('reason-dialog').open) heading.focus();
  }

  /** The skip link moves the focus to the view without changing the address (the part after # names the view). */
  function skipToView(event) {
    event.preventDefault();
    const main = document.getElementById('view');
    (main.querySelector('h1') || main).focus();
  }

  async function start() {
    // a link into the console that must survive signing in (the part after # never reaches the server):
    // /console/?view=message/<id> opens that message once signed in
    const view = new URLSearchParams(location.search).get('view');
    if (view && !location.hash) {
      history.replaceState(null, '', location.pathname + '#' + view);
    }
    state.me = await api('/me');
    document.getElementById('user-name').textContent = state.me.user;
    document.querySelectorAll('#views a').forEach(a => {
      a.hidden = !hasRole(...a.dataset.roles.split(' '));
      a.parentElement.hidden = a.hidden;
    });
    document.getElementById('skip-link').addEventListener('click', skipToView);
    await loadLanguage(state.me.language === 'cy' ? 'cy' : 'en');
    document.getElementById('language-switch').addEventListener('click', switchLanguage);
    window.addEventListener('hashchange', render);
    await render();
    document.body.dataset.ready = 'true';
  }

  start().catch(e => {
    document.getElementById('view').append(el('p', { class: 'govuk-error-message', text: e.message }));
  });
})();
