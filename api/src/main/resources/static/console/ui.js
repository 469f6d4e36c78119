// Pieces every view of the console shares: the API client, cards, badges, problems, pagers,
// and the graph panel with its zoom and legend.

import { ApiError, createApi } from './api.js';
import { h } from './dom.js';
import { estimateTextWidth, layoutGraph } from './layout.js';
import { renderGraph } from './render.js';
import { STATUSES } from './status.js';
import { prettyText } from './json.js';

export const api = createApi({ storage: window.sessionStorage });
export const main = document.getElementById('main');
export const PAGE_SIZE = 25;
export const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];
export const STATUS_LABELS = {
  'not-started': 'Not started',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  caught: 'Caught',
  retried: 'Retried',
  aborted: 'Aborted',
};

/** A route's address: href('state-machines', name, {start: '1'}) -> #/state-machines/name?start=1 */
export function href(...parts) {
  const [path, query] = parts.length && typeof parts[parts.length - 1] === 'object' ? [parts.slice(0, -1), parts.at(-1)] : [parts, null];
  const q = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString() : '';
  return `#/${path.map((p) => encodeURIComponent(p)).join('/')}${q ? `?${q}` : ''}`;
}

export function card(title, children, props = {}) {
  return h('section', { class: 'card', ...props }, title ? h('h2', null, title) : null, children);
}

export function statusBadge(status, props = {}) {
  const value = String(status ?? 'UNKNOWN');
  return h('span', { class: 'status-badge', 'data-status': value.toLowerCase().replace(/_/g, '-'), ...props }, value.replace(/_/g, ' '));
}

/** A problem (RFC 9457) or any other failure, readable; a sign-in form for 401. */
export function errorView(error, retry) {
  if (error instanceof ApiError && error.status === 401) return signInView(error, retry);
  const box = h('section', { class: 'card problem', role: 'alert' });
  const title = error instanceof ApiError ? error.title : 'Something went wrong';
  box.append(h('h2', null, title));
  box.append(...problemBody(error));
  if (retry) box.append(h('p', null, h('button', { type: 'button', onclick: () => retry() }, 'Try again')));
  return box;
}

export function problemBody(error) {
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

export function signInView(error, retry) {
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

export function pager(state, onGo) {
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

export function table(headers, rows, props = {}) {
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

export function breadcrumbs(...items) {
  return h(
    'nav',
    { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' },
    items.map((item, i) => [i > 0 ? h('span', { class: 'sep', 'aria-hidden': 'true' }, '›') : null, item]),
  );
}

export function safeHttpUrl(value) {
  try {
    const url = new URL(String(value), window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function jsonBlock(text, label) {
  const shown = prettyText(text);
  return h('pre', { class: 'json', 'aria-label': label, tabindex: '0' }, shown === '' ? '—' : shown);
}

export function definitionOf(view) {
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
export function graphPanel(graph, { onSelect, legend = false } = {}) {
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

export function legendView() {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    STATUSES.map((status) =>
      h('li', null, h('span', { class: 'swatch', 'data-status': status, 'aria-hidden': 'true' }), STATUS_LABELS[status]),
    ),
  );
}


export function fact(term, value) {
  return h('div', null, h('dt', null, term), h('dd', null, value));
}


// Page tokens of each list, so that a list can go back a page.
const pagers = new Map();
export function pagerState(key) {
  if (!pagers.has(key)) pagers.set(key, { tokens: [null], index: 0 });
  return pagers.get(key);
}
