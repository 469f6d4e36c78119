// The console in a headless Chromium against the real platform (started by run-against-jar.mjs,
// which passes its address in CONSOLE_BASE_URL): the order example runs and is drawn green.

import { after, before, describe, it } from 'node:test';
import { openBrowser } from './browser.mjs';
import { orderProcessingSucceeds, unknownStateMachineShowsProblem } from './scenarios.mjs';

const baseUrl = process.env.CONSOLE_BASE_URL;
if (!baseUrl) {
  throw new Error('CONSOLE_BASE_URL must name a running platform; run node e2e/run-against-jar.mjs');
}

describe('console against the real platform', { timeout: 600000 }, () => {
  let browser;
  before(async () => {
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('draws the order example, runs it and colours every state that ran', { timeout: 300000 }, async () => {
    await orderProcessingSucceeds({
      page: browser.page,
      baseUrl,
      problems: browser.problems,
      executionName: `console-e2e-${Date.now()}`,
    });
  });

  it('shows a problem for a missing state machine', { timeout: 60000 }, async () => {
    await unknownStateMachineShowsProblem({ page: browser.page, baseUrl });
  });
});
