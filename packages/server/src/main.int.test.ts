// `npm start` as a newcomer runs it: the real entry point in a child process, on PGlite in a
// fresh data directory. Checks demo data and the one-time login, /healthz, the refusal of a
// second process on the same directory, graceful shutdown and persistence across restarts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { freePort, spawnServer, waitForOutput, type ServerProcess } from '@workup/testkit';

const start = spawnServer;
const waitFor = waitForOutput;
type Run = ServerProcess;

describe('npm start (packages/server/src/main.ts) on embedded PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'workup-start-'));
  const running: Run[] = [];
  after(() => {
    for (const run of running) run.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves, refuses a second process, stops cleanly and keeps its data', async () => {
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
    const first = start(env);
    running.push(first);
    await waitFor(first, /workup is running/);
    const login = /e-mail:\s+(\S+)\s+password:\s+(\S+)/.exec(first.stdout());
    assert.ok(login, `the demo login is printed: ${first.stdout()}`);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), {
      status: 'ok',
      database: { kind: 'pglite', durability: 'local-disk' },
    });

    const second = start({ ...env, PORT: String(await freePort()) });
    running.push(second);
    assert.equal(await second.exited, 1);
    assert.match(second.stderr(), /Another workup process is using the data directory/);

    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);

    const third = start(env);
    running.push(third);
    await waitFor(third, /workup is running/);
    assert.doesNotMatch(third.stdout(), /password:/, 'the login is shown only once');
    const signIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: login[1], password: login[2] }),
    });
    assert.equal(signIn.status, 200, 'the demo clinician survives a restart');
    third.child.kill('SIGTERM');
    assert.equal(await third.exited, 0);
  });

  it('exits 2 naming every bad variable', async () => {
    const run = start({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    running.push(run);
    assert.equal(await run.exited, 2);
    assert.match(run.stderr(), /PORT/);
    assert.match(run.stderr(), /DATABASE_URL/);
  });
});
