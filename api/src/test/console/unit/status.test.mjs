import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildGraph } from '../../../main/resources/static/console/graph.js';
import {
  computeStatuses,
  detailsOf,
  executionFromHistory,
  STATUSES,
  transitionKey,
} from '../../../main/resources/static/console/status.js';
import * as H from '../fixtures/histories.mjs';
import { EXAMPLES, NESTED } from './support.mjs';

const statusesOf = (result) => Object.fromEntries([...result.states].map(([name, s]) => [name, s.status]));
const taken = (graph, result) =>
  graph.edges.filter((e) => result.transitions.has(transitionKey(e))).map((e) => `${e.from.name}>${e.to.name}`);

/** A hand-written history: [type, previousEventId, details] rows get ids 1, 2, ... */
function history(rows) {
  return rows.map(([type, previousEventId, details], i) => {
    const event = { id: i + 1, previousEventId, timestamp: new Date(Date.UTC(2026, 10, 25, 10, 0, i)).toISOString(), type };
    if (details) {
      const member = type.endsWith('StateEntered')
        ? 'stateEnteredEventDetails'
        : type.endsWith('StateExited')
          ? 'stateExitedEventDetails'
          : `${type[0].toLowerCase()}${type.slice(1)}EventDetails`;
      event[member] = details;
    }
    return event;
  });
}

describe('statuses from a history', () => {
  it('colours a successful order run: what ran succeeded, the rest not started', () => {
    const graph = buildGraph(EXAMPLES['order-processing']);
    const result = computeStatuses(graph, H.historyOf(H.orderSucceeded()));
    assert.equal(result.execution.status, 'SUCCEEDED');
    assert.deepEqual(statusesOf(result), {
      ValidateOrder: 'succeeded',
      ReserveAndCharge: 'succeeded',
      ReserveInventory: 'succeeded',
      ChargePayment: 'succeeded',
      ShipOrder: 'succeeded',
      OrderCompleted: 'succeeded',
      CompensateOrder: 'not-started',
      ReleaseInventory: 'not-started',
      RefundPayment: 'not-started',
      OrderFailed: 'not-started',
      OrderRejected: 'not-started',
    });
    assert.equal(result.start, 'succeeded');
    assert.equal(result.end, 'succeeded');
    assert.deepEqual(taken(graph, result), [
      'Start>ValidateOrder',
      'ValidateOrder>ReserveAndCharge',
      'ReserveAndCharge>ShipOrder',
      'ShipOrder>OrderCompleted',
      'OrderCompleted>End',
    ]);
    assert.deepEqual(result.unknown, []);
    const ship = result.states.get('ShipOrder').visits[0];
    assert.equal(JSON.parse(ship.output).shipment.shipmentId, 'shp-o-1001');
    assert.equal(JSON.parse(ship.input).orderId, 'o-1001');
  });

  it('tells a failed branch from the Parallel that caught it', () => {
    const graph = buildGraph(EXAMPLES['order-processing']);
    const input = { ...H.ORDER_INPUT, payment: { method: 'card', token: 'tok_declined' } };
    const result = computeStatuses(graph, H.historyOf(H.orderPaymentDeclined(input)));
    assert.equal(result.execution.status, 'FAILED');
    assert.equal(result.execution.error, 'PaymentDeclined');
    assert.deepEqual(statusesOf(result), {
      ValidateOrder: 'succeeded',
      ReserveAndCharge: 'caught',
      ReserveInventory: 'succeeded',
      ChargePayment: 'failed',
      ShipOrder: 'not-started',
      OrderCompleted: 'not-started',
      CompensateOrder: 'succeeded',
      ReleaseInventory: 'succeeded',
      RefundPayment: 'succeeded',
      OrderFailed: 'failed',
      OrderRejected: 'not-started',
    });
    assert.equal(result.end, 'failed');
    assert.ok(taken(graph, result).includes('ReserveAndCharge>CompensateOrder'), 'the Catch taken');
    assert.ok(!taken(graph, result).includes('ReserveAndCharge>ShipOrder'));
    const charge = result.states.get('ChargePayment').visits[0];
    assert.deepEqual(charge.failures.map((f) => f.error), ['PaymentDeclined']);
  });

  it('aggregates Map iterations and counts retries', () => {
    const graph = buildGraph(EXAMPLES['etl-pipeline']);
    const result = computeStatuses(graph, H.historyOf(H.etlWithRetryAndReject()));
    assert.deepEqual(statusesOf(result), {
      ExtractRecords: 'retried',
      TransformRecords: 'succeeded',
      TransformRecord: 'caught',
      MarkRejected: 'succeeded',
      LoadRecords: 'succeeded',
    });
    const transform = result.states.get('TransformRecord');
    assert.deepEqual(
      transform.visits.map((v) => [v.iterationIndex, v.status, v.attempts]),
      [
        [0, 'succeeded', 1],
        [1, 'caught', 1],
        [2, 'retried', 2],
      ],
    );
    assert.equal(transform.counts.caught, 1);
    assert.equal(transform.retries, 1);
    assert.equal(result.states.get('ExtractRecords').attempts, 2);
    assert.equal(result.states.get('TransformRecords').visits[0].iterations.length, 3);
    assert.equal(result.states.get('MarkRejected').visits[0].iterationIndex, 1);
  });

  it('attributes interleaved iterations by previousEventId, whatever the order events arrive in', () => {
    const graph = buildGraph(EXAMPLES['etl-pipeline']);
    const events = H.historyOf(H.etlWithRetryAndReject());
    const reversed = computeStatuses(graph, [...events].reverse());
    assert.deepEqual(statusesOf(reversed), statusesOf(computeStatuses(graph, events)));
  });

  it('counts the visits of a loop', () => {
    const graph = buildGraph(EXAMPLES['devops-automation']);
    const result = computeStatuses(graph, H.historyOf(H.devopsRollout()));
    assert.equal(result.states.get('WaitForRollout').visits.length, 3);
    assert.equal(result.states.get('CheckDeployment').status, 'succeeded');
    assert.equal(result.states.get('VerifyHealth').status, 'retried');
    assert.equal(result.states.get('RollBack').status, 'not-started');
    assert.ok(taken(graph, result).includes('RolloutStatus>WaitForRollout'), 'the loop back was taken');
    assert.ok(!taken(graph, result).includes('RolloutStatus>RollBack'));
  });

  it('shows a task waiting for its callback as running, and the states after it as not started', () => {
    const graph = buildGraph(EXAMPLES['fraud-detection']);
    const result = computeStatuses(graph, H.historyOf(H.fraudAwaitingReview()));
    assert.equal(result.execution.status, 'RUNNING');
    assert.equal(result.states.get('ManualReview').status, 'running');
    assert.equal(result.states.get('EvaluateRisk').status, 'succeeded');
    assert.equal(result.states.get('ReviewOutcome').status, 'not-started');
    assert.equal(result.end, 'not-started');
  });

  it('marks what was running when the execution was stopped as aborted', () => {
    const graph = buildGraph(EXAMPLES['fraud-detection']);
    const events = H.historyOf(H.fraudAwaitingReview());
    const last = events[events.length - 1];
    events.push({ id: last.id + 1, previousEventId: last.id, timestamp: last.timestamp, type: 'ExecutionAborted', executionAbortedEventDetails: { error: 'Stop', cause: 'by hand' } });
    const result = computeStatuses(graph, events);
    assert.equal(result.execution.status, 'ABORTED');
    assert.equal(result.execution.error, 'Stop');
    assert.equal(result.states.get('ManualReview').status, 'aborted');
    assert.equal(result.end, 'aborted');
  });

  it('falls back to the open state when a history has no previousEventId links', () => {
    const graph = buildGraph(EXAMPLES['order-processing']);
    const unlinked = H.historyOf(H.orderSucceeded()).map((e) => ({ ...e, previousEventId: 0 }));
    const result = computeStatuses(graph, unlinked);
    assert.equal(result.states.get('ShipOrder').status, 'succeeded');
    assert.equal(result.states.get('ChargePayment').status, 'succeeded');
    assert.equal(result.states.get('CompensateOrder').status, 'not-started');
  });

  it('takes the execution status from the API over a history page that lags', () => {
    const graph = buildGraph(EXAMPLES['fraud-detection']);
    const result = computeStatuses(graph, H.historyOf(H.fraudAwaitingReview()), { executionStatus: 'TIMED_OUT' });
    assert.equal(result.execution.status, 'TIMED_OUT');
    assert.equal(result.states.get('ManualReview').status, 'failed');
    assert.equal(result.end, 'failed');
  });

  it('shows a task between retries as running, then failed once retries are exhausted', () => {
    const graph = buildGraph({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } });
    const rows = [
      ['ExecutionStarted', 0, { input: '{}' }],
      ['TaskStateEntered', 1, { name: 'T', input: '{}' }],
      ['TaskScheduled', 2, { resourceType: 'lambda', resource: 'invoke' }],
      ['TaskStarted', 3, { resourceType: 'lambda', resource: 'invoke' }],
      ['TaskFailed', 4, { error: 'Lambda.ServiceException', cause: 'boom' }],
    ];
    const waiting = computeStatuses(graph, history(rows));
    assert.equal(waiting.states.get('T').status, 'running');
    const failed = computeStatuses(graph, history([...rows, ['ExecutionFailed', 5, { error: 'Lambda.ServiceException', cause: 'boom' }]]));
    assert.equal(failed.states.get('T').status, 'failed');
    assert.equal(failed.states.get('T').visits[0].failures[0].cause, 'boom');
  });

  it('aborts the sibling branch of a failed one, and fails the Parallel nothing caught', () => {
    const graph = buildGraph({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } },
            { StartAt: 'B', States: { B: { Type: 'Wait', Seconds: 60, End: true } } },
          ],
          End: true,
        },
      },
    });
    const result = computeStatuses(
      graph,
      history([
        ['ExecutionStarted', 0, { input: '{}' }],
        ['ParallelStateEntered', 1, { name: 'P', input: '{}' }],
        ['ParallelStateStarted', 2, null],
        ['TaskStateEntered', 3, { name: 'A', input: '{}' }],
        ['WaitStateEntered', 3, { name: 'B', input: '{}' }],
        ['TaskScheduled', 4, { resourceType: 'lambda', resource: 'invoke' }],
        ['TaskStarted', 6, {}],
        ['TaskFailed', 7, { error: 'Boom', cause: 'it broke' }],
        ['ParallelStateFailed', 8, null],
        ['ExecutionFailed', 9, { error: 'Boom', cause: 'it broke' }],
      ]),
    );
    assert.deepEqual(statusesOf(result), { P: 'failed', A: 'failed', B: 'aborted' });
    assert.equal(result.states.get('B').visits[0].container.kind, 'branch');
    assert.equal(result.states.get('B').visits[0].container.index, 1);
  });

  it('takes explicit aborted events, Fail and Succeed states, and evaluation failures', () => {
    const graph = buildGraph({
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.x %}', Next: 'S' }], Default: 'F' },
        S: { Type: 'Succeed' },
        F: { Type: 'Fail', Error: 'No' },
        W: { Type: 'Wait', Seconds: 5, End: true },
      },
    });
    const succeeded = computeStatuses(
      graph,
      history([
        ['ExecutionStarted', 0, { input: '{}' }],
        ['ChoiceStateEntered', 1, { name: 'C', input: '{}' }],
        ['ChoiceStateExited', 2, { name: 'C', output: '{}' }],
        ['SucceedStateEntered', 3, { name: 'S', input: '{}' }],
        ['SucceedStateExited', 4, { name: 'S', output: '{}' }],
        ['ExecutionSucceeded', 5, { output: '{}' }],
      ]),
    );
    assert.deepEqual(statusesOf(succeeded), { C: 'succeeded', S: 'succeeded', F: 'not-started', W: 'not-started' });
    assert.ok(taken(graph, succeeded).includes('S>End'));
    const failed = computeStatuses(
      graph,
      history([
        ['ExecutionStarted', 0, { input: '{}' }],
        ['ChoiceStateEntered', 1, { name: 'C', input: '{}' }],
        ['ChoiceStateExited', 2, { name: 'C', output: '{}' }],
        ['FailStateEntered', 3, { name: 'F', input: '{}' }],
        ['ExecutionFailed', 4, { error: 'No' }],
      ]),
    );
    assert.equal(failed.states.get('F').status, 'failed');
    const evaluation = computeStatuses(
      graph,
      history([
        ['ExecutionStarted', 0, { input: '{}' }],
        ['ChoiceStateEntered', 1, { name: 'C', input: '{}' }],
        ['EvaluationFailed', 2, { error: 'States.QueryEvaluationError', cause: 'x is not boolean', state: 'C', location: 'Choices/0/Condition' }],
        ['ExecutionFailed', 3, { error: 'States.QueryEvaluationError' }],
      ]),
    );
    assert.equal(evaluation.states.get('C').status, 'failed');
    assert.equal(evaluation.states.get('C').visits[0].failures[0].error, 'States.QueryEvaluationError');
    const aborted = computeStatuses(
      graph,
      history([
        ['ExecutionStarted', 0, { input: '{}' }],
        ['WaitStateEntered', 1, { name: 'W', input: '{}' }],
        ['WaitStateAborted', 2, null],
        ['ExecutionAborted', 3, {}],
      ]),
    );
    assert.equal(aborted.states.get('W').status, 'aborted');
  });

  it('reports states the definition does not have, and ignores events it does not know', () => {
    const graph = buildGraph({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });
    const result = computeStatuses(
      graph,
      history([
        ['ExecutionStarted', 0, { input: '{}' }],
        ['PassStateEntered', 1, { name: 'Renamed', input: '{}' }],
        ['SomethingNew', 2, { anything: true }],
        ['PassStateExited', 2, { name: 'Renamed', output: '{}' }],
      ]),
    );
    assert.deepEqual(result.unknown, ['Renamed']);
    assert.equal(result.states.get('Renamed').status, 'succeeded');
    assert.equal(result.states.get('A').status, 'not-started');
  });

  it('copes with an empty or malformed history', () => {
    const graph = buildGraph(NESTED);
    for (const events of [[], null, [null, 1, 'x', { type: 42 }]]) {
      const result = computeStatuses(graph, events);
      assert.ok([...result.states.values()].every((s) => s.status === 'not-started'));
    }
  });

  it('uses only the statuses of its legend', () => {
    assert.deepEqual(STATUSES, ['not-started', 'running', 'succeeded', 'failed', 'caught', 'retried', 'aborted']);
  });
});

describe('history helpers', () => {
  it('reads each event type\'s details member', () => {
    assert.deepEqual(detailsOf({ type: 'TaskFailed', taskFailedEventDetails: { error: 'E' } }), { error: 'E' });
    assert.deepEqual(detailsOf({ type: 'MapStateEntered', stateEnteredEventDetails: { name: 'M' } }), { name: 'M' });
    assert.deepEqual(detailsOf({ type: 'ParallelStateStarted' }), {});
    assert.deepEqual(detailsOf(null), {});
  });

  it('reads the execution from its start and end events', () => {
    const events = H.historyOf(H.orderSucceeded(), '2026-11-25T10:00:00.000Z');
    const execution = executionFromHistory(events);
    assert.equal(execution.status, 'SUCCEEDED');
    assert.equal(execution.startDate, '2026-11-25T10:00:00.000Z');
    assert.equal(JSON.parse(execution.output).status, 'COMPLETED');
    assert.equal(JSON.parse(execution.input).orderId, 'o-1001');
  });
});
