// Browser scenarios shared by the run against the real platform and the run against the fake one.

import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '../../../../..');
export const SHOTS = join(REPO, 'api/target/console');

export const ORDER_INPUT = {
  orderId: 'o-1001',
  customerId: 'c-42',
  items: [
    { sku: 'SKU-BOOK', quantity: 2 },
    { sku: 'SKU-MUG', quantity: 1 },
  ],
  payment: { method: 'card', token: 'tok_visa' },
  shippingAddress: { name: 'Ada', line1: '1 Loop St', city: 'Springfield', postalCode: '12345', country: 'US' },
};

// The colours console.css gives each status (fill, stroke), as the browser computes them.
export const COLOURS = {
  'not-started': ['rgb(255, 255, 255)', 'rgb(148, 163, 184)'],
  running: ['rgb(219, 234, 254)', 'rgb(37, 99, 235)'],
  succeeded: ['rgb(220, 252, 231)', 'rgb(22, 163, 74)'],
  failed: ['rgb(254, 226, 226)', 'rgb(220, 38, 38)'],
  caught: ['rgb(255, 237, 213)', 'rgb(234, 88, 12)'],
  retried: ['rgb(254, 249, 195)', 'rgb(202, 138, 4)'],
  aborted: ['rgb(229, 231, 235)', 'rgb(75, 85, 99)'],
};

/** Every state name of a definition, nested ones included, in definition order. */
export function stateNames(definition) {
  const names = [];
  const walk = (block) => {
    for (const [name, state] of Object.entries(block.States ?? {})) {
      names.push(name);
      for (const branch of state.Branches ?? []) walk(branch);
      if (state.ItemProcessor ?? state.Iterator) walk(state.ItemProcessor ?? state.Iterator);
    }
  };
  walk(definition);
  return names;
}

export async function example(name) {
  return JSON.parse(await readFile(join(REPO, 'examples', `${name}.asl.json`), 'utf8'));
}

/** data-status of every state node of the drawn graph. */
export async function statuses(page) {
  return page.$$eval('svg.graph g.node[data-state]', (nodes) =>
    Object.fromEntries(nodes.map((n) => [n.getAttribute('data-state'), n.getAttribute('data-status')])),
  );
}

/** The computed fill and stroke of a state's shape. */
export async function colours(page, state) {
  return page.$eval(`svg.graph g.node[data-state="${state}"] .shape`, (shape) => {
    const style = getComputedStyle(shape);
    return [style.fill, style.stroke];
  });
}

export async function openStateMachine(page, baseUrl, name) {
  await page.goto(`${baseUrl}/`);
  const link = page.locator(`#state-machines tr[data-state-machine="${name}"] a`).first();
  await link.waitFor({ timeout: 30000 });
  await link.click();
  await page.locator('svg.graph').waitFor();
  await page.waitForFunction((n) => document.querySelector('h1')?.textContent?.includes(n), name);
}

export async function startExecution(page, { name, input }) {
  await page.locator('#start-execution').click();
  await page.locator('#execution-input').waitFor();
  if (name) await page.locator('#execution-name').fill(name);
  await page.locator('#execution-input').fill(JSON.stringify(input, null, 2));
  await page.locator('#start-submit').click();
  await page.waitForFunction((n) => decodeURIComponent(location.hash).endsWith(`/executions/${n}`), name, {
    timeout: 30000,
  });
  await page.locator('#execution-status').waitFor();
}

export async function waitForExecutionStatus(page, status, timeout = 60000) {
  await page.waitForFunction(
    (s) => document.querySelector('#execution-status')?.getAttribute('data-status') === s,
    status,
    { timeout },
  );
}

/**
 * The required journey: open the order example, start it, wait until every state of the run shows
 * succeeded, check the colours, look at one state's input and output, and keep a screenshot.
 */
export async function orderProcessingSucceeds({ page, baseUrl, problems, executionName }) {
  const definition = await example('order-processing');
  const all = stateNames(definition);
  await openStateMachine(page, baseUrl, 'order-processing');

  const drawn = await page.$$eval('svg.graph g.node[data-state]', (nodes) => nodes.map((n) => n.getAttribute('data-state')));
  assert.deepEqual([...drawn].sort(), [...all].sort(), 'every state of the definition is drawn once');
  assert.equal(await page.locator('svg.graph [data-marker="start"]').count(), 1);
  assert.equal(await page.locator('svg.graph [data-marker="end"]').count(), 1);

  await startExecution(page, { name: executionName, input: ORDER_INPUT });
  await waitForExecutionStatus(page, 'succeeded');

  const ran = ['ValidateOrder', 'ReserveAndCharge', 'ReserveInventory', 'ChargePayment', 'ShipOrder', 'OrderCompleted'];
  await page.waitForFunction(
    (names) => names.every((n) => document.querySelector(`svg.graph g.node[data-state="${n}"]`)?.getAttribute('data-status') === 'succeeded'),
    ran,
    { timeout: 30000 },
  );
  const seen = await statuses(page);
  for (const name of all) {
    assert.equal(seen[name], ran.includes(name) ? 'succeeded' : 'not-started', `status of ${name}`);
  }
  assert.equal(await page.getAttribute('svg.graph [data-marker="start"]', 'data-status'), 'succeeded');
  assert.equal(await page.getAttribute('svg.graph [data-marker="end"]', 'data-status'), 'succeeded');
  assert.deepEqual(await colours(page, 'ShipOrder'), COLOURS.succeeded, 'a succeeded state is green');
  assert.deepEqual(await colours(page, 'OrderRejected'), COLOURS['not-started'], 'a state that did not run stays white');
  assert.deepEqual(await colours(page, 'CompensateOrder'), COLOURS['not-started']);
  const taken = await page.$$eval('svg.graph path.edge[data-taken="true"]', (paths) =>
    paths.map((p) => `${p.getAttribute('data-from')}>${p.getAttribute('data-to')}`),
  );
  assert.deepEqual(
    taken.sort(),
    ['Start>ValidateOrder', 'ValidateOrder>ReserveAndCharge', 'ReserveAndCharge>ShipOrder', 'ShipOrder>OrderCompleted', 'OrderCompleted>End'].sort(),
    'the path the run took is drawn darker',
  );

  // A click on a state shows its input and output.
  await page.locator('svg.graph g.node[data-state="ShipOrder"]').click();
  const details = page.locator('#state-details');
  await details.locator('pre[aria-label="State output"]').waitFor();
  const output = JSON.parse(await details.locator('pre[aria-label="State output"]').textContent());
  assert.equal(output.shipment.orderId, ORDER_INPUT.orderId, 'the output of ShipOrder holds its shipment');
  assert.ok(output.shipment.shipmentId, 'the shipment has an id');
  const input = JSON.parse(await details.locator('pre[aria-label="State input"]').textContent());
  assert.equal(input.orderId, ORDER_INPUT.orderId);
  assert.equal(await page.getAttribute('svg.graph g.node[data-state="ShipOrder"]', 'class').then((c) => c.includes('selected')), true);

  const execOutput = JSON.parse(await page.locator('pre[aria-label="Execution output"]').textContent());
  assert.equal(execOutput.status, 'COMPLETED');
  const link = await page.getAttribute('#temporal-link', 'href');
  assert.match(link, /^https?:\/\/.+/, 'the execution links to the Temporal Web UI');
  assert.equal(await page.locator('#stop-execution').count(), 0, 'a finished execution cannot be stopped');

  await mkdir(SHOTS, { recursive: true });
  // The state panel shows ShipOrder's data; the graph shows the whole flow with what ran.
  await page.screenshot({ path: join(SHOTS, 'order-processing.png'), fullPage: true });
  assert.deepEqual(problems, [], 'no errors in the page');
}

/** A missing state machine gives a readable problem, not a blank page. */
export async function unknownStateMachineShowsProblem({ page, baseUrl }) {
  await page.goto(`${baseUrl}/#/state-machines/no-such-machine`);
  const problem = page.locator('.problem');
  await problem.waitFor();
  const text = await problem.textContent();
  assert.match(text, /StateMachineDoesNotExist/);
  assert.match(text, /no-such-machine/);
}
