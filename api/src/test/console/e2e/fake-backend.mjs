// A stand-in for the platform that serves the console's static files and answers the REST API
// exactly as the contract describes it (state machines, versions, aliases, executions, history,
// stop), with problem details for every error. Executions play the scenarios of
// fixtures/histories.mjs: their events appear over time, so the console's live refresh is
// exercised. Run it on its own with `node e2e/fake-backend.mjs [port]`.

import { createServer } from 'node:http';
import { randomUUID, createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventsOf, scenarioFor, ACCOUNT, REGION, ROLE } from '../fixtures/histories.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '../../../../..');
export const STATIC_DIR = join(REPO, 'api/src/main/resources/static');
const EXAMPLES_DIR = join(REPO, 'examples');
const FIXTURE_MACHINES = join(here, '../fixtures');

/** The policy the platform sends with the console (ConsoleWebConfiguration); kept equal here. */
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};
const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];
const NAME_FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

class Problem extends Error {
  constructor(status, code, detail, errors = []) {
    super(detail);
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

function loadMachines() {
  const machines = new Map();
  const created = Date.parse('2026-11-20T09:00:00.000Z');
  const files = [
    ...readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.asl.json')).map((f) => join(EXAMPLES_DIR, f)),
    ...readdirSync(FIXTURE_MACHINES).filter((f) => f.endsWith('.asl.json')).map((f) => join(FIXTURE_MACHINES, f)),
  ].sort();
  files.forEach((file, i) => {
    const name = file.split(sep).pop().replace(/\.asl\.json$/, '');
    const text = readFileSync(file, 'utf8');
    const definition = JSON.parse(text);
    const revisionId = createHash('sha256').update(text).digest('hex').slice(0, 32);
    const arn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;
    const creationDate = new Date(created + i * 60000).toISOString();
    machines.set(name, {
      name,
      arn,
      type: 'STANDARD',
      definition,
      definitionSha256: createHash('sha256').update(text).digest('hex'),
      revisionId,
      creationDate,
      versions: name === 'order-processing' ? [{ version: 1, arn: `${arn}:1`, revisionId, description: 'first release', creationDate }] : [],
      aliases: [],
    });
  });
  return machines;
}

/**
 * @param options {port = 0, speed = 1 (event times are multiplied by it), host = '127.0.0.1',
 *     apiKey = null (when set, the REST API wants it in X-Api-Key, as the platform with
 *     authentication on)}
 * @returns {Promise<{url: string, close(): Promise<void>, executions: Map}>}
 */
export async function startFakeBackend({ port = 0, speed = 1, host = '127.0.0.1', apiKey = null } = {}) {
  const machines = loadMachines();
  const executions = new Map(); // arn -> record, in start order

  const machineView = (m, version) => ({
    name: m.name,
    arn: version ? version.arn : m.arn,
    status: 'ACTIVE',
    type: m.type,
    definition: m.definition,
    definitionSha256: m.definitionSha256,
    revisionId: m.revisionId,
    roleArn: ROLE,
    loggingConfiguration: { level: 'OFF', includeExecutionData: false },
    tracingConfiguration: { enabled: false },
    encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
    creationDate: version ? version.creationDate : m.creationDate,
    ...(version ? { version: version.version, description: version.description } : { updateDate: m.creationDate }),
  });

  const machineOr404 = (name) => {
    const m = machines.get(name);
    if (!m) {
      throw new Problem(
        404,
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: 'arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}'`,
      );
    }
    return m;
  };

  const revealed = (record, now = Date.now()) => {
    const limit = record.stoppedAtMs ?? now;
    const elapsed = (limit - record.startMs) / speed;
    const shown = record.events.filter((e) => e.offsetMs <= elapsed).map((e) => e.event);
    if (record.abortEvent) shown.push(record.abortEvent);
    return shown;
  };

  const statusOf = (record, now = Date.now()) => {
    if (record.abortEvent) return 'ABORTED';
    if (!record.scenario || record.scenario.status === 'RUNNING') return 'RUNNING';
    const shown = revealed(record, now);
    return shown.length >= record.events.length ? record.scenario.status : 'RUNNING';
  };

  // now: the moment the view describes (a start answers the execution as it was accepted).
  const executionView = (record, full, now = Date.now()) => {
    const status = statusOf(record, now);
    const shown = revealed(record, now);
    const last = shown[shown.length - 1];
    const finished = status !== 'RUNNING';
    const view = {
      executionArn: record.arn,
      name: record.name,
      stateMachineName: record.machine.name,
      stateMachineArn: record.machine.arn,
      stateMachineVersionArn: record.versionArn,
      stateMachineAliasArn: null,
      revisionId: record.machine.revisionId,
      status,
      startDate: new Date(record.startMs).toISOString(),
      stopDate: finished ? last.timestamp : null,
      temporal: {
        namespace: 'default',
        workflowId: `${record.machine.name}/${record.name}`,
        runId: record.runId,
        webUiUrl: `http://localhost:8233/namespaces/default/workflows/${encodeURIComponent(`${record.machine.name}/${record.name}`)}/${record.runId}/history`,
      },
    };
    if (!full) return view;
    const open = new Map();
    for (const e of shown) {
      if (e.type.endsWith('StateEntered')) open.set(e.stateEnteredEventDetails.name, true);
      if (e.type.endsWith('StateExited')) open.delete(e.stateExitedEventDetails.name);
    }
    return {
      ...view,
      input: record.input,
      output: status === 'SUCCEEDED' ? record.scenario.output : null,
      error: status === 'FAILED' ? record.scenario.error : status === 'ABORTED' ? record.abortEvent.executionAbortedEventDetails.error ?? null : null,
      cause: status === 'FAILED' ? record.scenario.cause : status === 'ABORTED' ? record.abortEvent.executionAbortedEventDetails.cause ?? null : null,
      currentStates: finished ? [] : [...open.keys()],
    };
  };

  const page = (items, query, fallback) => {
    const maxResults = intParam(query, 'maxResults', fallback, 1, 1000);
    let offset = 0;
    if (query.get('nextToken')) {
      const decoded = Number.parseInt(Buffer.from(query.get('nextToken'), 'base64url').toString(), 10);
      if (!Number.isInteger(decoded) || decoded < 0 || decoded > items.length) {
        throw new Problem(400, 'InvalidToken', 'Invalid Token: the nextToken was not issued for this list');
      }
      offset = decoded;
    }
    const slice = items.slice(offset, offset + maxResults);
    const next = offset + maxResults < items.length ? Buffer.from(String(offset + maxResults)).toString('base64url') : null;
    return { slice, next };
  };

  const listExecutions = (query, machineName) => {
    if (machineName) machineOr404(machineName);
    const status = query.get('status');
    if (status && !STATUSES.includes(status)) {
      throw new Problem(400, 'ValidationException', `Unknown status '${status}'`, [
        { pointer: '/status', message: `Member must satisfy enum value set: [${STATUSES.join(', ')}]` },
      ]);
    }
    const all = [...executions.values()]
      .filter((r) => !machineName || r.machine.name === machineName)
      .filter((r) => !status || statusOf(r) === status)
      .sort((a, b) => b.startMs - a.startMs || b.seq - a.seq);
    const { slice, next } = page(all, query, 100);
    return { executions: slice.map((r) => executionView(r, false)), nextToken: next };
  };

  const start = (machineName, body) => {
    const machine = machineOr404(machineName);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new Problem(400, 'ValidationException', 'The request body must be a JSON object', [
        { pointer: '/', message: 'Member must be a JSON object' },
      ]);
    }
    for (const key of Object.keys(body)) {
      if (!['name', 'input', 'qualifier'].includes(key)) {
        throw new Problem(400, 'ValidationException', 'The request body does not match the expected shape', [
          { pointer: `/${key}`, message: 'Unknown member' },
        ]);
      }
    }
    let name = body.name;
    if (name === undefined || name === null) name = randomUUID();
    if (typeof name !== 'string' || name.length < 1 || [...name].length > 80 || NAME_FORBIDDEN.test(name)) {
      throw new Problem(400, 'InvalidName', `Invalid Name: '${String(name)}'`, [
        { pointer: '/name', message: 'Member must be 1 to 80 characters without whitespace, brackets, wildcards or special characters' },
      ]);
    }
    let versionArn = null;
    if (body.qualifier !== undefined && body.qualifier !== null) {
      const q = String(body.qualifier);
      const version = machine.versions.find((v) => String(v.version) === q);
      const alias = machine.aliases.find((a) => a.name === q);
      if (!version && !alias) {
        throw new Problem(404, 'ResourceNotFound', `Resource not found: '${machine.arn}:${q}'`, [
          { pointer: '/qualifier', message: 'No version or alias of this state machine has that name' },
        ]);
      }
      versionArn = version ? version.arn : null;
    }
    const input = body.input === undefined ? {} : body.input;
    const inputText = JSON.stringify(input);
    const arn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:${machine.name}:${name}`;
    const existing = executions.get(arn);
    if (existing) {
      if (JSON.stringify(existing.input) === inputText) return { status: 200, body: executionView(existing, true) };
      throw new Problem(409, 'ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const startMs = Date.now();
    const scenario = scenarioFor(machine.name, input);
    const events = scenario
      ? eventsOf(scenario, new Date(startMs).toISOString())
      : [
          {
            event: {
              timestamp: new Date(startMs).toISOString(),
              type: 'ExecutionStarted',
              id: 1,
              previousEventId: 0,
              executionStartedEventDetails: { input: inputText, inputDetails: { truncated: false }, roleArn: ROLE },
            },
            offsetMs: 0,
          },
        ];
    const record = {
      arn,
      name,
      machine,
      input,
      versionArn,
      startMs,
      seq: executions.size,
      runId: randomUUID(),
      scenario,
      events,
      abortEvent: null,
      stoppedAtMs: null,
    };
    executions.set(arn, record);
    return { status: 201, body: executionView(record, true, startMs) };
  };

  const executionOr404 = (machineName, name) => {
    const machine = machineOr404(machineName);
    const arn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:${machine.name}:${name}`;
    const record = executions.get(arn);
    if (!record) throw new Problem(404, 'ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return record;
  };

  const history = (record, query) => {
    let events = revealed(record);
    if (query.get('includeExecutionData') === 'false') events = events.map(stripData);
    if (query.get('reverseOrder') === 'true') events = [...events].reverse();
    const { slice, next } = page(events, query, 100);
    return { events: slice, nextToken: next };
  };

  const stop = (record, body) => {
    if (body !== null && (typeof body !== 'object' || Array.isArray(body))) {
      throw new Problem(400, 'ValidationException', 'The request body must be a JSON object');
    }
    const status = statusOf(record);
    if (status !== 'RUNNING') {
      return { stopDate: executionView(record, false).stopDate };
    }
    const now = Date.now();
    const shown = revealed(record);
    const last = shown[shown.length - 1];
    record.stoppedAtMs = now;
    const details = {};
    if (body?.error !== undefined) details.error = String(body.error);
    if (body?.cause !== undefined) details.cause = String(body.cause);
    record.abortEvent = {
      timestamp: new Date(now).toISOString(),
      type: 'ExecutionAborted',
      id: last.id + 1,
      previousEventId: last.id,
      executionAbortedEventDetails: details,
    };
    return { stopDate: record.abortEvent.timestamp };
  };

  const api = async (method, parts, query, readBody) => {
    // parts: path segments after /api/v1
    if (parts[0] === 'state-machines') {
      if (parts.length === 1 && method === 'GET') {
        const all = [...machines.values()].sort((a, b) => a.name.localeCompare(b.name));
        const { slice, next } = page(all, query, 100);
        const out = { items: slice.map((m) => ({ name: m.name, arn: m.arn, type: m.type, creationDate: m.creationDate })) };
        if (next) out.nextToken = next;
        return { status: 200, body: out };
      }
      const name = parts[1];
      if (parts.length === 2 && method === 'GET') return { status: 200, body: machineView(machineOr404(name)) };
      if (parts[2] === 'versions' && parts.length === 3 && method === 'GET') {
        return { status: 200, body: { items: machineOr404(name).versions.map(versionView) } };
      }
      if (parts[2] === 'versions' && parts.length === 4 && method === 'GET') {
        const m = machineOr404(name);
        const v = m.versions.find((x) => String(x.version) === parts[3]);
        if (!v) throw new Problem(404, 'ResourceNotFound', `Resource not found: '${m.arn}:${parts[3]}'`);
        return { status: 200, body: machineView(m, v) };
      }
      if (parts[2] === 'aliases' && parts.length === 3 && method === 'GET') {
        return { status: 200, body: { items: machineOr404(name).aliases } };
      }
      if (parts[2] === 'executions' && parts.length === 3) {
        if (method === 'GET') return { status: 200, body: listExecutions(query, name) };
        if (method === 'POST') return start(name, await readBody());
      }
      if (parts[2] === 'executions' && parts.length === 4 && method === 'GET') {
        return { status: 200, body: executionView(executionOr404(name, parts[3]), true) };
      }
      if (parts[2] === 'executions' && parts.length === 5 && parts[4] === 'history' && method === 'GET') {
        return { status: 200, body: history(executionOr404(name, parts[3]), query) };
      }
      if (parts[2] === 'executions' && parts.length === 5 && parts[4] === 'stop' && method === 'POST') {
        const record = executionOr404(name, parts[3]);
        return { status: 200, body: stop(record, await readBody(true)) };
      }
    }
    if (parts[0] === 'executions' && parts.length === 1 && method === 'GET') {
      return { status: 200, body: listExecutions(query, query.get('stateMachine')) };
    }
    throw new Problem(404, 'UnknownOperationException', `No endpoint ${method} /api/v1/${parts.join('/')}`);
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://fake');
    const readBody = async (optional = false) => {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') {
        if (optional) return null;
        throw new Problem(400, 'SerializationException', 'A JSON request body is required');
      }
      try {
        return JSON.parse(text);
      } catch (e) {
        throw new Problem(400, 'SerializationException', `The body is not JSON: ${e.message}`);
      }
    };
    try {
      if (url.pathname.startsWith('/api/v1/')) {
        if (apiKey !== null && req.headers['x-api-key'] !== apiKey) {
          throw new Problem(401, 'UnrecognizedClientException', 'Authentication required: send X-Api-Key or HTTP basic credentials');
        }
        const parts = url.pathname.slice('/api/v1/'.length).split('/').filter(Boolean).map(decodeURIComponent);
        const { status, body } = await api(req.method, parts, url.searchParams, readBody);
        send(res, status, 'application/json', JSON.stringify(body));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new Problem(405, 'ValidationException', `Method '${req.method}' is not supported.`);
      }
      await serveStatic(url.pathname, res);
    } catch (e) {
      const problem = e instanceof Problem ? e : new Problem(500, 'InternalFailure', `Fake backend failure: ${e.message}`);
      const body = {
        type: 'about:blank',
        title: statusTitle(problem.status),
        status: problem.status,
        detail: problem.message,
        instance: url.pathname,
        code: problem.code,
      };
      if (problem.errors.length) body.errors = problem.errors;
      send(res, problem.status, 'application/problem+json', JSON.stringify(body));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    executions,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

function versionView(v) {
  return { version: v.version, arn: v.arn, revisionId: v.revisionId, description: v.description, creationDate: v.creationDate };
}

function stripData(event) {
  const copy = JSON.parse(JSON.stringify(event));
  for (const [key, value] of Object.entries(copy)) {
    if (key.endsWith('EventDetails') && value && typeof value === 'object') {
      delete value.input;
      delete value.output;
      delete value.parameters;
    }
  }
  return copy;
}

function intParam(query, name, fallback, min, max) {
  const raw = query.get(name);
  if (raw === null || raw === '' || raw === '0') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Problem(400, 'ValidationException', `Parameter '${name}' must be an integer from ${min} to ${max}`, [
      { pointer: `/${name}`, message: `Member must have value between ${min} and ${max}` },
    ]);
  }
  return value;
}

async function serveStatic(pathname, res) {
  const path = pathname === '/' ? '/index.html' : pathname;
  const file = normalize(join(STATIC_DIR, decodeURIComponent(path)));
  if (!file.startsWith(STATIC_DIR + sep)) throw new Problem(404, 'UnknownOperationException', 'Not found');
  let bytes;
  try {
    bytes = await readFile(file);
  } catch {
    throw new Problem(404, 'UnknownOperationException', `No static resource ${path.slice(1)}.`);
  }
  res.setHeader('Content-Security-Policy', CONSOLE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-cache');
  send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', bytes);
}

function send(res, status, type, body) {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.end(body);
}

function statusTitle(status) {
  return (
    {
      400: 'Bad Request',
      401: 'Unauthorized',
      404: 'Not Found',
      405: 'Method Not Allowed',
      409: 'Conflict',
      500: 'Internal Server Error',
    }[status] ?? 'Error'
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8090);
  const backend = await startFakeBackend({ port });
  console.log(`fake platform on ${backend.url}`);
}
