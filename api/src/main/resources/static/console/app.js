// The console: a single page with hash routes.
//   #/state-machines                              state machines
//   #/state-machines/{name}                       one state machine: graph, definition, start
//   #/state-machines/{name}/executions/{exec}     one execution: graph coloured by status
//   #/executions?stateMachine=&status=            executions, filtered

import { h, replace } from './dom.js';
import { executionsView, executionView } from './executions.js';
import { machinesView, machineView } from './machines.js';
import { card, errorView, main } from './ui.js';

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

async function route() {
  for (const dispose of disposers.splice(0)) dispose();
  const token = ++generation;
  const view = {
    stale: () => token !== generation,
    onDispose: (fn) => disposers.push(fn),
    rerender: () => route(),
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

window.addEventListener('hashchange', route);
route();
