// The console in a headless Chromium against the fake platform (fake-backend.mjs): the required
// order journey, and the journeys whose histories the fake can shape at will (a caught failure, a
// Map with retries and a rejected record, a stopped execution, bad input, narrow windows).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeBackend } from './fake-backend.mjs';
import { openBrowser } from './browser.mjs';
import {
  COLOURS,
  ORDER_INPUT,
  SHOTS,
  colours,
  openStateMachine,
  orderProcessingSucceeds,
  startExecution,
  stateNames,
  statuses,
  unknownStateMachineShowsProblem,
  waitForExecutionStatus,
} from './scenarios.mjs';

const TIMEOUT = 120000;

describe('console against the fake platform', { timeout: 10 * TIMEOUT }, () => {
  let backend;
  let browser;

  before(async () => {
    backend = await startFakeBackend({ speed: 1 });
    browser = await openBrowser();
  });

  after(async () => {
    await browser?.close();
    await backend?.close();
  });

  const fresh = async () => {
    browser.problems.length = 0;
    await browser.page.setViewportSize({ width: 1280, height: 800 });
  };

  it('draws the order example, runs it and colours every state that ran', { timeout: TIMEOUT }, async () => {
    await fresh();
    await orderProcessingSucceeds({ page: browser.page, baseUrl: backend.url, problems: browser.problems, executionName: 'order-ok' });
  });

  it('shows a failure caught by a Parallel and compensated', { timeout: TIMEOUT }, async () => {
    await fresh();
    const { page } = browser;
    await openStateMachine(page, backend.url, 'order-processing');
    await startExecution(page, { name: 'order-declined', input: { ...ORDER_INPUT, payment: { method: 'card', token: 'tok_declined' } } });
    await waitForExecutionStatus(page, 'failed');
    await page.waitForFunction(() => document.querySelector('[data-marker="end"]')?.getAttribute('data-status') === 'failed');
    const seen = await statuses(page);
    assert.deepEqual(seen, {
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
    assert.deepEqual(await colours(page, 'ReserveAndCharge'), COLOURS.caught);
    assert.deepEqual(await colours(page, 'ChargePayment'), COLOURS.failed);
    const summary = await page.locator('#execution-summary').textContent();
    assert.match(summary, /PaymentDeclined/);
    assert.match(summary, /The card was declined/);
    const caughtEdge = await page.getAttribute('path.edge-catch[data-from="ReserveAndCharge"][data-to="CompensateOrder"]', 'data-taken');
    assert.equal(caughtEdge, 'true', 'the Catch taken is drawn as taken');
    await page.locator('svg.graph g.node[data-state="ChargePayment"]').click();
    const details = await page.locator('#state-details').textContent();
    assert.match(details, /PaymentDeclined/);
    await page.screenshot({ path: join(SHOTS, 'order-processing-declined.png'), fullPage: true });
    assert.deepEqual(browser.problems, []);
  });

  it('aggregates Map iterations: a retried and a caught record, iteration by iteration', { timeout: TIMEOUT }, async () => {
    await fresh();
    const { page } = browser;
    await openStateMachine(page, backend.url, 'etl-pipeline');
    await startExecution(page, { name: 'etl-1', input: { batchId: 'batch-7', source: 'demo-customers' } });
    await waitForExecutionStatus(page, 'succeeded');
    await page.waitForFunction(() => document.querySelector('[data-state="LoadRecords"]')?.getAttribute('data-status') === 'succeeded');
    const seen = await statuses(page);
    assert.deepEqual(seen, {
      ExtractRecords: 'retried',
      TransformRecords: 'succeeded',
      TransformRecord: 'caught',
      MarkRejected: 'succeeded',
      LoadRecords: 'succeeded',
    });
    assert.deepEqual(await colours(page, 'ExtractRecords'), COLOURS.retried);
    const badge = await page.locator('[data-state="TransformRecord"] .badge text').textContent();
    assert.equal(badge, '3/3', 'three iterations ran TransformRecord');
    await page.locator('svg.graph g.node[data-state="TransformRecord"]').click();
    const select = page.locator('#visit-select');
    assert.deepEqual(await select.locator('option').allTextContents(), [
      'Iteration 0 · Succeeded',
      'Iteration 1 · Caught',
      'Iteration 2 · Retried',
    ]);
    await select.selectOption('1');
    await page.waitForFunction(() => document.querySelector('#state-details')?.textContent.includes('InvalidRecord'));
    const input = JSON.parse(await page.locator('pre[aria-label="State input"]').textContent());
    assert.equal(input.id, 'c-3');
    await page.screenshot({ path: join(SHOTS, 'etl-pipeline.png'), fullPage: true });
    // "New execution" opens the start form of the same state machine.
    await page.locator('a.button', { hasText: 'New execution' }).click();
    await page.locator('#start-form #execution-input').waitFor();
    assert.match(await page.locator('h1').textContent(), /etl-pipeline/);
    assert.deepEqual(browser.problems, []);
  });

  it('refreshes a running execution live and stops it with an error and cause', { timeout: TIMEOUT }, async () => {
    await fresh();
    const { page } = browser;
    await openStateMachine(page, backend.url, 'fraud-detection');
    await startExecution(page, { name: 'fraud-1', input: { transactionId: 't-1', accountId: 'a-1', amountCents: 250000, currency: 'USD', country: 'FR', homeCountry: 'US', merchantCategory: 'electronics' } });
    // The history grows while the page polls, until the review is waited for.
    await page.waitForFunction(() => document.querySelector('[data-state="ManualReview"]')?.getAttribute('data-status') === 'running', null, { timeout: 30000 });
    assert.equal(await page.getAttribute('#live', 'data-live'), 'true');
    assert.deepEqual(await colours(page, 'EvaluateRisk'), COLOURS.succeeded);
    await page.locator('#stop-execution').click();
    await page.locator('#stop-error').fill('Operator.Cancelled');
    await page.locator('#stop-cause').fill('Stopped from the console test');
    await page.locator('#stop-confirm').click();
    await waitForExecutionStatus(page, 'aborted', 30000);
    await page.waitForFunction(() => document.querySelector('[data-state="ManualReview"]')?.getAttribute('data-status') === 'aborted');
    assert.deepEqual(await colours(page, 'ManualReview'), COLOURS.aborted);
    const summary = await page.locator('#execution-summary').textContent();
    assert.match(summary, /Operator\.Cancelled/);
    assert.match(summary, /Stopped from the console test/);
    assert.equal(await page.getAttribute('#live', 'data-live'), 'false', 'polling stops once the execution ended');
    const record = [...backend.executions.values()].find((r) => r.name === 'fraud-1');
    assert.equal(record.abortEvent.executionAbortedEventDetails.error, 'Operator.Cancelled');
    assert.deepEqual(browser.problems, []);
  });

  it('checks the input before sending it and shows the problems the API answers', { timeout: TIMEOUT }, async () => {
    await fresh();
    const { page } = browser;
    await openStateMachine(page, backend.url, 'order-processing');
    await page.locator('#start-execution').click();
    const input = page.locator('#execution-input');
    await input.fill('{"orderId": "o-1",\n  "items": [1, 2,]\n}');
    const error = page.locator('#execution-input-error');
    await page.waitForFunction(() => document.querySelector('#execution-input-error')?.textContent.startsWith('Line 2'));
    assert.match(await error.textContent(), /^Line 2, column \d+/);
    assert.equal(await page.locator('#start-submit').isDisabled(), true, 'invalid JSON cannot be sent');
    await input.fill('{"orderId": "o-1"}');
    assert.equal(await error.textContent(), '');
    await page.locator('#execution-name').fill('has space');
    assert.match(await page.locator('#execution-name-error').textContent(), /whitespace/);
    assert.equal(await page.locator('#start-submit').isDisabled(), true);
    // The name of an earlier run with another input: the API answers 409 ExecutionAlreadyExists.
    await page.locator('#execution-name').fill('order-ok');
    await page.locator('#start-submit').click();
    const problem = page.locator('#start-form .inline-problem');
    await problem.waitFor();
    assert.match(await problem.textContent(), /ExecutionAlreadyExists/);
    assert.match(await problem.textContent(), /409/);
    assert.equal(await page.locator('#start-submit').isDisabled(), false, 'the form can be sent again');
    assert.deepEqual(browser.problems.filter((p) => !p.includes('409')), []);
  });

  it('lists executions filtered by state machine and status', { timeout: TIMEOUT }, async () => {
    await fresh();
    const { page } = browser;
    await page.goto(`${backend.url}/#/executions`);
    await page.locator('#executions').waitFor();
    const all = await page.$$eval('#executions tr[data-execution]', (rows) => rows.map((r) => r.getAttribute('data-execution')));
    assert.deepEqual(all, ['fraud-1', 'etl-1', 'order-declined', 'order-ok'], 'newest first');
    await page.locator('#filter-state-machine option[value="order-processing"]').waitFor({ state: 'attached' });
    await page.locator('#filter-state-machine').selectOption('order-processing');
    await page.waitForFunction(() => location.hash.includes('stateMachine=order-processing'));
    await page.locator('#filter-status').selectOption('FAILED');
    await page.waitForFunction(() => location.hash.includes('status=FAILED'));
    await page.waitForFunction(() => document.querySelectorAll('#executions tr[data-execution]').length === 1);
    assert.equal(await page.getAttribute('#executions tr[data-execution]', 'data-execution'), 'order-declined');
    assert.deepEqual(browser.problems, []);
  });

  it('draws Parallel inside Map, Choice rules, Catch edges and a loop', { timeout: TIMEOUT }, async () => {
    await fresh();
    const { page } = browser;
    const definition = JSON.parse(await readFile(new URL('../fixtures/nested-parallel-in-map.asl.json', import.meta.url), 'utf8'));
    await openStateMachine(page, backend.url, 'nested-parallel-in-map');
    const drawn = await page.$$eval('svg.graph g.node[data-state]', (nodes) => nodes.map((n) => n.getAttribute('data-state')));
    assert.deepEqual([...drawn].sort(), stateNames(definition).sort());
    const box = async (name) => page.locator(`svg.graph g.node[data-state="${name}"]`).evaluate((g) => {
      const b = g.getBBox();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    });
    const inside = (inner, outer) =>
      inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
    const map = await box('PriceItems');
    const parallel = await box('Enrich');
    assert.ok(inside(parallel, map), 'the Parallel sits inside the Map');
    assert.ok(inside(await box('LookupStock'), parallel), 'a branch state sits inside its Parallel');
    const lookupPrice = await box('LookupPrice');
    const lookupStock = await box('LookupStock');
    assert.ok(lookupPrice.x + lookupPrice.w <= lookupStock.x, 'branches side by side');
    const labels = await page.$$eval('svg.graph .edge-label text', (texts) => texts.map((t) => t.textContent));
    assert.ok(labels.includes('$.price > 0 and $.sku is present'), labels.join(' | '));
    assert.ok(labels.includes('$count($states.input) > 1'));
    assert.ok(labels.includes('Default'));
    assert.ok(labels.includes('States.ALL'));
    assert.equal(await page.locator('path.edge-back[data-from="WaitAndRetry"][data-to="PriceItems"]').count(), 1, 'the loop is a back edge');
    assert.equal(await page.locator('svg.graph g.node[data-type="Map"] rect.stack').count(), 1, 'the Map is drawn stacked');
    // A click on a state shows its definition.
    await page.locator('svg.graph g.node[data-state="LookupStock"]').click();
    assert.match(await page.locator('#state-details').textContent(), /dynamodb:getItem/);
    await page.screenshot({ path: join(SHOTS, 'nested-parallel-in-map.png'), fullPage: true });
    assert.deepEqual(browser.problems, []);
  });

  it('fits a narrow window without sideways scrolling of the page', { timeout: TIMEOUT }, async () => {
    await fresh();
    const { page } = browser;
    await page.setViewportSize({ width: 420, height: 860 });
    for (const hash of ['#/state-machines', '#/executions', '#/state-machines/order-processing', '#/state-machines/order-processing/executions/order-ok']) {
      await page.goto(`${backend.url}/${hash}`);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${hash} overflows by ${overflow}px`);
    }
    const svgWidth = await page.$eval('svg.graph', (svg) => svg.getBoundingClientRect().width);
    assert.ok(svgWidth <= 420, 'the graph is fitted to the narrow window');
    await page.screenshot({ path: join(SHOTS, 'narrow-execution.png'), fullPage: true });
    assert.deepEqual(browser.problems, []);
  });

  it('shows a problem for a missing state machine or page', { timeout: TIMEOUT }, async () => {
    await fresh();
    // Served under a content security policy; a violation would show up as a console error.
    const response = await fetch(`${backend.url}/`);
    assert.match(response.headers.get('content-security-policy'), /script-src 'self'/);
    await unknownStateMachineShowsProblem({ page: browser.page, baseUrl: backend.url });
    await browser.page.goto(`${backend.url}/#/nowhere`);
    await browser.page.locator('text=Page not found').waitFor();
    assert.deepEqual(browser.problems.filter((p) => !p.includes('404')), []);
  });
});

describe('console against a fake platform with authentication on', { timeout: 120000 }, () => {
  let backend;
  let browser;
  before(async () => {
    backend = await startFakeBackend({ apiKey: 'console-key' });
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await backend?.close();
  });

  it('asks for an API key, then sends it with every call of the tab', async () => {
    const { page } = browser;
    await page.goto(`${backend.url}/`);
    await page.locator('form.signin').waitFor();
    assert.match(await page.locator('.problem').textContent(), /Authentication required/);
    await page.locator('#signin-key').fill('wrong-key');
    await page.locator('form.signin button[type=submit]').click();
    await page.locator('form.signin').waitFor();
    await page.locator('#signin-key').fill('console-key');
    await page.locator('form.signin button[type=submit]').click();
    await page.locator('#state-machines tr[data-state-machine="order-processing"]').waitFor();
    await page.locator('#state-machines a', { hasText: 'fraud-detection' }).click();
    await page.locator('svg.graph g.node[data-state="ManualReview"]').waitFor();
    assert.deepEqual(browser.problems.filter((p) => !p.includes('401')), []);
  });
});
