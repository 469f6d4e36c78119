// What happened to each state of an execution, computed from its history: the events of AWS's
// GetExecutionHistory (TaskStateEntered, TaskScheduled, ActivityFailed, MapIterationStarted, ...).
//
// Events are attributed to a "visit" (one entry into a state) by following previousEventId back to
// the event that entered the state, as Step Functions links them; when a history lacks the link,
// to the most recent open visit that fits. Each visit gets a status:
//   running      entered, not yet left (including a task waiting for its next retry)
//   succeeded    left normally
//   retried      left normally after its task (or Parallel/Map body) ran more than once
//   caught       its last attempt failed and a Catch took the execution elsewhere
//   failed       its last attempt failed and nothing caught it, or a Fail state
//   aborted      stopped from outside: the execution was stopped, or a sibling branch or
//                iteration failed first
// A state's status aggregates its visits (a loop, or the iterations of a Map) by precedence:
// running, failed, aborted, caught, retried, succeeded; "not-started" when it has none.

export const STATUSES = Object.freeze([
  'not-started',
  'running',
  'succeeded',
  'failed',
  'caught',
  'retried',
  'aborted',
]);

const PRECEDENCE = ['running', 'failed', 'aborted', 'caught', 'retried', 'succeeded'];

const ATTEMPT_START = new Set(['TaskScheduled', 'ActivityScheduled', 'LambdaFunctionScheduled']);
const ATTEMPT_RUNNING = new Set(['TaskStarted', 'TaskSubmitted', 'ActivityStarted', 'LambdaFunctionStarted']);
const ATTEMPT_SUCCESS = new Set(['TaskSucceeded', 'ActivitySucceeded', 'LambdaFunctionSucceeded']);
const ATTEMPT_FAILURE = new Set([
  'TaskFailed',
  'TaskTimedOut',
  'TaskStartFailed',
  'TaskSubmitFailed',
  'ActivityFailed',
  'ActivityTimedOut',
  'ActivityScheduleFailed',
  'LambdaFunctionFailed',
  'LambdaFunctionTimedOut',
  'LambdaFunctionScheduleFailed',
  'LambdaFunctionStartFailed',
]);
const TERMINAL_EXECUTION = new Map([
  ['ExecutionSucceeded', 'SUCCEEDED'],
  ['ExecutionFailed', 'FAILED'],
  ['ExecutionAborted', 'ABORTED'],
  ['ExecutionTimedOut', 'TIMED_OUT'],
]);
const TASK_LIKE = new Set(['Task']);

/** The details member of an event: TaskFailed -> taskFailedEventDetails. */
export function detailsOf(event) {
  if (!event || typeof event.type !== 'string') return {};
  const member = `${event.type[0].toLowerCase()}${event.type.slice(1)}EventDetails`;
  const details = event[member];
  if (details && typeof details === 'object') return details;
  if (event.type.endsWith('StateEntered')) return event.stateEnteredEventDetails ?? {};
  if (event.type.endsWith('StateExited')) return event.stateExitedEventDetails ?? {};
  return {};
}

/** The execution's status, input, output, error and cause as its history tells them. */
export function executionFromHistory(events) {
  const result = { status: null, input: null, output: null, error: null, cause: null, startDate: null, stopDate: null };
  for (const event of sorted(events)) {
    const d = detailsOf(event);
    if (event.type === 'ExecutionStarted') {
      result.status = 'RUNNING';
      result.input = d.input ?? null;
      result.startDate = event.timestamp ?? null;
    } else if (event.type === 'ExecutionRedriven') {
      result.status = 'RUNNING';
      result.stopDate = null;
      result.error = null;
      result.cause = null;
    } else if (TERMINAL_EXECUTION.has(event.type)) {
      result.status = TERMINAL_EXECUTION.get(event.type);
      result.stopDate = event.timestamp ?? null;
      if (event.type === 'ExecutionSucceeded') result.output = d.output ?? null;
      result.error = d.error ?? null;
      result.cause = d.cause ?? null;
    }
  }
  return result;
}

function sorted(events) {
  return [...(Array.isArray(events) ? events : [])]
    .filter((e) => e && typeof e === 'object' && typeof e.type === 'string')
    .sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * @param graph the result of buildGraph (to know each state's type and where it sits)
 * @param events the history events, in any order
 * @param options {executionStatus}: the execution's status from the API, which wins over the
 *     history's (a history page may lag behind)
 * @returns {{execution, states: Map<string, StateStatus>, unknown: string[], transitions: Set<string>}}
 */
export function computeStatuses(graph, events, options = {}) {
  const list = sorted(events);
  const execution = executionFromHistory(list);
  const executionStatus = options.executionStatus ?? execution.status ?? 'RUNNING';
  const executionEnded = executionStatus !== 'RUNNING' && executionStatus !== 'PENDING_REDRIVE';

  const byId = new Map(list.map((e) => [e.id, e]));
  const visitOf = new Map(); // event id -> visit
  const containerOf = new Map(); // MapIterationStarted / ParallelStateStarted id -> container
  const visits = [];
  const root = { kind: 'root' };
  const transitions = new Set();
  const unknown = new Set();

  const nodeOf = (name) => graph.states.get(name) ?? null;
  const open = (v) => !v.exited && !v.aborted && !v.failStateEntered;

  // The visit an event belongs to: along previousEventId first, else the latest open one that fits
  // (preferring one whose task is in the phase the event continues, so that two branches running
  // side by side each get their own attempts even without links).
  const findVisit = (event, name, fits, prefer = null) => {
    let id = event.previousEventId;
    for (let guard = 0; guard < 100000 && id !== undefined && id !== null && id !== 0; guard++) {
      const v = visitOf.get(id);
      if (v) {
        for (let w = v; w; w = ownerVisit(w.container)) {
          if ((name === null || w.name === name) && (fits === null || fits(w))) return w;
        }
        break;
      }
      const prev = byId.get(id);
      if (!prev) break;
      id = prev.previousEventId;
    }
    const candidates = visits.filter((v) => (name === null || v.name === name) && (fits === null || fits(v)) && open(v));
    if (prefer) {
      const preferred = candidates.filter(prefer);
      if (preferred.length) return preferred[preferred.length - 1];
    }
    if (candidates.length) return candidates[candidates.length - 1];
    if (name !== null) {
      for (let i = visits.length - 1; i >= 0; i--) if (visits[i].name === name) return visits[i];
    }
    return null;
  };

  // Where a newly entered state runs: the top level, a Parallel branch or a Map iteration.
  const containerFor = (event, node) => {
    let id = event.previousEventId;
    for (let guard = 0; guard < 100000 && id !== undefined && id !== null && id !== 0; guard++) {
      const prev = byId.get(id);
      if (!prev) break;
      if (containerOf.has(id)) return { container: containerOf.get(id), from: null };
      if (prev.type === 'ExecutionStarted' || prev.type === 'ExecutionRedriven') return { container: root, from: null };
      const v = visitOf.get(id);
      if (v) {
        // The state that led here: its container is ours, unless it is the one that holds us.
        const holds = node && v.node && enclosingState(node) === v.node;
        if (holds) return { container: branchOf(v, node), from: null };
        return { container: v.container, from: v };
      }
      id = prev.previousEventId;
    }
    // No link: the latest open visit of the enclosing Parallel or Map, if any.
    const owner = node ? enclosingState(node) : null;
    if (!owner) return { container: root, from: null };
    for (let i = visits.length - 1; i >= 0; i--) {
      const v = visits[i];
      if (v.node === owner && open(v)) return { container: branchOf(v, node), from: null };
    }
    return { container: root, from: null };
  };

  // A Parallel visit's branch holding node, or a Map visit's latest running iteration.
  const branchOf = (visit, node) => {
    if (visit.node?.type === 'Map') {
      const running = visit.iterations.filter((it) => it.status === 'running');
      if (running.length) return running[running.length - 1];
      if (visit.iterations.length) return visit.iterations[visit.iterations.length - 1];
      return visit.anyIteration ?? (visit.anyIteration = { kind: 'iteration', visit, index: -1, status: 'running' });
    }
    const index = node ? branchIndex(visit.node, node) : 0;
    if (!visit.branches.has(index)) visit.branches.set(index, { kind: 'branch', visit, index });
    return visit.branches.get(index);
  };

  for (const event of list) {
    const type = event.type;
    const d = detailsOf(event);
    if (type.endsWith('StateEntered')) {
      const name = String(d.name ?? '');
      const node = nodeOf(name);
      if (!node) unknown.add(name);
      const { container, from } = containerFor(event, node);
      const visit = {
        name,
        node,
        type: type.slice(0, -'StateEntered'.length),
        enteredId: event.id,
        enteredAt: event.timestamp ?? null,
        exitedAt: null,
        input: d.input ?? null,
        output: null,
        container,
        attempts: 0,
        lastAttempt: null,
        failures: [],
        failedSelf: false,
        exited: false,
        aborted: false,
        failStateEntered: type === 'FailStateEntered',
        iterations: [],
        branches: new Map(),
        iterationIndex: container.kind === 'iteration' ? container.index : null,
      };
      if (visit.failStateEntered) visit.exitedAt = event.timestamp ?? null;
      visits.push(visit);
      visitOf.set(event.id, visit);
      if (from) {
        transitions.add(`${from.name}\u0000${name}${lastFailed(from) ? '\u0000catch' : ''}`);
      } else if (container === root && !visits.some((w) => w !== visit && w.container === root)) {
        transitions.add(`\u0000Start\u0000${name}`);
      }
      continue;
    }
    if (type.endsWith('StateExited')) {
      const v = findVisit(event, d.name === undefined ? null : String(d.name), null);
      if (!v) continue;
      visitOf.set(event.id, v);
      v.exited = true;
      v.exitedAt = event.timestamp ?? null;
      v.output = d.output ?? null;
      continue;
    }
    if (type.endsWith('StateAborted')) {
      const kind = type.slice(0, -'StateAborted'.length);
      const v = findVisit(event, d.name === undefined ? null : String(d.name), (w) => w.type === kind);
      if (!v) continue;
      visitOf.set(event.id, v);
      v.aborted = true;
      v.exitedAt = event.timestamp ?? null;
      continue;
    }
    if (ATTEMPT_START.has(type) || ATTEMPT_RUNNING.has(type) || ATTEMPT_SUCCESS.has(type) || ATTEMPT_FAILURE.has(type)) {
      const v = findVisit(event, null, (w) => TASK_LIKE.has(w.type), phaseFor(type));
      if (!v) continue;
      visitOf.set(event.id, v);
      if (ATTEMPT_START.has(type)) {
        v.attempts++;
        v.lastAttempt = { status: 'scheduled', scheduledAt: event.timestamp ?? null };
        v.parameters = d.parameters ?? d.input ?? v.parameters ?? null;
      } else if (ATTEMPT_RUNNING.has(type)) {
        if (v.lastAttempt) v.lastAttempt.status = 'started';
      } else if (ATTEMPT_SUCCESS.has(type)) {
        if (!v.lastAttempt) {
          v.attempts++;
          v.lastAttempt = {};
        }
        v.lastAttempt.status = 'succeeded';
        v.result = d.output ?? null;
      } else {
        // A failure to schedule or start counts as an attempt of its own.
        if (!v.lastAttempt || v.lastAttempt.status === 'failed' || v.lastAttempt.status === 'succeeded') {
          v.attempts++;
          v.lastAttempt = {};
        }
        v.lastAttempt.status = 'failed';
        v.failures.push({ type, error: d.error ?? null, cause: d.cause ?? null, at: event.timestamp ?? null });
      }
      continue;
    }
    if (type === 'ParallelStateStarted' || type === 'MapStateStarted') {
      const kind = type === 'MapStateStarted' ? 'Map' : 'Parallel';
      const v = findVisit(event, null, (w) => w.type === kind);
      if (!v) continue;
      visitOf.set(event.id, v);
      v.attempts++;
      v.lastAttempt = { status: 'started' };
      v.failedSelf = false;
      if (kind === 'Parallel') {
        v.branches = new Map();
        containerOf.set(event.id, { kind: 'parallel-start', visit: v });
      }
      if (kind === 'Map') v.length = d.length ?? null;
      continue;
    }
    if (
      type === 'ParallelStateSucceeded' ||
      type === 'ParallelStateFailed' ||
      type === 'MapStateSucceeded' ||
      type === 'MapStateFailed' ||
      type === 'MapRunSucceeded' ||
      type === 'MapRunFailed' ||
      type === 'MapRunAborted'
    ) {
      const kind = type.startsWith('Map') ? 'Map' : 'Parallel';
      const v = findVisit(event, null, (w) => w.type === kind);
      if (!v) continue;
      visitOf.set(event.id, v);
      if (type.endsWith('Succeeded')) {
        if (v.lastAttempt) v.lastAttempt.status = 'succeeded';
      } else if (type.endsWith('Failed')) {
        v.failedSelf = true;
        if (v.lastAttempt) v.lastAttempt.status = 'failed';
        v.failures.push({ type, error: d.error ?? null, cause: d.cause ?? null, at: event.timestamp ?? null });
      } else {
        v.aborted = true;
      }
      continue;
    }
    if (type.startsWith('MapIteration')) {
      const v = findVisit(event, d.name === undefined ? null : String(d.name), (w) => w.type === 'Map');
      if (!v) continue;
      visitOf.set(event.id, v);
      const index = Number.isInteger(d.index) ? d.index : v.iterations.length;
      let iteration = v.iterations.find((it) => it.index === index && it.attempt === v.attempts);
      if (type === 'MapIterationStarted' || !iteration) {
        iteration = { kind: 'iteration', visit: v, index, attempt: v.attempts, status: 'running' };
        v.iterations.push(iteration);
        containerOf.set(event.id, iteration);
      }
      if (type === 'MapIterationSucceeded') iteration.status = 'succeeded';
      if (type === 'MapIterationFailed') iteration.status = 'failed';
      if (type === 'MapIterationAborted') iteration.status = 'aborted';
      continue;
    }
    if (type === 'EvaluationFailed') {
      const v = findVisit(event, d.state === undefined ? null : String(d.state), null);
      if (!v) continue;
      visitOf.set(event.id, v);
      v.failedSelf = true;
      v.failures.push({ type, error: d.error ?? null, cause: d.cause ?? null, at: event.timestamp ?? null });
    }
  }

  // ParallelStateStarted is the container of each branch's first state; resolve it to the branch.
  for (const v of visits) {
    if (v.container.kind === 'parallel-start') {
      v.container = branchOf(v.container.visit, v.node);
    }
  }

  const ended = (container) => {
    if (container.kind === 'root') return executionEnded;
    if (container.kind === 'iteration' && container.status !== 'running') return true;
    const owner = container.visit;
    return !open(owner) || owner.failedSelf || ended(owner.container);
  };

  for (const v of visits) {
    v.status = visitStatus(v, ended, executionStatus);
    if (v.container === root && (v.failStateEntered || (v.exited && v.node?.terminal && !lastFailed(v)))) {
      transitions.add(`${v.name}\u0000\u0000End`);
    }
  }

  const states = new Map();
  for (const node of graph.states.values()) {
    states.set(node.name, summarise(node.name, visits.filter((v) => v.name === node.name)));
  }
  for (const name of unknown) states.set(name, summarise(name, visits.filter((v) => v.name === name)));

  const eventState = new Map();
  for (const [eventId, v] of visitOf) eventState.set(eventId, v.name);

  return {
    execution: { ...execution, status: executionStatus },
    states,
    visits,
    eventState,
    unknown: [...unknown],
    transitions,
    start: visits.length ? 'succeeded' : executionStatus === 'RUNNING' ? 'running' : 'not-started',
    end: endStatus(executionStatus),
  };
}

// Which task phase an attempt event continues: a new attempt starts on a visit with none running.
function phaseFor(type) {
  if (ATTEMPT_START.has(type) || type.endsWith('ScheduleFailed')) {
    return (v) => !v.lastAttempt || v.lastAttempt.status === 'failed';
  }
  if (ATTEMPT_RUNNING.has(type) && type !== 'TaskSubmitted') return (v) => v.lastAttempt?.status === 'scheduled';
  return (v) => v.lastAttempt?.status === 'scheduled' || v.lastAttempt?.status === 'started';
}

function endStatus(status) {
  switch (status) {
    case 'SUCCEEDED':
      return 'succeeded';
    case 'FAILED':
    case 'TIMED_OUT':
      return 'failed';
    case 'ABORTED':
      return 'aborted';
    default:
      return 'not-started';
  }
}

function lastFailed(v) {
  return v.failedSelf || v.lastAttempt?.status === 'failed';
}

function visitStatus(v, ended, executionStatus) {
  if (v.failStateEntered) return 'failed';
  if (v.aborted) return 'aborted';
  if (v.exited) {
    if (lastFailed(v)) return 'caught';
    return v.attempts > 1 ? 'retried' : 'succeeded';
  }
  const containerEnded = ended(v.container);
  if (!containerEnded) return 'running';
  if (lastFailed(v)) return 'failed';
  if (v.container.kind !== 'root') {
    // Its branch or iteration ended without it: a sibling failed first, or the execution stopped.
    if (v.container.kind === 'iteration' && v.container.status === 'failed') return 'failed';
    return executionStatus === 'FAILED' || executionStatus === 'TIMED_OUT' ? abortedOrFailed(v) : 'aborted';
  }
  if (executionStatus === 'ABORTED') return 'aborted';
  if (executionStatus === 'SUCCEEDED') return 'succeeded';
  return 'failed';
}

// A state cut short inside a branch of a failed execution: failed when its own branch is the one
// that failed (a timeout of the whole execution), aborted when another branch failed first.
function abortedOrFailed(v) {
  const owner = v.container.visit;
  if (!owner) return 'failed';
  return owner.failures.length || owner.failedSelf ? 'aborted' : 'failed';
}

function summarise(name, visits) {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const v of visits) counts[v.status]++;
  const status = PRECEDENCE.find((s) => counts[s] > 0) ?? 'not-started';
  const attempts = visits.reduce((sum, v) => sum + v.attempts, 0);
  const retries = visits.reduce((sum, v) => sum + Math.max(0, v.attempts - 1), 0);
  const iterations = visits.filter((v) => v.iterationIndex !== null).length;
  return { name, status, counts, visits, attempts, retries, iterations };
}

function enclosingState(node) {
  return node?.scope?.owner ?? null;
}

function branchIndex(parallel, node) {
  for (let n = node; n; n = n.scope?.owner) {
    if (n.scope?.owner === parallel) return n.scope.index;
  }
  return 0;
}

function ownerVisit(container) {
  if (!container || container.kind === 'root') return null;
  return container.visit ?? null;
}

/** The key under which computeStatuses records a transition along this edge of graph.js. */
export function transitionKey(edge) {
  if (edge.from.kind === 'start') return `\u0000Start\u0000${edge.to.name}`;
  if (edge.to.kind === 'end') return `${edge.from.name}\u0000\u0000End`;
  return `${edge.from.name}\u0000${edge.to.name}${edge.kind === 'catch' ? '\u0000catch' : ''}`;
}

/** JSON text from a history event, parsed when it is JSON, as it is otherwise. */
export function parseJsonText(text) {
  if (text === null || text === undefined) return { ok: false, value: null };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, value: text };
  }
}
