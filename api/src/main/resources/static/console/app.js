// The console: a single page with hash routes.
//   #/state-machines                              state machines
//   #/state-machines/{name}                       one state machine: graph, definition, start
//   #/state-machines/{name}/executions/{exec}     one execution: graph coloured by status
//   #/executions?stateMachine=&status=            executions, filtered

import { ApiError, createApi } from './api.js';
import { clear, h, replace } from './dom.js';
import { buildGraph } from './graph.js';
import { estimateTextWidth, layoutGraph } from './layout.js';
import { renderGraph } from './render.js';
import { computeStatuses, detailsOf, STATUSES } from './status.js';
import { duration, executionNameProblem, parseJsonInput, pretty, prettyText, when } from './json.js';

const api = createApi({ storage: window.sessionStorage });
const main = document.getElementById('main');
const PAGE_SIZE = 25;
const POLL_MS = 1500;
const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];
const STATUS_LABELS = {
  'not-started': 'Not started',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  caught: 'Caught',
  retried: 'Retried',
  aborted: 'Aborted',
};

// --- routing ------------------------------------------------------------------------------------

let generation = 0;
let disposers = [];

function parseRoute(hash) {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart = ''] = raw.split('?');
  const parts = pathPart.split('/').filter(Boolean).map(decode);
  const query = Object.fromEntries(new URLSearchParams(queryPart));
  if (parts.length === 0) return { view: 'machines', query };
  if (parts[0] === 'state-machines') {
    if (parts.length === 1) return { view: 'machines', query };
    if (parts.length === 2) return { view: 'machine', name: parts[1], query };
    if (parts.length === 4 && parts[2] === 'executions') {
      return { view: 'execution', name: parts[1], execution: parts[3], query };
    }
  }
  if (parts[0] === 'executions' && parts.length === 1) return { view: 'executions', query };
  return { view: 'missing', query };
}

function decode(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function href(...parts) {
  const [path, query] = parts.length && typeof parts[parts.length - 1] === 'object' ? [parts.slice(0, -1), parts.at(-1)] : [parts, null];
  const q = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString() : '';
  return `#/${path.map((p) => encodeURIComponent(p)).join('/')}${q ? `?${q}` : ''}`;
}

async function route() {
  for (const dispose of disposers.splice(0)) dispose();
  const token = ++generation;
  const view = {
    stale: () => token !== generation,
    onDispose: (fn) => disposers.push(fn),
  };
  const r = parseRoute(window.location.hash);
  const section = r.view === 'executions' || r.view === 'execution' ? 'executions' : 'state-machines';
  document.querySelectorAll('[data-nav]').forEach((a) => {
    a.classList.toggle('active', a.dataset.nav === section);
    if (a.dataset.nav === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  replace(main, h('p', { class: 'loading' }, 'Loading…'));
  try {
    if (r.view === 'machines') await machinesView(view, r);
    else if (r.view === 'machine') await machineView(view, r);
    else if (r.view === 'execution') await executionView(view, r);
    else if (r.view === 'executions') await executionsView(view, r);
    else {
      replace(
        main,
        card('Page not found', [
          h('p', null, 'There is no page at ', h('code', null, window.location.hash || '#/'), '.'),
          h('p', null, h('a', { href: '#/state-machines' }, 'Go to the state machines')),
        ]),
      );
    }
  } catch (e) {
    if (view.stale() || e?.name === 'AbortError') return;
    replace(main, errorView(e, route));
  }
  if (!view.stale()) main.focus({ preventScroll: true });
}

// --- shared pieces ------------------------------------------------------------------------------

function card(title, children, props = {}) {
  return h('section', { class: 'card', ...props }, title ? h('h2', null, title) : null, children);
}

function statusBadge(status, props = {}) {
  const value = String(status ?? 'UNKNOWN');
  return h('span', { class: 'status-badge', 'data-status': value.toLowerCase().replace(/_/g, '-'), ...props }, value.replace(/_/g, ' '));
}

/** A problem (RFC 9457) or any other failure, readable; a sign-in form for 401. */
function errorView(error, retry) {
  if (error instanceof ApiError && error.status === 401) return signInView(error, retry);
  const box = h('section', { class: 'card problem', role: 'alert' });
  const title = error instanceof ApiError ? error.title : 'Something went wrong';
  box.append(h('h2', null, title));
  box.append(...problemBody(error));
  if (retry) box.append(h('p', null, h('button', { type: 'button', onclick: () => retry() }, 'Try again')));
  return box;
}

function problemBody(error) {
  const parts = [];
  const detail = error instanceof ApiError ? error.detail : String(error?.message ?? error);
  if (detail) parts.push(h('p', { class: 'problem-detail' }, detail));
  if (error instanceof ApiError) {
    const meta = [];
    if (error.code) meta.push(h('span', null, 'Error ', h('code', null, error.code)));
    if (error.status) meta.push(h('span', null, 'HTTP ', String(error.status)));
    if (meta.length) parts.push(h('p', { class: 'problem-meta' }, meta));
    if (error.errors.length) {
      parts.push(
        h(
          'ul',
          { class: 'problem-errors' },
          error.errors.map((e) => h('li', null, h('code', null, String(e?.pointer ?? '/')), ' ', String(e?.message ?? ''))),
        ),
      );
    }
  }
  return parts;
}

function signInView(error, retry) {
  const mode = { value: 'apiKey' };
  const keyInput = h('input', { type: 'password', id: 'signin-key', autocomplete: 'off', required: true });
  const userInput = h('input', { type: 'text', id: 'signin-user', autocomplete: 'username' });
  const passwordInput = h('input', { type: 'password', id: 'signin-password', autocomplete: 'current-password' });
  const keyFields = h('div', { class: 'field' }, h('label', { for: 'signin-key' }, 'API key (X-Api-Key)'), keyInput);
  const basicFields = h(
    'div',
    { class: 'field-row', hidden: true },
    h('div', { class: 'field' }, h('label', { for: 'signin-user' }, 'User'), userInput),
    h('div', { class: 'field' }, h('label', { for: 'signin-password' }, 'Password'), passwordInput),
  );
  const choose = (value) => {
    mode.value = value;
    keyFields.hidden = value !== 'apiKey';
    basicFields.hidden = value !== 'basic';
  };
  const form = h(
    'form',
    {
      class: 'signin',
      onsubmit: (event) => {
        event.preventDefault();
        if (mode.value === 'apiKey') api.auth.set({ type: 'apiKey', key: keyInput.value });
        else api.auth.set({ type: 'basic', user: userInput.value, password: passwordInput.value });
        retry?.();
      },
    },
    h(
      'fieldset',
      { class: 'choice' },
      h('legend', null, 'Sign in with'),
      h('label', null, h('input', { type: 'radio', name: 'mode', checked: true, onchange: () => choose('apiKey') }), ' an API key'),
      h('label', null, h('input', { type: 'radio', name: 'mode', onchange: () => choose('basic') }), ' a user and password'),
    ),
    keyFields,
    basicFields,
    h('p', { class: 'hint' }, 'Kept for this browser tab only.'),
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
  );
  return h(
    'section',
    { class: 'card problem', role: 'alert' },
    h('h2', null, 'Sign in'),
    h('p', null, error.detail || 'The platform requires authentication.'),
    form,
  );
}

function pager(state, onGo) {
  const nav = h('nav', { class: 'pager', 'aria-label': 'Pages' });
  const prev = h('button', { type: 'button', disabled: state.index === 0, onclick: () => onGo(state.index - 1) }, '← Previous');
  const next = h(
    'button',
    { type: 'button', disabled: !state.tokens[state.index + 1], onclick: () => onGo(state.index + 1) },
    'Next →',
  );
  nav.append(prev, h('span', { class: 'page-number' }, `Page ${state.index + 1}`), next);
  return nav;
}

function table(headers, rows, props = {}) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      props,
      h('thead', null, h('tr', null, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', null, rows),
    ),
  );
}

function breadcrumbs(...items) {
  return h(
    'nav',
    { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' },
    items.map((item, i) => [i > 0 ? h('span', { class: 'sep', 'aria-hidden': 'true' }, '›') : null, item]),
  );
}

function safeHttpUrl(value) {
  try {
    const url = new URL(String(value), window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function jsonBlock(text, label) {
  const shown = prettyText(text);
  return h('pre', { class: 'json', 'aria-label': label, tabindex: '0' }, shown === '' ? '—' : shown);
}

function definitionOf(view) {
  const d = view?.definition;
  if (typeof d === 'string') {
    try {
      return JSON.parse(d);
    } catch {
      return d;
    }
  }
  return d;
}

let measureContext = null;
/** Text widths from the page's own font, so that boxes fit their labels. */
function measure(text, size, bold) {
  if (!measureContext) {
    const canvas = document.createElement('canvas');
    measureContext = canvas.getContext('2d');
  }
  if (!measureContext) return estimateTextWidth(text, size, bold);
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  measureContext.font = `${bold ? '600 ' : ''}${size}px ${family}`;
  return Math.ceil(measureContext.measureText(String(text)).width) + 2;
}

/** A graph card with a zoom bar; returns the renderer. */
function graphPanel(graph, { onSelect, legend = false } = {}) {
  const layout = layoutGraph(graph, { measure });
  const rendered = renderGraph(document, graph, layout, { onSelect });
  const viewport = h('div', { class: 'graph-viewport', tabindex: '0', 'aria-label': 'Graph; scroll to pan' }, rendered.svg);
  let zoom = 1;
  let fitted = true;
  const apply = () => {
    rendered.svg.setAttribute('width', String(Math.round(layout.width * zoom)));
    rendered.svg.setAttribute('height', String(Math.round(layout.height * zoom)));
    zoomLabel.textContent = `${Math.round(zoom * 100)}%`;
  };
  const fit = () => {
    const available = viewport.clientWidth - 2;
    zoom = available > 0 ? Math.min(1, available / layout.width) : 1;
    zoom = Math.max(0.2, zoom);
    fitted = true;
    apply();
  };
  const zoomBy = (factor) => {
    zoom = Math.min(3, Math.max(0.2, zoom * factor));
    fitted = false;
    apply();
  };
  const zoomLabel = h('span', { class: 'zoom-level', 'aria-live': 'polite' }, '100%');
  const toolbar = h(
    'div',
    { class: 'graph-toolbar' },
    legend ? legendView() : h('span', { class: 'graph-hint' }, 'Click a state for its details'),
    h(
      'div',
      { class: 'zoom', role: 'group', 'aria-label': 'Zoom' },
      h('button', { type: 'button', title: 'Zoom out', 'aria-label': 'Zoom out', onclick: () => zoomBy(1 / 1.25) }, '−'),
      zoomLabel,
      h('button', { type: 'button', title: 'Zoom in', 'aria-label': 'Zoom in', onclick: () => zoomBy(1.25) }, '+'),
      h('button', { type: 'button', title: 'Fit to width', onclick: fit }, 'Fit'),
      h(
        'button',
        {
          type: 'button',
          title: 'Actual size',
          onclick: () => {
            zoom = 1;
            fitted = false;
            apply();
          },
        },
        '1:1',
      ),
    ),
  );
  const panel = h('div', { class: 'graph-panel' }, toolbar, viewport);
  if (graph.problems.length) {
    panel.append(
      h(
        'details',
        { class: 'warning' },
        h('summary', null, `${graph.problems.length} problem${graph.problems.length === 1 ? '' : 's'} in the definition`),
        h('ul', null, graph.problems.map((p) => h('li', null, p))),
      ),
    );
  }
  const observer = new ResizeObserver(() => {
    if (fitted) fit();
  });
  observer.observe(viewport);
  return { panel, rendered, layout, dispose: () => observer.disconnect(), fit };
}

function legendView() {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    STATUSES.map((status) =>
      h('li', null, h('span', { class: 'swatch', 'data-status': status, 'aria-hidden': 'true' }), STATUS_LABELS[status]),
    ),
  );
}

// --- state machines -----------------------------------------------------------------------------

const pagers = new Map();
function pagerState(key) {
  if (!pagers.has(key)) pagers.set(key, { tokens: [null], index: 0 });
  return pagers.get(key);
}

async function machinesView(view) {
  const state = pagerState('machines');
  const page = await api.listStateMachines({ maxResults: PAGE_SIZE, nextToken: state.tokens[state.index] });
  if (view.stale()) return;
  const items = Array.isArray(page?.items) ? page.items : [];
  state.tokens[state.index + 1] = page?.nextToken ?? null;
  const rows = items.map((sm) => {
    const versions = h('td', { class: 'versions' }, '…');
    api
      .listVersions(sm.name)
      .then((list) => {
        const all = Array.isArray(list?.items) ? list.items : [];
        replace(
          versions,
          all.length ? `${all.length} (latest ${all[0].version})` : 'none',
        );
      })
      .catch((e) => {
        replace(versions, h('span', { title: e.message, class: 'muted' }, 'unavailable'));
      });
    return h(
      'tr',
      { 'data-state-machine': sm.name },
      h('td', null, h('a', { href: href('state-machines', sm.name) }, sm.name)),
      h('td', null, sm.type ?? ''),
      h('td', null, h('time', { datetime: sm.creationDate ?? '' }, when(sm.creationDate))),
      versions,
      h('td', null, h('a', { href: href('executions', { stateMachine: sm.name }) }, 'Executions')),
    );
  });
  replace(
    main,
    h(
      'div',
      { class: 'page-head' },
      h('h1', null, 'State machines'),
      h('a', { class: 'button', href: href('executions') }, 'All executions'),
    ),
    card(
      null,
      items.length
        ? [
            table(['Name', 'Type', 'Created', 'Versions', ''], rows, { class: 'list', id: 'state-machines' }),
            pager(state, (index) => {
              state.index = index;
              route();
            }),
          ]
        : h('p', { class: 'empty' }, 'No state machines yet. Create one with the REST API or the AWS CLI.'),
    ),
  );
}

// --- one state machine --------------------------------------------------------------------------

async function machineView(view, r) {
  const sm = await api.getStateMachine(r.name);
  if (view.stale()) return;
  const definition = definitionOf(sm);
  const graph = buildGraph(definition);
  const details = h('div', { class: 'state-details', id: 'state-details' }, h('p', { class: 'muted' }, 'Click a state to see its definition.'));
  const panel = graphPanel(graph, {
    onSelect: (name) => {
      panel.rendered.select(name);
      const node = graph.states.get(name);
      replace(
        details,
        h('h3', null, name, ' ', h('span', { class: 'type-tag' }, node?.type ?? '')),
        node?.comment ? h('p', null, node.comment) : null,
        h('pre', { class: 'json' }, pretty(node?.definition ?? {})),
      );
    },
  });
  view.onDispose(panel.dispose);

  const startSlot = h('div', { id: 'start-slot' });
  const openStart = () => {
    if (startSlot.firstChild) return;
    startSlot.append(startForm(view, sm, () => clear(startSlot)));
    startSlot.querySelector('textarea')?.focus();
  };
  const executions = h('div', { id: 'recent-executions' }, h('p', { class: 'loading' }, 'Loading…'));
  replace(
    main,
    breadcrumbs(h('a', { href: '#/state-machines' }, 'State machines'), h('span', null, sm.name)),
    h(
      'div',
      { class: 'page-head' },
      h('h1', null, sm.name, ' ', h('span', { class: 'type-tag' }, sm.type ?? '')),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: 'start-execution', onclick: openStart }, 'Start execution'),
        h('a', { class: 'button', href: href('executions', { stateMachine: sm.name }) }, 'Executions'),
      ),
    ),
    h(
      'dl',
      { class: 'facts' },
      fact('ARN', h('code', null, sm.arn ?? '')),
      fact('Revision', h('code', null, sm.revisionId ?? '')),
      fact('Created', when(sm.creationDate)),
      sm.updateDate ? fact('Updated', when(sm.updateDate)) : null,
    ),
    startSlot,
    h(
      'div',
      { class: 'split' },
      card('Graph', panel.panel, { class: 'card graph-card' }),
      h(
        'div',
        { class: 'side' },
        card('State', details),
        card('Recent executions', executions),
      ),
    ),
    card('Definition', h('details', null, h('summary', null, 'Amazon States Language JSON'), h('pre', { class: 'json', id: 'definition-json' }, pretty(definition)))),
  );
  panel.fit();
  if (r.query.start !== undefined) openStart();
  api
    .listExecutions({ stateMachine: sm.name, maxResults: 10 })
    .then((page) => {
      if (view.stale()) return;
      const list = Array.isArray(page?.executions) ? page.executions : [];
      replace(
        executions,
        list.length
          ? [
              h('ul', { class: 'recent' }, list.map((e) => h(
                'li',
                null,
                h('a', { href: href('state-machines', sm.name, 'executions', e.name) }, e.name),
                ' ',
                statusBadge(e.status),
                h('span', { class: 'muted' }, ' ', when(e.startDate)),
              ))),
              h('p', null, h('a', { href: href('executions', { stateMachine: sm.name }) }, 'All executions →')),
            ]
          : h('p', { class: 'muted' }, 'No executions yet.'),
      );
    })
    .catch((e) => {
      if (!view.stale()) replace(executions, h('div', { class: 'inline-problem' }, problemBody(e)));
    });
}

function fact(term, value) {
  return h('div', null, h('dt', null, term), h('dd', null, value));
}

const INPUT_MEMORY = 'statecraft.console.input.';

function startForm(view, sm, close) {
  const remembered = window.localStorage?.getItem(INPUT_MEMORY + sm.name);
  const nameInput = h('input', {
    type: 'text',
    id: 'execution-name',
    name: 'name',
    maxlength: '80',
    placeholder: 'generated when empty',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const nameError = h('p', { class: 'field-error', id: 'execution-name-error', 'aria-live': 'polite' });
  const qualifier = h('select', { id: 'execution-qualifier', name: 'qualifier' }, h('option', { value: '' }, 'Latest revision'));
  const input = h('textarea', {
    id: 'execution-input',
    name: 'input',
    rows: '12',
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': 'execution-input-error',
  });
  input.value = remembered ?? '{}';
  const inputError = h('p', { class: 'field-error', id: 'execution-input-error', 'aria-live': 'polite' });
  const formProblem = h('div', { class: 'form-problem', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'start-submit' }, 'Start');

  Promise.allSettled([api.listVersions(sm.name), api.listAliases(sm.name)]).then(([versions, aliases]) => {
    if (view.stale()) return;
    const v = versions.status === 'fulfilled' && Array.isArray(versions.value?.items) ? versions.value.items : [];
    const a = aliases.status === 'fulfilled' && Array.isArray(aliases.value?.items) ? aliases.value.items : [];
    if (a.length) qualifier.append(h('optgroup', { label: 'Aliases' }, a.map((x) => h('option', { value: x.name }, `Alias ${x.name}`))));
    if (v.length) {
      qualifier.append(
        h('optgroup', { label: 'Versions' }, v.map((x) => h('option', { value: String(x.version) }, `Version ${x.version}${x.description ? ` · ${x.description}` : ''}`))),
      );
    }
  });

  const check = () => {
    const name = nameInput.value.trim();
    const nameProblem = name === '' ? null : executionNameProblem(name);
    nameError.textContent = nameProblem ?? '';
    nameInput.toggleAttribute('aria-invalid', Boolean(nameProblem));
    const parsed = parseJsonInput(input.value);
    if (parsed.ok) {
      inputError.textContent = '';
      input.removeAttribute('aria-invalid');
    } else {
      inputError.textContent = parsed.line ? `Line ${parsed.line}, column ${parsed.column}: ${parsed.message}` : parsed.message;
      input.setAttribute('aria-invalid', 'true');
    }
    submit.disabled = Boolean(nameProblem) || !parsed.ok;
    return { name, parsed, ok: !nameProblem && parsed.ok };
  };
  nameInput.addEventListener('input', check);
  input.addEventListener('input', check);

  const form = h(
    'form',
    {
      class: 'card start-form',
      id: 'start-form',
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        const { name, parsed, ok } = check();
        if (!ok) return;
        submit.disabled = true;
        submit.textContent = 'Starting…';
        clear(formProblem);
        try {
          const body = { input: parsed.value };
          if (name) body.name = name;
          if (qualifier.value) body.qualifier = qualifier.value;
          const execution = await api.startExecution(sm.name, body);
          window.localStorage?.setItem(INPUT_MEMORY + sm.name, input.value);
          if (!execution || typeof execution.name !== 'string') {
            throw new ApiError({ title: 'Unexpected response', detail: 'The platform did not answer an execution' });
          }
          window.location.hash = href('state-machines', sm.name, 'executions', execution.name);
        } catch (e) {
          if (view.stale()) return;
          submit.disabled = false;
          submit.textContent = 'Start';
          if (e instanceof ApiError && e.status === 401) {
            replace(formProblem, errorView(e, () => form.requestSubmit()));
            return;
          }
          for (const issue of e instanceof ApiError ? e.errors : []) {
            const pointer = String(issue?.pointer ?? '');
            if (pointer === '/name') nameError.textContent = String(issue.message ?? '');
            if (pointer.startsWith('/input')) inputError.textContent = String(issue.message ?? '');
          }
          replace(formProblem, h('div', { class: 'inline-problem', role: 'alert' }, h('strong', null, e.title ?? 'Could not start'), problemBody(e)));
        }
      },
    },
    h('h2', null, 'Start an execution of ', sm.name),
    h(
      'div',
      { class: 'field-row' },
      h('div', { class: 'field' }, h('label', { for: 'execution-name' }, 'Name ', h('span', { class: 'muted' }, '(optional)')), nameInput, nameError),
      h('div', { class: 'field' }, h('label', { for: 'execution-qualifier' }, 'Run'), qualifier),
    ),
    h(
      'div',
      { class: 'field' },
      h(
        'div',
        { class: 'label-row' },
        h('label', { for: 'execution-input' }, 'Input (JSON)'),
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            onclick: () => {
              const parsed = parseJsonInput(input.value);
              if (parsed.ok) input.value = pretty(parsed.value);
              check();
            },
          },
          'Format',
        ),
      ),
      input,
      inputError,
    ),
    formProblem,
    h('div', { class: 'actions' }, submit, h('button', { type: 'button', onclick: close }, 'Cancel')),
  );
  check();
  return form;
}

// --- executions ---------------------------------------------------------------------------------

async function executionsView(view, r) {
  const filter = { stateMachine: r.query.stateMachine ?? '', status: r.query.status ?? '' };
  const key = `executions:${filter.stateMachine}:${filter.status}`;
  const state = pagerState(key);
  const machineSelect = h('select', { id: 'filter-state-machine', name: 'stateMachine' }, h('option', { value: '' }, 'All state machines'));
  if (filter.stateMachine) machineSelect.append(h('option', { value: filter.stateMachine, selected: true }, filter.stateMachine));
  const statusSelect = h(
    'select',
    { id: 'filter-status', name: 'status' },
    h('option', { value: '' }, 'Any status'),
    EXECUTION_STATUSES.map((s) => h('option', { value: s, selected: s === filter.status }, s.replace(/_/g, ' '))),
  );
  const go = () => {
    window.location.hash = href('executions', { stateMachine: machineSelect.value, status: statusSelect.value });
  };
  machineSelect.addEventListener('change', go);
  statusSelect.addEventListener('change', go);
  api
    .listStateMachines({ maxResults: 1000 })
    .then((page) => {
      if (view.stale()) return;
      for (const sm of Array.isArray(page?.items) ? page.items : []) {
        if (sm.name !== filter.stateMachine) machineSelect.append(h('option', { value: sm.name }, sm.name));
      }
    })
    .catch(() => {});

  if (filter.status && !EXECUTION_STATUSES.includes(filter.status)) {
    throw new ApiError({
      status: 400,
      title: 'Bad filter',
      detail: `Unknown status ${filter.status}; use one of ${EXECUTION_STATUSES.join(', ')}`,
    });
  }
  const results = h('div', { id: 'executions-results' }, h('p', { class: 'loading' }, 'Loading…'));
  replace(
    main,
    h(
      'div',
      { class: 'page-head' },
      h('h1', null, 'Executions'),
      h('button', { type: 'button', onclick: () => route() }, 'Refresh'),
    ),
    card(
      null,
      [
        h(
          'form',
          { class: 'filters', onsubmit: (e) => e.preventDefault() },
          h('div', { class: 'field' }, h('label', { for: 'filter-state-machine' }, 'State machine'), machineSelect),
          h('div', { class: 'field' }, h('label', { for: 'filter-status' }, 'Status'), statusSelect),
        ),
        results,
      ],
    ),
  );
  try {
    const page = await api.listExecutions({
      stateMachine: filter.stateMachine || undefined,
      status: filter.status || undefined,
      maxResults: PAGE_SIZE,
      nextToken: state.tokens[state.index],
    });
    if (view.stale()) return;
    const list = Array.isArray(page?.executions) ? page.executions : [];
    state.tokens[state.index + 1] = page?.nextToken ?? null;
    replace(
      results,
      list.length
        ? [
            table(
              ['Name', 'State machine', 'Status', 'Started', 'Duration'],
              list.map((e) => {
                const machine = e.stateMachineName ?? machineFromArn(e.stateMachineArn);
                return h(
                  'tr',
                  { 'data-execution': e.name },
                  h('td', null, h('a', { href: href('state-machines', machine, 'executions', e.name) }, e.name)),
                  h('td', null, h('a', { href: href('state-machines', machine) }, machine)),
                  h('td', null, statusBadge(e.status)),
                  h('td', null, when(e.startDate)),
                  h('td', null, e.stopDate ? duration(e.startDate, e.stopDate) : h('span', { class: 'muted' }, 'running')),
                );
              }),
              { class: 'list', id: 'executions' },
            ),
            pager(state, (index) => {
              state.index = index;
              route();
            }),
          ]
        : h('p', { class: 'empty' }, 'No executions match.'),
    );
  } catch (e) {
    if (view.stale()) return;
    replace(results, errorView(e, route));
  }
}

function machineFromArn(arn) {
  const parts = String(arn ?? '').split(':');
  return parts[6] ?? '';
}

// --- one execution ------------------------------------------------------------------------------

async function executionView(view, r) {
  const controller = new AbortController();
  view.onDispose(() => controller.abort());
  let execution = await api.getExecution(r.name, r.execution, { signal: controller.signal });
  if (view.stale()) return;
  const { definition, note } = await definitionForExecution(r.name, execution);
  if (view.stale()) return;
  const graph = buildGraph(definition);
  let history = { events: [], complete: true };
  let result = null;
  let selected = null;
  let selectedVisit = null;

  const detailSlot = h('div', { id: 'state-details', class: 'state-details' }, h('p', { class: 'muted' }, 'Click a state to see its input and output.'));
  const panel = graphPanel(graph, {
    legend: true,
    onSelect: (name) => {
      selected = name;
      selectedVisit = null;
      panel.rendered.select(name);
      showState();
    },
  });
  view.onDispose(panel.dispose);
  const summarySlot = h('div', { id: 'execution-summary' });
  const headSlot = h('div', { class: 'page-head' });
  const stopSlot = h('div', { id: 'stop-slot' });
  const liveSlot = h('p', { class: 'live', id: 'live', 'aria-live': 'polite' });
  const eventsSlot = h('div', { id: 'events' });
  const warnSlot = h('div', { 'aria-live': 'polite' });

  replace(
    main,
    breadcrumbs(
      h('a', { href: '#/state-machines' }, 'State machines'),
      h('a', { href: href('state-machines', r.name) }, r.name),
      h('a', { href: href('executions', { stateMachine: r.name }) }, 'Executions'),
      h('span', null, r.execution),
    ),
    headSlot,
    liveSlot,
    stopSlot,
    warnSlot,
    note ? h('p', { class: 'warning' }, note) : null,
    h(
      'div',
      { class: 'split' },
      card('Graph', panel.panel, { class: 'card graph-card' }),
      h('div', { class: 'side' }, card('State', detailSlot), card('Execution', summarySlot)),
    ),
    card('Events', eventsSlot),
  );
  panel.fit();

  function showHead() {
    const running = execution.status === 'RUNNING';
    const webUi = safeHttpUrl(execution.temporal?.webUiUrl);
    replace(
      headSlot,
      h('h1', null, execution.name ?? r.execution, ' ', statusBadge(execution.status, { id: 'execution-status' })),
      h(
        'div',
        { class: 'actions' },
        running
          ? h('button', { type: 'button', class: 'danger', id: 'stop-execution', onclick: openStop }, 'Stop')
          : null,
        h('a', { class: 'button', href: href('state-machines', r.name, { start: '' }) }, 'New execution'),
        webUi
          ? h('a', { class: 'button', id: 'temporal-link', href: webUi, target: '_blank', rel: 'noopener noreferrer' }, 'Temporal Web UI ↗')
          : null,
      ),
    );
  }

  function openStop() {
    if (stopSlot.firstChild) return;
    const error = h('input', { type: 'text', id: 'stop-error', maxlength: '256', placeholder: 'optional' });
    const cause = h('textarea', { id: 'stop-cause', rows: '2', maxlength: '32768', placeholder: 'optional' });
    const problem = h('div', { 'aria-live': 'polite' });
    const confirm = h('button', { type: 'submit', class: 'danger', id: 'stop-confirm' }, 'Stop execution');
    stopSlot.append(
      h(
        'form',
        {
          class: 'card stop-form',
          onsubmit: async (event) => {
            event.preventDefault();
            confirm.disabled = true;
            clear(problem);
            try {
              const body = {};
              if (error.value.trim()) body.error = error.value.trim();
              if (cause.value.trim()) body.cause = cause.value.trim();
              await api.stopExecution(r.name, execution.name ?? r.execution, body);
              clear(stopSlot);
              await refresh();
            } catch (e) {
              if (view.stale()) return;
              confirm.disabled = false;
              replace(problem, h('div', { class: 'inline-problem', role: 'alert' }, h('strong', null, e.title ?? 'Could not stop'), problemBody(e)));
            }
          },
        },
        h('h2', null, 'Stop this execution?'),
        h(
          'div',
          { class: 'field-row' },
          h('div', { class: 'field' }, h('label', { for: 'stop-error' }, 'Error'), error),
          h('div', { class: 'field' }, h('label', { for: 'stop-cause' }, 'Cause'), cause),
        ),
        problem,
        h('div', { class: 'actions' }, confirm, h('button', { type: 'button', onclick: () => clear(stopSlot) }, 'Cancel')),
      ),
    );
    error.focus();
  }

  function showSummary() {
    const items = [
      fact('Status', statusBadge(execution.status)),
      fact('Started', when(execution.startDate)),
      execution.stopDate ? fact('Stopped', when(execution.stopDate)) : null,
      execution.stopDate ? fact('Duration', duration(execution.startDate, execution.stopDate)) : null,
      execution.stateMachineVersionArn ? fact('Version', h('code', null, execution.stateMachineVersionArn)) : null,
      execution.stateMachineAliasArn ? fact('Alias', h('code', null, execution.stateMachineAliasArn)) : null,
      fact('ARN', h('code', null, execution.executionArn ?? '')),
    ];
    const parts = [h('dl', { class: 'facts compact' }, items)];
    if (execution.error || execution.cause) {
      parts.push(
        h(
          'div',
          { class: 'error-box' },
          execution.error ? h('p', null, h('strong', null, 'Error '), h('code', null, execution.error)) : null,
          execution.cause ? h('p', { class: 'cause' }, execution.cause) : null,
        ),
      );
    }
    parts.push(h('h3', null, 'Input'), jsonBlock(jsonOf(execution.input), 'Execution input'));
    parts.push(h('h3', null, 'Output'), jsonBlock(jsonOf(execution.output), 'Execution output'));
    replace(summarySlot, parts);
  }

  function showState() {
    if (!selected) return;
    const node = graph.states.get(selected);
    const state = result?.states.get(selected);
    const visits = state?.visits ?? [];
    const head = h('h3', null, selected, ' ', h('span', { class: 'type-tag' }, node?.type ?? ''));
    if (!visits.length) {
      replace(
        detailSlot,
        head,
        h('p', null, h('span', { class: 'state-status', 'data-status': 'not-started' }, STATUS_LABELS['not-started'])),
        h('p', { class: 'muted' }, 'This state has not run in this execution.'),
      );
      return;
    }
    const index = selectedVisit !== null && selectedVisit < visits.length ? selectedVisit : visits.length - 1;
    const visit = visits[index];
    const parts = [head];
    if (visits.length > 1) {
      const select = h(
        'select',
        {
          id: 'visit-select',
          onchange: (e) => {
            selectedVisit = Number(e.target.value);
            showState();
          },
        },
        visits.map((v, i) =>
          h(
            'option',
            { value: String(i), selected: i === index },
            `${v.iterationIndex !== null ? `Iteration ${v.iterationIndex}` : `Visit ${i + 1}`} · ${STATUS_LABELS[v.status]}`,
          ),
        ),
      );
      parts.push(
        h(
          'p',
          null,
          'Overall ',
          h('span', { class: 'state-status', 'data-status': state.status }, STATUS_LABELS[state.status]),
          h('span', { class: 'muted' }, ` · ${summaryOfCounts(state.counts)}`),
        ),
      );
      parts.push(h('div', { class: 'field' }, h('label', { for: 'visit-select' }, `${visits.length} runs`), select));
    }
    parts.push(
      h(
        'dl',
        { class: 'facts compact' },
        fact('Status', h('span', { class: 'state-status', 'data-status': visit.status }, STATUS_LABELS[visit.status])),
        visit.iterationIndex !== null ? fact('Item', String(visit.iterationIndex)) : null,
        fact('Entered', when(visit.enteredAt)),
        visit.exitedAt ? fact('Left', `${when(visit.exitedAt)} (${duration(visit.enteredAt, visit.exitedAt)})`) : null,
        visit.attempts ? fact('Attempts', String(visit.attempts)) : null,
      ),
    );
    const failure = visit.failures.at(-1);
    if (failure && (visit.status === 'failed' || visit.status === 'caught' || visit.status === 'running')) {
      parts.push(
        h(
          'div',
          { class: 'error-box' },
          h('p', null, h('strong', null, visit.status === 'running' ? 'Last attempt failed ' : 'Error '), h('code', null, failure.error ?? '')),
          failure.cause ? h('p', { class: 'cause' }, failure.cause) : null,
        ),
      );
    }
    if (visit.failures.length && visit.status === 'retried') {
      parts.push(
        h('p', { class: 'muted' }, `Retried after: ${visit.failures.map((f) => f.error ?? f.type).join(', ')}`),
      );
    }
    parts.push(h('h3', null, 'Input'), jsonBlock(visit.input, 'State input'));
    parts.push(h('h3', null, 'Output'), jsonBlock(visit.output, 'State output'));
    replace(detailSlot, parts);
  }

  function showEvents() {
    const events = [...history.events].sort((a, b) => Number(a.id) - Number(b.id));
    const start = events[0]?.timestamp;
    replace(
      eventsSlot,
      events.length
        ? [
            history.complete ? null : h('p', { class: 'warning' }, 'The history is longer than the console loads; the newest events are not shown.'),
            h(
              'details',
              null,
              h('summary', null, `${events.length} events`),
              table(
                ['ID', 'Type', 'State', 'Time', 'Details'],
                events.map((e) => {
                  const d = detailsOf(e);
                  const info = d.error ? `${d.error}${d.cause ? `: ${d.cause}` : ''}` : d.resource ?? (d.index !== undefined ? `index ${d.index}` : '');
                  return h(
                    'tr',
                    { 'data-event-type': e.type },
                    h('td', null, String(e.id)),
                    h('td', null, e.type),
                    h('td', null, result?.eventState.get(e.id) ?? d.name ?? ''),
                    h('td', null, start ? `+${duration(start, e.timestamp)}` : when(e.timestamp)),
                    h('td', { class: 'event-info' }, String(info).slice(0, 300)),
                  );
                }),
                { class: 'list events' },
              ),
            ),
          ]
        : h('p', { class: 'muted' }, 'No events yet.'),
    );
  }

  function showLive(message) {
    const running = execution.status === 'RUNNING';
    liveSlot.dataset.live = running ? 'true' : 'false';
    liveSlot.textContent = message ?? (running ? `Live: refreshing every ${POLL_MS / 1000} s` : '');
  }

  async function load() {
    const [latest, events] = await Promise.all([
      api.getExecution(r.name, r.execution, { signal: controller.signal }),
      api.history(r.name, r.execution, { signal: controller.signal }),
    ]);
    if (view.stale()) return;
    execution = latest;
    history = events;
    result = computeStatuses(graph, history.events, { executionStatus: execution.status });
    panel.rendered.setStatuses(result);
    panel.rendered.svg.setAttribute('data-execution-status', execution.status);
    if (result.unknown.length) {
      replace(warnSlot, h('p', { class: 'warning' }, `The history names states the drawn definition does not have: ${result.unknown.join(', ')}`));
    } else {
      clear(warnSlot);
    }
    showHead();
    showSummary();
    showState();
    showEvents();
    showLive();
  }

  let timer = null;
  let failures = 0;
  view.onDispose(() => clearTimeout(timer));
  async function refresh() {
    clearTimeout(timer);
    try {
      await load();
      failures = 0;
    } catch (e) {
      if (view.stale() || e?.name === 'AbortError') return;
      failures++;
      replace(warnSlot, h('div', { class: 'inline-problem', role: 'alert' }, h('strong', null, 'Refresh failed: '), problemBody(e)));
    }
    if (view.stale()) return;
    if (execution.status === 'RUNNING' || failures > 0) {
      timer = setTimeout(refresh, POLL_MS * Math.min(8, 2 ** failures));
    }
  }
  showHead();
  showSummary();
  showLive();
  await refresh();
}

function summaryOfCounts(counts) {
  return STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${STATUS_LABELS[s].toLowerCase()}`)
    .join(', ');
}

function jsonOf(value) {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The definition an execution ran: its version's, or the revision's when it is still current. */
async function definitionForExecution(name, execution) {
  const versionArn = execution.stateMachineVersionArn;
  const version = typeof versionArn === 'string' ? versionArn.split(':').at(-1) : null;
  if (version && /^\d+$/.test(version)) {
    return { definition: definitionOf(await api.getVersion(name, version)), note: null };
  }
  const current = await api.getStateMachine(name);
  if (!execution.revisionId || current.revisionId === execution.revisionId) {
    return { definition: definitionOf(current), note: null };
  }
  try {
    const versions = await api.listVersions(name);
    const match = (versions?.items ?? []).find((v) => v.revisionId === execution.revisionId);
    if (match) return { definition: definitionOf(await api.getVersion(name, match.version)), note: null };
  } catch {
    // Fall through to the current definition, with the note below.
  }
  return {
    definition: definitionOf(current),
    note: 'The state machine has changed since this execution started; the graph shows its current definition.',
  };
}

window.addEventListener('hashchange', route);
route();
