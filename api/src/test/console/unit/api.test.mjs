import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, createApi } from '../../../main/resources/static/console/api.js';

/** A fetch that answers from a list of [status, contentType, body] and records the requests. */
function fakeFetch(answers) {
  const requests = [];
  const fetch = async (url, init) => {
    requests.push({ url, ...init });
    const next = answers.shift();
    if (next instanceof Error) throw next;
    const [status, type, body] = next;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: type ? { 'content-type': type } : {},
    });
  };
  return { fetch, requests };
}

function memoryStorage() {
  const map = new Map();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, v), removeItem: (k) => map.delete(k) };
}

describe('the REST client', () => {
  it('turns a problem detail into an ApiError with its code and field errors', async () => {
    const { fetch } = fakeFetch([
      [
        400,
        'application/problem+json',
        {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          detail: 'Invalid Name',
          code: 'InvalidName',
          errors: [{ pointer: '/name', message: 'Member must not contain whitespace' }],
        },
      ],
    ]);
    const api = createApi({ fetch });
    await assert.rejects(api.startExecution('order', { name: 'a b' }), (e) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.status, 400);
      assert.equal(e.code, 'InvalidName');
      assert.equal(e.detail, 'Invalid Name');
      assert.deepEqual(e.errors, [{ pointer: '/name', message: 'Member must not contain whitespace' }]);
      return true;
    });
  });

  it('explains an unreachable platform and a body that is not JSON', async () => {
    const { fetch } = fakeFetch([new TypeError('Failed to fetch'), [200, 'text/html', '<html>'], [502, 'text/html', '<html>bad gateway</html>']]);
    const api = createApi({ fetch });
    await assert.rejects(api.listStateMachines(), /cannot be reached|Failed to fetch/);
    await assert.rejects(api.listStateMachines(), (e) => e.title === 'Unexpected response');
    await assert.rejects(api.listStateMachines(), (e) => e.status === 502 && e.detail === 'GET /api/v1/state-machines answered 502');
  });

  it('sends the key or user the page was given, for this tab only', async () => {
    const { fetch, requests } = fakeFetch([
      [200, 'application/json', { items: [] }],
      [200, 'application/json', { items: [] }],
      [200, 'application/json', { items: [] }],
    ]);
    const storage = memoryStorage();
    const api = createApi({ fetch, storage });
    await api.listStateMachines();
    assert.equal(requests[0].headers['X-Api-Key'], undefined);
    api.auth.set({ type: 'apiKey', key: 'k-1' });
    await api.listStateMachines();
    assert.equal(requests[1].headers['X-Api-Key'], 'k-1');
    api.auth.set({ type: 'basic', user: 'ops', password: 'pä55' });
    await api.listStateMachines();
    assert.equal(requests[2].headers.Authorization, `Basic ${Buffer.from('ops:pä55').toString('base64')}`);
  });

  it('encodes names in paths and filters in the query', async () => {
    const { fetch, requests } = fakeFetch([
      [200, 'application/json', { executions: [], nextToken: null }],
      [200, 'application/json', { executions: [], nextToken: null }],
      [201, 'application/json', { name: 'r 1' }],
    ]);
    const api = createApi({ fetch });
    await api.listExecutions({ stateMachine: 'a b', status: 'FAILED', maxResults: 25, nextToken: 't/1' });
    await api.listExecutions({});
    await api.startExecution('a#b', { input: {} });
    assert.equal(requests[0].url, '/api/v1/state-machines/a%20b/executions?status=FAILED&maxResults=25&nextToken=t%2F1');
    assert.equal(requests[1].url, '/api/v1/executions');
    assert.equal(requests[2].url, '/api/v1/state-machines/a%23b/executions');
    assert.equal(requests[2].method, 'POST');
    assert.equal(requests[2].body, '{"input":{}}');
    assert.equal(requests[2].headers['Content-Type'], 'application/json');
  });

  it('follows nextToken through a whole history', async () => {
    const { fetch, requests } = fakeFetch([
      [200, 'application/json', { events: [{ id: 1 }, { id: 2 }], nextToken: 'p2' }],
      [200, 'application/json', { events: [{ id: 3 }], nextToken: null }],
    ]);
    const api = createApi({ fetch });
    const history = await api.history('m', 'e');
    assert.deepEqual(history.events.map((e) => e.id), [1, 2, 3]);
    assert.equal(history.complete, true);
    assert.match(requests[0].url, /history\?reverseOrder=false&includeExecutionData=true&maxResults=1000$/);
    assert.match(requests[1].url, /nextToken=p2$/);
  });

  it('stops at a page limit instead of looping on a history that never ends', async () => {
    const answers = Array.from({ length: 3 }, (_, i) => [200, 'application/json', { events: [{ id: i }], nextToken: `n${i}` }]);
    const api = createApi({ fetch: fakeFetch(answers).fetch });
    const history = await api.history('m', 'e', { maxPages: 3 });
    assert.equal(history.events.length, 3);
    assert.equal(history.complete, false);
  });
});
