// The execution views: the filtered list, and one execution drawn with its states' statuses.

import { ApiError } from './api.js';
import { clear, h, replace } from './dom.js';
import { buildGraph } from './graph.js';
import { duration, when } from './json.js';
import { computeStatuses, detailsOf, STATUSES } from './status.js';
import {
  api,
  breadcrumbs,
  card,
  definitionOf,
  errorView,
  EXECUTION_STATUSES,
  fact,
  graphPanel,
  href,
  jsonBlock,
  main,
  PAGE_SIZE,
  pager,
  pagerState,
  problemBody,
  safeHttpUrl,
  STATUS_LABELS,
  statusBadge,
  table,
} from './ui.js';

const POLL_MS = 1500;

export async function executionsView(view, r) {
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
      h('button', { type: 'button', onclick: () => view.rerender() }, 'Refresh'),
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
              view.rerender();
            }),
          ]
        : h('p', { class: 'empty' }, 'No executions match.'),
    );
  } catch (e) {
    if (view.stale()) return;
    replace(results, errorView(e, view.rerender));
  }
}

function machineFromArn(arn) {
  const parts = String(arn ?? '').split(':');
  return parts[6] ?? '';
}


export async function executionView(view, r) {
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
        h('a', { class: 'button', href: href('state-machines', r.name, { start: '1' }) }, 'New execution'),
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
  let current;
  try {
    current = await api.getStateMachine(name);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      return { definition: null, note: 'The state machine no longer exists, so its graph cannot be drawn.' };
    }
    throw e;
  }
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

