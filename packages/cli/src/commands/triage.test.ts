import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { TriageResultSchema, type Pathway } from '@workup/contracts';
import { main } from '../main';
import { DEFAULT_PATHWAY_FILE } from './triage';

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

function lines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/** The same JSON with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, entry]) => [key, reversedKeys(entry)]),
  );
}

/** STarT Back medium risk: total 5, psychosocial 3 (reference.md §1). */
const SBT_MEDIUM = { '1': 1, '2': 0, '3': 1, '4': 0, '5': 1, '6': 1, '7': 0, '8': 0, '9': 3 };

const MINI: Pathway = {
  format: 'workup-pathway/1',
  id: 'site-mini',
  version: '2.1.0',
  title: 'A site pathway',
  description: 'Medium risk to the physiotherapist, everyone followed up',
  language: 'sv',
  flags: [],
  components: [
    { code: 'physio_exercise', title: 'Fysioterapi med träning' },
    { code: 'follow_up', title: 'Uppföljning' },
  ],
  rules: [
    {
      id: 'medium',
      description: 'medium risk',
      source: 'reference.md §17',
      when: { score: 'sbt.risk', eq: 'medium' },
      then: [{ add: 'physio_exercise' }],
    },
    {
      id: 'always',
      description: 'always',
      source: 'issue 4',
      when: { all: [] },
      then: [{ add: 'follow_up' }],
    },
  ],
};

await test('workup triage', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'workup-triage-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const miniFile = join(dir, 'mini.json');
  await writeFile(miniFile, JSON.stringify(MINI));

  await t.test('the default pathway: output as contracts.md §4 fixes it', async () => {
    const { code, stdout, stderr } = await run(
      ['triage'],
      JSON.stringify({ responses: { sbt: SBT_MEDIUM }, context: { age: 40, employed: true } }),
    );
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    const [first] = lines(stdout);
    const result = TriageResultSchema.parse(first);
    const file = JSON.parse(await readFile(DEFAULT_PATHWAY_FILE, 'utf8')) as Pathway;
    assert.equal(result.pathway.id, file.id);
    assert.equal(result.pathway.version, file.version);
    assert.deepEqual(result.scores.sbt?.scores, { total: 5, psychosocial: 3, risk: 'medium' });
    // No red-flag screen: flagged, and the plan waits for the clinician.
    assert.deepEqual(
      result.flags.red.map((flag) => flag.code),
      ['red_flags_not_assessed'],
    );
    assert.deepEqual(
      result.plan.map((item) => item.code),
      [
        'x_complete_red_flag_screen',
        'advice_stay_active',
        'education',
        'self_management',
        'physio_exercise',
        'manual_therapy_adjunct',
        'follow_up',
      ],
    );
    assert.ok(result.plan.every((item) => item.status === 'waiting_for_clinician'));
  });

  await t.test('--pathway FILE and an input FILE; the hash names the pathway', async () => {
    const input = join(dir, 'input.json');
    await writeFile(input, JSON.stringify({ responses: { sbt: SBT_MEDIUM } }));
    const { code, stdout } = await run(['triage', '--pathway', miniFile, input]);
    assert.equal(code, 0);
    const result = TriageResultSchema.parse(lines(stdout)[0]);
    assert.equal(result.pathway.id, 'site-mini');
    assert.match(result.pathway.hash, /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(result.plan, [
      {
        code: 'physio_exercise',
        title: 'Fysioterapi med träning',
        status: 'proposed',
        because: [
          { rule: 'medium', evidence: [{ instrument: 'sbt', score: 'risk', value: 'medium' }] },
        ],
      },
      {
        code: 'follow_up',
        title: 'Uppföljning',
        status: 'proposed',
        because: [{ rule: 'always', evidence: [] }],
      },
    ]);
    // Layout and key order do not change the hash.
    const pretty = join(dir, 'mini-pretty.json');
    await writeFile(pretty, JSON.stringify(reversedKeys(MINI), null, 4));
    const again = await run(['triage', '--pathway', pretty, input]);
    assert.equal(
      TriageResultSchema.parse(lines(again.stdout)[0]).pathway.hash,
      result.pathway.hash,
    );
  });

  await t.test('a code out of range is bad input with its path, exit 2', async () => {
    const { code, stdout, stderr } = await run(
      ['triage'],
      JSON.stringify({ responses: { sbt: { ...SBT_MEDIUM, '9': 7 } } }),
    );
    assert.equal(code, 2);
    assert.equal(stdout, '');
    const body = JSON.parse(stderr) as { error: { code: string; path: unknown[] } };
    assert.equal(body.error.code, 'invalid_input');
    assert.deepEqual(body.error.path, ['responses', 'sbt', '9']);
  });

  await t.test('a wrong shape or unknown instrument is bad input', async () => {
    for (const input of [
      { answers: {} },
      { responses: { sbt2: {} } },
      { responses: { sbt: { '1': 'yes' } } },
    ]) {
      const { code, stderr } = await run(['triage'], JSON.stringify(input));
      assert.equal(code, 2, JSON.stringify(input));
      assert.equal((JSON.parse(stderr) as { error: { code: string } }).error.code, 'invalid_input');
    }
    const notJson = await run(['triage'], '{');
    assert.equal(notJson.code, 2);
    assert.equal(
      (JSON.parse(notJson.stderr) as { error: { code: string } }).error.code,
      'invalid_json',
    );
  });

  await t.test('a bad pathway is refused before any input is read', async () => {
    const broken = join(dir, 'broken.json');
    await writeFile(
      broken,
      JSON.stringify({
        ...MINI,
        rules: [{ ...MINI.rules[0], when: { score: 'sbt.risk', eq: 'hihg' } }],
      }),
    );
    const { code, stderr } = await run(['triage', '--pathway', broken], '{}');
    assert.equal(code, 2);
    const body = JSON.parse(stderr) as {
      error: { code: string; message: string; path: unknown[] };
    };
    assert.equal(body.error.code, 'invalid_pathway');
    assert.match(body.error.message, /"hihg" is not a value of sbt.risk/);
    assert.deepEqual(body.error.path, ['rules', 0, 'when', 'eq']);
    const missing = await run(['triage', '--pathway', join(dir, 'nope.json')], '{}');
    assert.equal(missing.code, 1);
  });

  await t.test('--ndjson: one result or error per line, in order', async () => {
    const input = [
      JSON.stringify({ responses: { sbt: SBT_MEDIUM } }),
      JSON.stringify({ responses: { sbt: { '1': 2 } } }),
      '',
      JSON.stringify({ responses: {} }),
    ].join('\n');
    const { code, stdout } = await run(['triage', '--ndjson', '--pathway', miniFile], input);
    assert.equal(code, 2);
    const results = lines(stdout) as Record<string, unknown>[];
    assert.equal(results.length, 4);
    assert.ok('plan' in (results[0] ?? {}));
    assert.deepEqual((results[1] as { error: { path: unknown[] } }).error.path, [
      'responses',
      'sbt',
      '1',
    ]);
    assert.equal((results[2] as { error: { code: string } }).error.code, 'invalid_json');
    assert.ok('plan' in (results[3] ?? {}));
  });
});
