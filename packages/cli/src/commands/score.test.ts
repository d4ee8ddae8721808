import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { main } from '../main';

/** Runs `main` with in-memory streams; `terminal` pretends standard error is a terminal. */
async function run(argv: string[], stdinText = '', terminal = false) {
  let stdout = '';
  let stderr = '';
  let writes = 0;
  const code = await main(argv, {
    stdin: Readable.from([stdinText]),
    stdout: {
      write: (text: string) => {
        writes += 1;
        stdout += text;
      },
    },
    stderr: { write: (text: string) => (stderr += text) },
    stderrIsTerminal: terminal,
  });
  return { code, stdout, stderr, writes };
}

function lines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/** Items 1, 3, 5, 6 agreed, item 9 "very much": total 5, psychosocial 3 (reference.md §1). */
const MEDIUM = { '1': 1, '2': 0, '3': 1, '4': 0, '5': 1, '6': 1, '7': 0, '8': 0, '9': 3 };
const ALL_ZERO = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 0, '9': 0 };

await test('workup score sbt', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'workup-cli-'));
  t.after(() => rm(dir, { recursive: true, force: true }));

  await t.test('scores a complete response from stdin', async () => {
    const { code, stdout, stderr } = await run(
      ['score', 'sbt'],
      JSON.stringify({ answers: MEDIUM }),
    );
    assert.equal(code, 0);
    assert.equal(stderr, '');
    assert.deepEqual(lines(stdout), [
      {
        instrument: 'sbt',
        version: '9-item',
        complete: true,
        missing: [],
        scores: { total: 5, psychosocial: 3, risk: 'medium' },
      },
    ]);
  });

  await t.test('reads FILE, and "-" as stdin', async () => {
    const file = join(dir, 'response.json');
    await writeFile(file, JSON.stringify({ answers: ALL_ZERO }));
    const fromFile = await run(['score', 'sbt', file]);
    const fromDash = await run(['score', 'sbt', '-'], JSON.stringify({ answers: ALL_ZERO }));
    assert.equal(fromFile.code, 0);
    assert.equal(fromDash.code, 0);
    assert.equal(fromFile.stdout, fromDash.stdout);
    assert.deepEqual(lines(fromFile.stdout), [
      {
        instrument: 'sbt',
        version: '9-item',
        complete: true,
        missing: [],
        scores: { total: 0, psychosocial: 0, risk: 'low' },
      },
    ]);
  });

  await t.test(
    'does not score a response with a missing item: scores null, reason, exit 0',
    async () => {
      const answers = { ...MEDIUM, '4': null } as Record<string, number | null>;
      delete answers['7'];
      const { code, stdout, stderr } = await run(['score', 'sbt'], JSON.stringify({ answers }));
      assert.equal(code, 0);
      assert.equal(stderr, '');
      const [result] = lines(stdout) as [Record<string, unknown>];
      assert.equal(result.complete, false);
      assert.deepEqual(result.missing, ['4', '7']);
      assert.equal(result.scores, null);
      assert.equal(typeof result.reason, 'string');
    },
  );

  await t.test('rejects a code out of range with exit 2 and the path, never clamping', async () => {
    const input = JSON.stringify({ answers: { ...MEDIUM, '9': 5 } });
    const { code, stdout, stderr } = await run(['score', 'sbt'], input);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    const body = JSON.parse(stderr) as { error: { code: string; message: string; path: unknown } };
    assert.equal(body.error.code, 'invalid_input');
    assert.deepEqual(body.error.path, ['answers', '9']);
  });

  await t.test('rejects a wrong shape with the path of the bad field', async () => {
    for (const [input, path] of [
      [{}, ['answers']],
      [{ answers: { ...MEDIUM, '1': 'yes' } }, ['answers', '1']],
      [{ answers: MEDIUM, extra: 1 }, []],
    ] as const) {
      const { code, stderr } = await run(['score', 'sbt'], JSON.stringify(input));
      assert.equal(code, 2, JSON.stringify(input));
      const body = JSON.parse(stderr) as { error: { code: string; path: unknown } };
      assert.equal(body.error.code, 'invalid_input');
      assert.deepEqual(body.error.path, path);
    }
  });

  await t.test('rejects invalid JSON with exit 2', async () => {
    const { code, stdout, stderr } = await run(['score', 'sbt'], '{"answers": ');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    const body = JSON.parse(stderr) as { error: { code: string; path: unknown } };
    assert.equal(body.error.code, 'invalid_json');
    assert.deepEqual(body.error.path, []);
  });

  await t.test(
    '--ndjson answers each line in order and carries on past a bad line, exit 2',
    async () => {
      const input = [
        JSON.stringify({ answers: ALL_ZERO }),
        '{"answers": {"1": 2}}',
        'not json',
        JSON.stringify({ answers: MEDIUM }),
      ].join('\r\n');
      const { code, stdout, stderr } = await run(['score', 'sbt', '--ndjson'], `${input}\n`);
      assert.equal(code, 2);
      assert.equal(stderr, '');
      const results = lines(stdout) as Record<string, unknown>[];
      assert.equal(results.length, 4);
      assert.deepEqual(results[0]?.scores, { total: 0, psychosocial: 0, risk: 'low' });
      assert.deepEqual(results[1], {
        error: {
          code: 'invalid_input',
          message: 'answers.1: must be one of 0, 1',
          path: ['answers', '1'],
        },
      });
      assert.equal((results[2]?.error as { code: string }).code, 'invalid_json');
      assert.deepEqual(results[3]?.scores, { total: 5, psychosocial: 3, risk: 'medium' });
    },
  );

  await t.test(
    '--ndjson exits 0 when every line is good, and answers an empty line with an error',
    async () => {
      const good = JSON.stringify({ answers: ALL_ZERO });
      assert.equal((await run(['score', 'sbt', '--ndjson'], `${good}\n${good}\n`)).code, 0);
      const { code, stdout } = await run(['score', 'sbt', '--ndjson'], `${good}\n\n${good}`);
      assert.equal(code, 2);
      assert.equal(lines(stdout).length, 3);
    },
  );

  await t.test('rejects an unknown instrument with exit 2 before reading input', async () => {
    const { code, stdout, stderr } = await run(['score', 'nope'], 'not read');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    const body = JSON.parse(stderr) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'unknown_instrument');
    assert.match(body.error.message, /sbt/);
  });

  await t.test('refuses --value-set for an instrument without value sets', async () => {
    const input = JSON.stringify({ answers: ALL_ZERO });
    const { code, stdout, stderr } = await run(['score', 'sbt', '--value-set', 'uk_tto'], input);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    const body = JSON.parse(stderr) as { error: { code: string } };
    assert.equal(body.error.code, 'value_set_not_supported');
  });

  await t.test('exits 1 when FILE cannot be read', async () => {
    const { code, stderr } = await run(['score', 'sbt', join(dir, 'absent.json')]);
    assert.equal(code, 1);
    const body = JSON.parse(stderr) as { error: { code: string } };
    assert.equal(body.error.code, 'read_failed');
  });

  await t.test(
    'scores 100,000 NDJSON lines in order, in batched writes, with progress on a terminal',
    async () => {
      const count = 100_000;
      const file = join(dir, 'many.ndjson');
      const input: string[] = [];
      for (let index = 0; index < count; index += 1) {
        input.push(JSON.stringify({ answers: index % 1000 === 999 ? { '9': 7 } : MEDIUM }));
      }
      await writeFile(file, `${input.join('\n')}\n`);
      const { code, stdout, stderr, writes } = await run(
        ['score', 'sbt', '--ndjson', file],
        '',
        true,
      );
      assert.equal(code, 2, 'a bad line makes the exit code 2');
      const results = stdout.trimEnd().split('\n');
      assert.equal(results.length, count, 'one output line per input line');
      assert.match(results[999] ?? '', /"error".*"path":\["answers","9"\]/);
      assert.match(results[998] ?? '', /"total":5/);
      assert.ok(writes < 1000, `output is batched (${String(writes)} writes)`);
      assert.match(stderr, /scoring sbt \[#+\] 100% 100,000 lines/);
      assert.ok(stderr.endsWith('\n'), 'the progress line is ended');
    },
  );

  await t.test('draws no progress when standard error is not a terminal', async () => {
    const { stderr } = await run(['score', 'sbt', '--ndjson'], JSON.stringify({ answers: MEDIUM }));
    assert.equal(stderr, '');
  });
});
