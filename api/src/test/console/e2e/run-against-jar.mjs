// Runs console-jar.test.mjs against the real platform: starts api/target/statecraft.jar on free
// ports, runs the browser test, and always stops the jar.
//
//   node e2e/run-against-jar.mjs

import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOG, startPlatform } from './platform.mjs';

const here = dirname(fileURLToPath(import.meta.url));

const platform = await startPlatform();
let code = 1;
try {
  console.log(`[console] platform up at ${platform.url} (log: ${LOG})`);
  code = await new Promise((ok) => {
    const test = spawn(process.execPath, ['--test', '--test-concurrency=1', join(here, 'console-jar.test.mjs')], {
      stdio: 'inherit',
      env: { ...process.env, CONSOLE_BASE_URL: platform.url },
    });
    test.once('exit', (c, signal) => ok(c ?? (signal ? 1 : 0)));
  });
} finally {
  await platform.stop();
}
process.exit(code);
