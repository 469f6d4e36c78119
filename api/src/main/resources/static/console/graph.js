// The drawable model of an Amazon States Language definition: one scope per States block (the
// top level, each Parallel branch, each Map item processor), its states as nodes, and an edge for
// every transition the definition can take (Next, each Choice rule, Default, each Catcher).
// Pure and deterministic: no DOM, states and edges in definition order.

export const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];

const MAX_LABEL = 44;

/**
 * @param {unknown} definition a parsed definition (or JSON text)
 * @returns {{root: Scope, states: Map<string, Node>, nodes: Node[], edges: Edge[], problems: string[]}}
 */
export function buildGraph(definition) {
  const problems = [];
  let parsed = definition;
  if (typeof definition === 'string') {
    try {
      parsed = JSON.parse(definition);
    } catch (e) {
      problems.push(`The definition is not JSON: ${e.message}`);
      parsed = null;
    }
  }
  const ctx = { problems, states: new Map(), nodes: [], edges: [], scopes: [], nextId: 0 };
  const root = buildScope(ctx, isObject(parsed) ? parsed : {}, null, 'root', 0, '');
  if (!isObject(parsed)) {
    if (parsed !== null) problems.push('The definition must be a JSON object');
  }
  return { root, states: ctx.states, nodes: ctx.nodes, edges: ctx.edges, scopes: ctx.scopes, problems };
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function id(ctx, prefix) {
  return `${prefix}${ctx.nextId++}`;
}

function buildScope(ctx, block, owner, kind, index, pointer) {
  const scope = {
    id: id(ctx, 's'),
    kind, // root | branch | processor
    owner, // the Parallel or Map node holding this scope, null at the top
    index, // branch index
    pointer,
    nodes: [],
    edges: [],
    start: null,
    end: null,
  };
  ctx.scopes.push(scope);
  const states = isObject(block.States) ? block.States : null;
  if (!states) {
    ctx.problems.push(`${pointer || '/'}: States must be an object`);
  }
  const local = new Map();
  if (kind === 'root') {
    scope.start = addNode(ctx, scope, { kind: 'start', name: 'Start', type: 'Start' });
  }
  for (const [name, state] of Object.entries(states ?? {})) {
    const statePointer = `${pointer}/States/${escapePointer(name)}`;
    const node = addNode(ctx, scope, stateNode(ctx, name, state, statePointer));
    if (ctx.states.has(name)) {
      ctx.problems.push(`${statePointer}: the state name ${name} is used more than once`);
    } else {
      ctx.states.set(name, node);
    }
    local.set(name, node);
    buildNested(ctx, node);
  }
  if (kind === 'root') {
    scope.end = addNode(ctx, scope, { kind: 'end', name: 'End', type: 'End' });
  }

  const missing = new Map();
  const target = (name, where) => {
    if (typeof name !== 'string') {
      ctx.problems.push(`${where}: the target must be a state name`);
      name = String(name);
    }
    if (local.has(name)) return local.get(name);
    if (!missing.has(name)) {
      ctx.problems.push(`${where}: no state named ${name} in this scope`);
      missing.set(name, addNode(ctx, scope, { kind: 'missing', name, type: 'Missing' }));
    }
    return missing.get(name);
  };

  if (scope.start) {
    if (typeof block.StartAt === 'string') {
      addEdge(ctx, scope, scope.start, target(block.StartAt, `${pointer}/StartAt`), 'next');
    } else {
      ctx.problems.push(`${pointer || ''}/StartAt: must name the first state`);
    }
  } else if (typeof block.StartAt === 'string') {
    scope.startAt = block.StartAt;
    if (!local.has(block.StartAt)) {
      ctx.problems.push(`${pointer}/StartAt: no state named ${block.StartAt} in this scope`);
    }
  } else {
    ctx.problems.push(`${pointer}/StartAt: must name the first state`);
  }

  for (const node of [...scope.nodes]) {
    if (node.kind !== 'state') continue;
    const state = node.definition;
    const at = node.pointer;
    if (node.type === 'Choice') {
      const rules = Array.isArray(state.Choices) ? state.Choices : [];
      rules.forEach((rule, i) => {
        if (!isObject(rule)) return;
        const full = ruleLabel(rule);
        addEdge(ctx, scope, node, target(rule.Next, `${at}/Choices/${i}/Next`), 'choice', full);
      });
      if (state.Default !== undefined) {
        addEdge(ctx, scope, node, target(state.Default, `${at}/Default`), 'default', 'Default');
      }
    } else if (typeof state.Next === 'string') {
      addEdge(ctx, scope, node, target(state.Next, `${at}/Next`), 'next');
    }
    if (Array.isArray(state.Catch)) {
      state.Catch.forEach((catcher, i) => {
        if (!isObject(catcher)) return;
        const errors = Array.isArray(catcher.ErrorEquals) ? catcher.ErrorEquals.map(String) : [];
        addEdge(
          ctx,
          scope,
          node,
          target(catcher.Next, `${at}/Catch/${i}/Next`),
          'catch',
          errors.length ? errors.join(', ') : 'Catch',
        );
      });
    }
    if (node.terminal && scope.end) {
      addEdge(ctx, scope, node, scope.end, 'end');
    }
  }
  const dropped = mergeParallelEdges(scope);
  if (dropped.size) ctx.edges = ctx.edges.filter((e) => !dropped.has(e));
  return scope;
}

// Two rules of one Choice (or its Default) leading to the same state are one arrow with both
// rules on it; so are two Catchers to the same state. Answers the edges merged away.
function mergeParallelEdges(scope) {
  const seen = new Map();
  const kept = [];
  const dropped = new Set();
  for (const edge of scope.edges) {
    const key = `${edge.from.id}>${edge.to.id}>${edge.kind === 'default' ? 'choice' : edge.kind}`;
    const first = seen.get(key);
    if (first && (edge.kind === 'choice' || edge.kind === 'default' || edge.kind === 'catch')) {
      first.title = `${first.title} | ${edge.title}`;
      first.label = shorten(first.title, MAX_LABEL);
      first.merged = (first.merged ?? 1) + 1;
      dropped.add(edge);
      continue;
    }
    seen.set(key, edge);
    kept.push(edge);
  }
  scope.edges = kept;
  return dropped;
}

// Parallel branches and Map item processors are scopes of their own, owned by the state's node.
function buildNested(ctx, node) {
  const state = node.definition;
  if (node.type === 'Parallel') {
    if (!Array.isArray(state.Branches)) {
      ctx.problems.push(`${node.pointer}/Branches: must be an array of branches`);
      return;
    }
    state.Branches.forEach((branch, i) => {
      const at = `${node.pointer}/Branches/${i}`;
      if (!isObject(branch)) {
        ctx.problems.push(`${at}: a branch must be an object`);
        return;
      }
      node.branches.push(buildScope(ctx, branch, node, 'branch', i, at));
    });
  } else if (node.type === 'Map') {
    const key = isObject(state.ItemProcessor) ? 'ItemProcessor' : isObject(state.Iterator) ? 'Iterator' : null;
    if (key === null) {
      ctx.problems.push(`${node.pointer}/ItemProcessor: a Map state needs an ItemProcessor`);
      return;
    }
    node.processor = buildScope(ctx, state[key], node, 'processor', 0, `${node.pointer}/${key}`);
  }
}

function addNode(ctx, scope, node) {
  const full = {
    id: id(ctx, 'n'),
    scope,
    kind: 'state',
    subtitle: '',
    terminal: false,
    branches: [],
    processor: null,
    ...node,
  };
  scope.nodes.push(full);
  ctx.nodes.push(full);
  return full;
}

function addEdge(ctx, scope, from, to, kind, title = '') {
  const edge = { id: id(ctx, 'e'), from, to, kind, title, label: shorten(title, MAX_LABEL) };
  scope.edges.push(edge);
  ctx.edges.push(edge);
  return edge;
}

function stateNode(ctx, name, state, pointer) {
  if (!isObject(state)) {
    ctx.problems.push(`${pointer}: a state must be an object`);
    return { name, type: 'Unknown', definition: {}, pointer, subtitle: 'not an object' };
  }
  const type = STATE_TYPES.includes(state.Type) ? state.Type : 'Unknown';
  if (type === 'Unknown') ctx.problems.push(`${pointer}/Type: unknown state type ${state.Type}`);
  const node = {
    name,
    type,
    definition: state,
    pointer,
    comment: typeof state.Comment === 'string' ? state.Comment : '',
    subtitle: subtitle(type, state),
    terminal: state.End === true || type === 'Succeed' || type === 'Fail',
    retries: Array.isArray(state.Retry) ? state.Retry.length : 0,
    catches: Array.isArray(state.Catch) ? state.Catch.length : 0,
  };
  return node;
}

function subtitle(type, state) {
  switch (type) {
    case 'Task':
      return resourceLabel(state.Resource);
    case 'Pass':
      return 'Pass';
    case 'Choice': {
      const n = Array.isArray(state.Choices) ? state.Choices.length : 0;
      return `Choice · ${n} rule${n === 1 ? '' : 's'}`;
    }
    case 'Wait':
      return waitLabel(state);
    case 'Succeed':
      return 'Succeed';
    case 'Fail':
      if (typeof state.Error === 'string') return `Fail · ${strip(state.Error)}`;
      if (typeof state.ErrorPath === 'string') return `Fail · ${state.ErrorPath}`;
      return 'Fail';
    case 'Parallel': {
      const n = Array.isArray(state.Branches) ? state.Branches.length : 0;
      return `Parallel · ${n} branch${n === 1 ? '' : 'es'}`;
    }
    case 'Map':
      return mapLabel(state);
    default:
      return `Type ${String(state.Type)}`;
  }
}

/** A short form of a Task's Resource: activity:Name, lambda:invoke, http:invoke, sqs:sendMessage. */
export function resourceLabel(resource) {
  if (typeof resource !== 'string' || resource === '') return 'Task';
  const parts = resource.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return strip(resource);
  const service = parts[2];
  if (service === 'states' && parts[5] === 'activity') return `activity:${parts.slice(6).join(':')}`;
  if (service === 'lambda' && parts[5] === 'function') return `lambda:${parts[6] ?? ''}`;
  if (service === 'states' && parts[3] === '' && parts[4] === '') return parts.slice(5).join(':');
  return parts.slice(5).join(':') || resource;
}

function waitLabel(state) {
  if (state.Seconds !== undefined) return `Wait ${strip(String(state.Seconds))}${typeof state.Seconds === 'number' ? ' s' : ''}`;
  if (typeof state.SecondsPath === 'string') return `Wait ${state.SecondsPath} s`;
  if (state.Timestamp !== undefined) return `Wait until ${strip(String(state.Timestamp))}`;
  if (typeof state.TimestampPath === 'string') return `Wait until ${state.TimestampPath}`;
  return 'Wait';
}

function mapLabel(state) {
  const processor = isObject(state.ItemProcessor) ? state.ItemProcessor : null;
  const config = processor && isObject(processor.ProcessorConfig) ? processor.ProcessorConfig : {};
  const mode = typeof config.Mode === 'string' ? config.Mode : 'INLINE';
  const parts = [`Map · ${mode}`];
  if (state.MaxConcurrency !== undefined) parts.push(`max ${strip(String(state.MaxConcurrency))}`);
  else if (typeof state.MaxConcurrencyPath === 'string') parts.push(`max ${state.MaxConcurrencyPath}`);
  if (typeof state.ItemsPath === 'string' && state.ItemsPath !== '$') parts.push(state.ItemsPath);
  else if (typeof state.Items === 'string') parts.push(strip(state.Items));
  return parts.join(' · ');
}

/** The inside of a JSONata expression {% ... %}, or the text as it is. */
export function strip(text) {
  const t = String(text).trim();
  if (t.startsWith('{%') && t.endsWith('%}')) return t.slice(2, -2).trim();
  return t;
}

export function shorten(text, max = MAX_LABEL) {
  const t = String(text);
  if (t.length <= max) return t;
  return `${t.slice(0, max - 1)}…`;
}

const OPERATORS = [
  ['Equals', '=='],
  ['LessThanEquals', '<='],
  ['GreaterThanEquals', '>='],
  ['LessThan', '<'],
  ['GreaterThan', '>'],
];
const PREFIXES = ['String', 'Numeric', 'Boolean', 'Timestamp'];
const TYPE_TESTS = [
  ['IsNull', 'null'],
  ['IsPresent', 'present'],
  ['IsNumeric', 'numeric'],
  ['IsString', 'a string'],
  ['IsBoolean', 'a boolean'],
  ['IsTimestamp', 'a timestamp'],
];

/** A short, readable form of a Choice rule: $.score > 80, $.a == "x" and $.b is present. */
export function ruleLabel(rule) {
  if (!isObject(rule)) return 'rule';
  if (typeof rule.Condition === 'string') return strip(rule.Condition);
  if (typeof rule.Condition === 'boolean') return String(rule.Condition);
  if (Array.isArray(rule.And)) return rule.And.map((r) => group(r)).join(' and ');
  if (Array.isArray(rule.Or)) return rule.Or.map((r) => group(r)).join(' or ');
  if (isObject(rule.Not)) return `not ${group(rule.Not)}`;
  const variable = typeof rule.Variable === 'string' ? rule.Variable : '?';
  for (const prefix of PREFIXES) {
    for (const [suffix, op] of OPERATORS) {
      const key = prefix + suffix;
      if (key in rule) return `${variable} ${op} ${literal(rule[key], prefix)}`;
      if (`${key}Path` in rule) return `${variable} ${op} ${rule[`${key}Path`]}`;
    }
  }
  if ('StringMatches' in rule) return `${variable} matches ${JSON.stringify(String(rule.StringMatches))}`;
  for (const [key, word] of TYPE_TESTS) {
    if (key in rule) {
      const yes = rule[key] === true;
      if (key === 'IsPresent') return `${variable} is ${yes ? 'present' : 'absent'}`;
      return `${variable} is ${yes ? '' : 'not '}${word}`;
    }
  }
  return 'rule';
}

function group(rule) {
  const label = ruleLabel(rule);
  return isObject(rule) && (rule.And || rule.Or) ? `(${label})` : label;
}

function literal(value, prefix) {
  if (prefix === 'String' || prefix === 'Timestamp') return JSON.stringify(String(value));
  return String(value);
}

function escapePointer(name) {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
