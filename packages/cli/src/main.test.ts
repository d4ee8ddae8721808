import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { main } from './main';

const BIN = fileURLToPath(new URL('../bin/workup.js', import.meta.url));

async function packageVersion(): Promise<string> {
  const text = await readFile(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** Runs `main` with in-memory streams. */
async function run(argv: string[], stdinText = '') {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdin: Readable.from([stdinText]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

await test('workup', async (t) => {
  await t.test('--help lists the commands that work, and only those', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    assert.match(stdout, /Usage: workup/);
    assert.match(stdout, /^ {2}score /m);
    for (const command of ['triage', 'pathway'])
      assert.match(stdout, new RegExp(`^ {2}${command} `, 'm'));
  });

  await t.test('--version prints the version of packages/cli/package.json', async () => {
    const { code, stdout } = await run(['--version']);
    assert.equal(code, 0);
    assert.equal(stdout, `${await packageVersion()}\n`);
  });

  await t.test('with no command prints the help to stderr and exits 2', async () => {
    const { code, stdout, stderr } = await run([]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /Usage: workup/);
  });

  await t.test(
    'answers an unknown command or option with a usage error as JSON, exit 2',
    async () => {
      for (const argv of [['frobnicate'], ['--bogus'], ['score']]) {
        const { code, stdout, stderr } = await run(argv);
        assert.equal(code, 2, argv.join(' '));
        assert.equal(stdout, '');
        const body = JSON.parse(stderr) as { error: { code: string; path: unknown } };
        assert.equal(body.error.code, 'usage');
        assert.deepEqual(body.error.path, []);
      }
    },
  );

  await t.test('the installed binary runs: node packages/cli/bin/workup.js --version', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, '--version']);
    assert.equal(stdout, `${await packageVersion()}\n`);
  });

  await t.test(
    'the binary sets exit code 2 and writes error JSON to stderr on bad input',
    async () => {
      const child = execFile(process.execPath, [BIN, 'score', 'sbt']);
      child.stdin?.end('{"answers": {"9": 5}}');
      let stderr = '';
      child.stderr?.on('data', (chunk: string) => (stderr += chunk));
      const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(exitCode, 2);
      assert.deepEqual(JSON.parse(stderr), {
        error: {
          code: 'invalid_input',
          message: 'answers.9: must be one of 0, 1, 2, 3, 4',
          path: ['answers', '9'],
        },
      });
    },
  );
});
