// Runs console-jar.test.mjs against the real platform: starts api/target/statecraft.jar on free
// ports, runs the browser test, and always stops the jar.
//
//   node e2e/run-against-jar.mjs                               run it
//   node e2e/run-against-jar.mjs --only-if-executions-served   run it only when the platform
//       answers StartExecution (not UnknownOperationException); otherwise say so and succeed

import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { executionsServed, LOG, startPlatform } from './platform.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const onlyIfServed = process.argv.includes('--only-if-executions-served');

const platform = await startPlatform();
let code = 1;
try {
  console.log(`[console] platform up at ${platform.url} (log: ${LOG})`);
  if (onlyIfServed && !(await executionsServed(platform.url))) {
    console.log(
      '[console] NOT RUN: the platform answers StartExecution with UnknownOperationException, so the ' +
        'browser test against the real jar cannot start an execution yet; the fake-platform browser test ran instead.',
    );
    code = 0;
  } else {
    code = await new Promise((ok) => {
      const test = spawn(process.execPath, ['--test', '--test-concurrency=1', join(here, 'console-jar.test.mjs')], {
        stdio: 'inherit',
        env: { ...process.env, CONSOLE_BASE_URL: platform.url },
      });
      test.once('exit', (c, signal) => ok(c ?? (signal ? 1 : 0)));
    });
  }
} finally {
  await platform.stop();
}
process.exit(code);
