// The state machine views: the list, and one state machine with its graph and the start form.

import { ApiError } from './api.js';
import { clear, h, replace } from './dom.js';
import { buildGraph } from './graph.js';
import { executionNameProblem, parseJsonInput, pretty, when } from './json.js';
import {
  api,
  breadcrumbs,
  card,
  definitionOf,
  errorView,
  fact,
  graphPanel,
  href,
  main,
  PAGE_SIZE,
  pager,
  pagerState,
  problemBody,
  statusBadge,
  table,
} from './ui.js';

export async function machinesView(view) {
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
              view.rerender();
            }),
          ]
        : h('p', { class: 'empty' }, 'No state machines yet. Create one with the REST API or the AWS CLI.'),
    ),
  );
}


export async function machineView(view, r) {
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

