// Starts the real platform (api/target/statecraft.jar) on free ports with a fresh data directory,
// waits until it is healthy, and stops it again, whatever happens in between.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(here, '../../../../..');
export const JAR = join(REPO, 'api/target/statecraft.jar');
export const LOG = join(REPO, 'api/target/console/platform.log');

export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

function javaBinary() {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * @returns {Promise<{url: string, stop(): Promise<void>}>}
 */
export async function startPlatform({ jar = JAR, timeoutMs = 240000 } = {}) {
  if (!existsSync(jar)) {
    throw new Error(`${jar} does not exist: build it first (mvn -B -q package -DskipTests -pl api -am)`);
  }
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'statecraft-console-data-'));
  await mkdir(dirname(LOG), { recursive: true });
  const log = openSync(LOG, 'w');
  const child = spawn(
    javaBinary(),
    [
      '-jar',
      jar,
      '--server.address=127.0.0.1',
      `--server.port=${port}`,
      '--statecraft.temporal.embedded.bind-address=127.0.0.1',
      '--statecraft.temporal.embedded.port=0',
      `--statecraft.data-dir=${dataDir}`,
    ],
    { stdio: ['ignore', log, log] },
  );
  closeSync(log);
  let exited = null;
  const exit = new Promise((ok) =>
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      ok();
    }),
  );
  child.once('error', (e) => {
    exited = { code: -1, signal: null, error: e };
  });
  // Never leave the platform running behind this process.
  const killNow = () => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killNow);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 45000);
      await exit;
      clearTimeout(timer);
    }
    process.removeListener('exit', killNow);
    await rm(dataDir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exited) {
        throw new Error(`the platform exited (${JSON.stringify(exited)}) before it was healthy:\n${tail(LOG)}`);
      }
      try {
        const response = await fetch(`${url}/actuator/health`);
        const body = await response.json().catch(() => ({}));
        if (response.ok && body.status === 'UP') return { url, stop };
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the platform was not healthy within ${timeoutMs / 1000} s:\n${tail(LOG)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (e) {
    await stop();
    throw e;
  }
}
