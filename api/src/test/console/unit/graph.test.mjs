import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildGraph, resourceLabel, ruleLabel } from '../../../main/resources/static/console/graph.js';
import { EXAMPLES, NESTED, allStates } from './support.mjs';

const names = (edges) => edges.map((e) => `${e.from.name}>${e.to.name}:${e.kind}${e.title ? `:${e.title}` : ''}`);

describe('graph model', () => {
  for (const [file, definition] of Object.entries({ ...EXAMPLES, 'nested-parallel-in-map': NESTED })) {
    it(`gives every state of ${file} one node and every transition an edge`, () => {
      const graph = buildGraph(definition);
      assert.deepEqual(graph.problems, []);
      const states = allStates(definition);
      assert.deepEqual(
        graph.nodes.filter((n) => n.kind === 'state').map((n) => n.name).sort(),
        states.map((s) => s.name).sort(),
      );
      assert.equal(graph.nodes.filter((n) => n.kind === 'start').length, 1);
      assert.equal(graph.nodes.filter((n) => n.kind === 'end').length, 1);
      for (const { name, state } of states) {
        const out = graph.edges.filter((e) => e.from.name === name && e.from.kind === 'state');
        const expected = [];
        if (state.Type === 'Choice') {
          const targets = new Set();
          for (const rule of state.Choices) targets.add(rule.Next);
          for (const t of targets) expected.push(`${t}:choice`);
          if (state.Default && !targets.has(state.Default)) expected.push(`${state.Default}:default`);
        } else if (state.Next) {
          expected.push(`${state.Next}:next`);
        }
        for (const c of state.Catch ?? []) expected.push(`${c.Next}:catch`);
        if (state.End || state.Type === 'Succeed' || state.Type === 'Fail') {
          if (graph.states.get(name).scope.kind === 'root') expected.push('End:end');
        }
        assert.deepEqual(out.map((e) => `${e.to.name}:${e.kind}`).sort(), expected.sort(), `edges of ${name}`);
      }
    });
  }

  it('labels Choice rules, the Default and Catch edges of the fraud example', () => {
    const graph = buildGraph(EXAMPLES['fraud-detection']);
    assert.deepEqual(
      names(graph.edges.filter((e) => e.kind === 'choice' || e.kind === 'default' || e.kind === 'catch')),
      [
        'EvaluateRisk>ApproveTransaction:choice:$.risk.score < 30',
        'EvaluateRisk>DeclineTransaction:choice:$.risk.score >= 70',
        'EvaluateRisk>ManualReview:default:Default',
        'ManualReview>DeclineTransaction:catch:States.Timeout',
        'ReviewOutcome>ApproveTransaction:choice:$.review.decision == "APPROVED"',
        'ReviewOutcome>DeclineTransaction:default:Default',
      ],
    );
  });

  it('starts at StartAt and gives nested scopes their owner', () => {
    const graph = buildGraph(EXAMPLES['order-processing']);
    const start = graph.edges.find((e) => e.from.kind === 'start');
    assert.equal(start.to.name, 'ValidateOrder');
    const parallel = graph.states.get('ReserveAndCharge');
    assert.equal(parallel.branches.length, 2);
    assert.deepEqual(parallel.branches.map((b) => b.startAt), ['ReserveInventory', 'ChargePayment']);
    assert.equal(graph.states.get('ChargePayment').scope.owner, parallel);
    assert.equal(graph.states.get('ChargePayment').scope.index, 1);
    const map = buildGraph(EXAMPLES['etl-pipeline']).states.get('TransformRecords');
    assert.equal(map.processor.owner, map);
    assert.equal(map.subtitle, 'Map · INLINE · max 10 · $.extracted.records');
    // Inner scopes have no Start and End markers of their own.
    assert.equal(map.processor.nodes.every((n) => n.kind === 'state'), true);
  });

  it('reads the legacy Iterator of a Map and a DISTRIBUTED mode', () => {
    const graph = buildGraph({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          Iterator: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
          End: true,
        },
        N: {
          Type: 'Map',
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'B', States: { B: { Type: 'Succeed' } } },
          MaxConcurrencyPath: '$.max',
          End: true,
        },
      },
    });
    assert.equal(graph.states.get('A').scope.owner.name, 'M');
    assert.equal(graph.states.get('N').subtitle, 'Map · DISTRIBUTED · max $.max');
  });

  it('merges rules of one Choice leading to the same state into one labelled edge', () => {
    const graph = buildGraph({
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.a', NumericEquals: 1, Next: 'X' },
            { Variable: '$.b', BooleanEquals: true, Next: 'X' },
          ],
          Default: 'Y',
        },
        X: { Type: 'Succeed' },
        Y: { Type: 'Fail' },
      },
    });
    const toX = graph.edges.filter((e) => e.to.name === 'X');
    assert.equal(toX.length, 1);
    assert.equal(toX[0].title, '$.a == 1 | $.b == true');
    assert.equal(toX[0].merged, 2);
    assert.equal(graph.root.edges.filter((e) => e.to.name === 'X').length, 1);
  });

  it('merges a Default leading where a rule leads into that rule\'s edge', () => {
    const graph = buildGraph({
      StartAt: 'C',
      States: { C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true, Next: 'X' }], Default: 'X' }, X: { Type: 'Succeed' } },
    });
    assert.deepEqual(names(graph.edges.filter((e) => e.to.name === 'X')), ['C>X:choice:$.a is null | Default']);
  });

  it('never throws on broken definitions, and names each problem with its place', () => {
    for (const bad of [null, [], 42, 'not json {', '{"StartAt": 1}', {}, { States: [] }]) {
      const graph = buildGraph(bad);
      assert.ok(graph.problems.length > 0, JSON.stringify(bad));
      assert.equal(graph.nodes.filter((n) => n.kind === 'start').length, 1);
    }
    const graph = buildGraph({
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Nowhere', Catch: [{ ErrorEquals: ['X'], Next: 'Gone' }] },
        B: { Type: 'Teleport' },
        C: 'not an object',
        D: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }], End: true },
      },
    });
    assert.deepEqual(graph.problems, [
      '/States/B/Type: unknown state type Teleport',
      '/States/C: a state must be an object',
      '/States/D/Branches/0/States/A: the state name A is used more than once',
      '/States/A/Next: no state named Nowhere in this scope',
      '/States/A/Catch/0/Next: no state named Gone in this scope',
    ]);
    const missing = graph.nodes.filter((n) => n.kind === 'missing').map((n) => n.name);
    assert.deepEqual(missing, ['Nowhere', 'Gone']);
  });

  it('escapes state names in JSON pointers', () => {
    const graph = buildGraph({ StartAt: 'a/b', States: { 'a/b': { Type: 'Pass', Next: 'x~y' } } });
    assert.deepEqual(graph.problems, ['/States/a~1b/Next: no state named x~y in this scope']);
  });

  it('reads a definition given as JSON text', () => {
    const text = readFileSync(new URL('../../../../../examples/order-processing.asl.json', import.meta.url), 'utf8');
    assert.equal(buildGraph(text).states.size, 11);
  });
});

describe('Choice rule labels', () => {
  const cases = [
    [{ Variable: '$.score', NumericGreaterThan: 80 }, '$.score > 80'],
    [{ Variable: '$.score', NumericLessThanEquals: 0.5 }, '$.score <= 0.5'],
    [{ Variable: '$.a', NumericEqualsPath: '$.b' }, '$.a == $.b'],
    [{ Variable: '$.name', StringEquals: 'Ada "A"' }, '$.name == "Ada \\"A\\""'],
    [{ Variable: '$.name', StringGreaterThanEqualsPath: '$.min' }, '$.name >= $.min'],
    [{ Variable: '$.name', StringMatches: 'log-*.txt' }, '$.name matches "log-*.txt"'],
    [{ Variable: '$.ok', BooleanEquals: false }, '$.ok == false'],
    [{ Variable: '$.at', TimestampLessThan: '2026-01-01T00:00:00Z' }, '$.at < "2026-01-01T00:00:00Z"'],
    [{ Variable: '$.x', IsPresent: false }, '$.x is absent'],
    [{ Variable: '$.x', IsNull: true }, '$.x is null'],
    [{ Variable: '$.x', IsNumeric: false }, '$.x is not numeric'],
    [{ Variable: '$.x', IsTimestamp: true }, '$.x is a timestamp'],
    [
      { And: [{ Variable: '$.a', IsPresent: true }, { Or: [{ Variable: '$.b', NumericEquals: 1 }, { Variable: '$.c', NumericEquals: 2 }] }] },
      '$.a is present and ($.b == 1 or $.c == 2)',
    ],
    [{ Not: { Variable: '$.type', StringEquals: 'Private' } }, 'not $.type == "Private"'],
    [{ Condition: '{% $states.input.score > 80 %}' }, '$states.input.score > 80'],
    [{ Condition: true }, 'true'],
    [{ Next: 'X' }, 'rule'],
  ];
  for (const [rule, label] of cases) {
    it(`${JSON.stringify(rule)} reads ${label}`, () => assert.equal(ruleLabel(rule), label));
  }

  it('shortens long labels on the edge and keeps the whole rule as its title', () => {
    const rule = { Variable: '$.a.very.long.path.into.the.input.document', StringEquals: 'and a long value too', Next: 'B' };
    const graph = buildGraph({
      StartAt: 'C',
      States: { C: { Type: 'Choice', Choices: [rule], Default: 'D' }, B: { Type: 'Succeed' }, D: { Type: 'Succeed' } },
    });
    const edge = graph.edges.find((e) => e.kind === 'choice');
    assert.equal(edge.title, ruleLabel(rule));
    assert.ok(edge.label.length <= 44);
    assert.ok(edge.label.endsWith('…'));
  });
});

describe('Task resource labels', () => {
  const cases = [
    ['arn:aws:states:us-east-1:123456789012:activity:ValidateOrder', 'activity:ValidateOrder'],
    ['arn:aws:lambda:us-east-1:123456789012:function:Score', 'lambda:Score'],
    ['arn:aws:states:::lambda:invoke.waitForTaskToken', 'lambda:invoke.waitForTaskToken'],
    ['arn:aws:states:::http:invoke', 'http:invoke'],
    ['arn:aws:states:::aws-sdk:s3:getObject', 'aws-sdk:s3:getObject'],
    ['not-an-arn', 'not-an-arn'],
    [undefined, 'Task'],
  ];
  for (const [resource, label] of cases) {
    it(`${resource} reads ${label}`, () => assert.equal(resourceLabel(resource), label));
  }
});
