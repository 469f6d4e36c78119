// The fake platform the browser test runs against must answer exactly as the REST contract says.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CONSOLE_CSP, startFakeBackend } from '../e2e/fake-backend.mjs';

describe('the fake platform', () => {
  let backend;
  const call = async (method, path, body) => {
    const response = await fetch(`${backend.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
  };

  before(async () => {
    backend = await startFakeBackend({ speed: 0.001 });
  });
  after(() => backend.close());

  it('starts executions idempotently by name and input, and refuses another input', async () => {
    const first = await call('POST', '/api/v1/state-machines/order-processing/executions', { name: 'r1', input: { orderId: 'o-1' } });
    assert.equal(first.status, 201);
    assert.equal(first.body.status, 'RUNNING');
    assert.equal(first.body.stateMachineName, 'order-processing');
    assert.equal(first.body.temporal.workflowId, 'order-processing/r1');
    assert.match(first.body.temporal.webUiUrl, /^http:\/\/localhost:8233\/namespaces\/default\/workflows\/order-processing%2Fr1\//);
    const again = await call('POST', '/api/v1/state-machines/order-processing/executions', { name: 'r1', input: { orderId: 'o-1' } });
    assert.equal(again.status, 200);
    const conflict = await call('POST', '/api/v1/state-machines/order-processing/executions', { name: 'r1', input: { orderId: 'o-2' } });
    assert.equal(conflict.status, 409);
    assert.equal(conflict.type, 'application/problem+json');
    assert.equal(conflict.body.code, 'ExecutionAlreadyExists');
  });

  it('answers problem details naming the field at fault', async () => {
    const bad = await call('POST', '/api/v1/state-machines/order-processing/executions', { name: 'a b' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'InvalidName');
    assert.deepEqual(bad.body.errors.map((e) => e.pointer), ['/name']);
    const unknown = await call('POST', '/api/v1/state-machines/order-processing/executions', { nmae: 'x' });
    assert.deepEqual(unknown.body.errors, [{ pointer: '/nmae', message: 'Unknown member' }]);
    const missing = await call('GET', '/api/v1/state-machines/nope');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'StateMachineDoesNotExist');
    const status = await call('GET', '/api/v1/executions?status=DONE');
    assert.equal(status.body.errors[0].pointer, '/status');
  });

  it('lists executions newest first, page by page', async () => {
    for (const name of ['p1', 'p2', 'p3']) {
      await call('POST', '/api/v1/state-machines/etl-pipeline/executions', { name, input: { batchId: 'b', source: 's' } });
    }
    const page1 = await call('GET', '/api/v1/state-machines/etl-pipeline/executions?maxResults=2');
    assert.deepEqual(page1.body.executions.map((e) => e.name), ['p3', 'p2']);
    assert.ok(page1.body.nextToken);
    assert.equal(page1.body.executions[0].input, undefined, 'summaries carry no input');
    const page2 = await call('GET', `/api/v1/state-machines/etl-pipeline/executions?maxResults=2&nextToken=${page1.body.nextToken}`);
    assert.deepEqual(page2.body.executions.map((e) => e.name), ['p1']);
    assert.equal(page2.body.nextToken, null);
  });

  it('plays a whole history in AWS shapes, with paging and without data on request', async () => {
    await call('POST', '/api/v1/state-machines/order-processing/executions', { name: 'h1', input: { orderId: 'o-9', items: [] } });
    await new Promise((r) => setTimeout(r, 20));
    const done = await call('GET', '/api/v1/state-machines/order-processing/executions/h1');
    assert.equal(done.body.status, 'SUCCEEDED');
    assert.equal(done.body.output.orderId, 'o-9');
    const history = await call('GET', '/api/v1/state-machines/order-processing/executions/h1/history?maxResults=1000');
    const events = history.body.events;
    assert.deepEqual(events.map((e) => e.id), events.map((_, i) => i + 1));
    assert.equal(events[0].type, 'ExecutionStarted');
    assert.equal(events.at(-1).type, 'ExecutionSucceeded');
    for (const e of events.slice(1)) assert.ok(e.previousEventId > 0 && e.previousEventId < e.id, `${e.type} links back`);
    const entered = events.find((e) => e.type === 'TaskStateEntered');
    assert.equal(entered.stateEnteredEventDetails.name, 'ValidateOrder');
    assert.equal(typeof entered.stateEnteredEventDetails.input, 'string', 'inputs are JSON text');
    const paged = await call('GET', '/api/v1/state-machines/order-processing/executions/h1/history?maxResults=5&reverseOrder=true&includeExecutionData=false');
    assert.equal(paged.body.events.length, 5);
    assert.equal(paged.body.events[0].type, 'ExecutionSucceeded');
    assert.equal(paged.body.events[0].executionSucceededEventDetails.output, undefined);
    assert.ok(paged.body.nextToken);
  });

  it('stops a running execution with its error and cause', async () => {
    await call('POST', '/api/v1/state-machines/fraud-detection/executions', { name: 's1', input: {} });
    const stopped = await call('POST', '/api/v1/state-machines/fraud-detection/executions/s1/stop', { error: 'E', cause: 'C' });
    assert.equal(stopped.status, 200);
    assert.ok(stopped.body.stopDate);
    const execution = await call('GET', '/api/v1/state-machines/fraud-detection/executions/s1');
    assert.equal(execution.body.status, 'ABORTED');
    assert.equal(execution.body.error, 'E');
    assert.equal(execution.body.cause, 'C');
  });

  it('sends the platform\'s content security policy with the console', () => {
    const java = readFileSync(new URL('../../../main/java/io/statecraft/api/console/ConsoleWebConfiguration.java', import.meta.url), 'utf8');
    const constant = /CONTENT_SECURITY_POLICY =\s*([\s\S]*?);\n/.exec(java)[1];
    const value = [...constant.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join('');
    assert.equal(CONSOLE_CSP, value);
  });
});
