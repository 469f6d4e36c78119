// The platform's REST API (/api/v1). Every failure becomes an ApiError carrying the problem
// details the API answers (title, detail, code, errors [{pointer, message}]).

export class ApiError extends Error {
  constructor({ status = 0, title = 'Error', detail = '', code = null, errors = [], instance = null }) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.code = code;
    this.errors = Array.isArray(errors) ? errors : [];
    this.instance = instance;
  }
}

const AUTH_KEY = 'statecraft.console.auth';
const seg = encodeURIComponent;

/**
 * @param options {fetch, storage}: fetch to call, and where the sign-in is kept for the session
 */
export function createApi({ fetch = globalThis.fetch.bind(globalThis), storage = null } = {}) {
  const auth = {
    get() {
      try {
        const raw = storage?.getItem(AUTH_KEY);
        return raw ? JSON.parse(raw) : null;
      } catch {
        return null;
      }
    },
    set(value) {
      if (!storage) return;
      if (value) storage.setItem(AUTH_KEY, JSON.stringify(value));
      else storage.removeItem(AUTH_KEY);
    },
  };

  async function request(method, path, body, { signal } = {}) {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const credentials = auth.get();
    if (credentials?.type === 'apiKey') headers['X-Api-Key'] = credentials.key;
    if (credentials?.type === 'basic') {
      headers.Authorization = `Basic ${base64(`${credentials.user}:${credentials.password}`)}`;
    }
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (e) {
      if (e?.name === 'AbortError') throw e;
      throw new ApiError({
        title: 'The platform cannot be reached',
        detail: `${method} ${path} failed: ${e?.message ?? e}. Check that the platform is running.`,
      });
    }
    const type = response.headers.get('content-type') ?? '';
    let payload = null;
    const textBody = await response.text();
    if (textBody && /json/.test(type)) {
      try {
        payload = JSON.parse(textBody);
      } catch {
        payload = null;
      }
    }
    if (!response.ok) {
      const problem = payload && typeof payload === 'object' ? payload : {};
      throw new ApiError({
        status: response.status,
        title: typeof problem.title === 'string' ? problem.title : response.statusText || `HTTP ${response.status}`,
        detail:
          typeof problem.detail === 'string'
            ? problem.detail
            : typeof problem.message === 'string'
              ? problem.message
              : textBody && !/html/.test(type)
                ? textBody.slice(0, 500)
                : `${method} ${path} answered ${response.status}`,
        code: typeof problem.code === 'string' ? problem.code : null,
        errors: problem.errors,
        instance: problem.instance ?? path,
      });
    }
    if (textBody && payload === null) {
      throw new ApiError({
        status: response.status,
        title: 'Unexpected response',
        detail: `${method} ${path} did not answer JSON`,
      });
    }
    return payload;
  }

  const query = (params) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
    const text = q.toString();
    return text ? `?${text}` : '';
  };

  return {
    auth,
    request,
    listStateMachines: ({ maxResults, nextToken } = {}) =>
      request('GET', `/api/v1/state-machines${query({ maxResults, nextToken })}`),
    getStateMachine: (name) => request('GET', `/api/v1/state-machines/${seg(name)}`),
    listVersions: (name) => request('GET', `/api/v1/state-machines/${seg(name)}/versions?maxResults=1000`),
    getVersion: (name, version) => request('GET', `/api/v1/state-machines/${seg(name)}/versions/${seg(version)}`),
    listAliases: (name) => request('GET', `/api/v1/state-machines/${seg(name)}/aliases?maxResults=1000`),
    listExecutions: ({ stateMachine, status, maxResults, nextToken } = {}) =>
      stateMachine
        ? request(
            'GET',
            `/api/v1/state-machines/${seg(stateMachine)}/executions${query({ status, maxResults, nextToken })}`,
          )
        : request('GET', `/api/v1/executions${query({ status, maxResults, nextToken })}`),
    startExecution: (stateMachine, body) =>
      request('POST', `/api/v1/state-machines/${seg(stateMachine)}/executions`, body),
    getExecution: (stateMachine, name, options) =>
      request('GET', `/api/v1/state-machines/${seg(stateMachine)}/executions/${seg(name)}`, undefined, options),
    stopExecution: (stateMachine, name, body) =>
      request('POST', `/api/v1/state-machines/${seg(stateMachine)}/executions/${seg(name)}/stop`, body),
    /** Every event, following nextToken; stops at maxPages to bound a runaway history. */
    async history(stateMachine, name, { signal, maxPages = 200 } = {}) {
      const events = [];
      let nextToken = null;
      for (let page = 0; page < maxPages; page++) {
        const result = await request(
          'GET',
          `/api/v1/state-machines/${seg(stateMachine)}/executions/${seg(name)}/history${query({
            reverseOrder: false,
            includeExecutionData: true,
            maxResults: 1000,
            nextToken,
          })}`,
          undefined,
          { signal },
        );
        if (!result || !Array.isArray(result.events)) {
          throw new ApiError({ title: 'Unexpected response', detail: 'The history has no events list' });
        }
        events.push(...result.events);
        nextToken = result.nextToken ?? null;
        if (!nextToken) return { events, complete: true };
      }
      return { events, complete: false };
    },
  };
}

function base64(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
