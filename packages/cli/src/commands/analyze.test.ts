import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { main } from '../main';
import type { LmmOutput } from './analyze';

const GOLDEN = new URL('../../../stats/golden/', import.meta.url);
const TRIAL = new URL('trial.csv', GOLDEN).pathname;
const TABLE1 = new URL('table1.csv', GOLDEN).pathname;

/** Runs `main` with in-memory streams. */
async function run(argv: string[], options: { stdin?: string; terminal?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdin: Readable.from([options.stdin ?? '']),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stderrIsTerminal: options.terminal ?? false,
  });
  return { code, stdout, stderr };
}

interface GoldenRow {
  term?: string;
  label?: string;
  estimate: number;
  se: number;
  df: number;
  ci: [number, number];
}

interface GoldenCase {
  id: string;
  formula: string;
  REML: boolean;
  tight: {
    fixed: GoldenRow[];
    random: { group: string; variance: number }[];
    logLik: number;
    REMLcrit?: number;
    deviance?: number;
    nobs: number;
    groups: Record<string, number>;
    contrasts: GoldenRow[];
  };
}

const golden = (
  JSON.parse(readFileSync(new URL('lmm.json', GOLDEN), 'utf8')) as { cases: GoldenCase[] }
).cases;

function goldenCase(id: string, reml: boolean): GoldenCase {
  const found = golden.find((c) => c.id === id && c.REML === reml);
  assert.ok(found !== undefined);
  return found;
}

function near(actual: number, expected: number, tolerance: number, what: string): void {
  const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  assert.ok(error <= tolerance, `${what}: ${actual} vs ${expected}`);
}

function checkAgainstR(output: LmmOutput, expected: GoldenCase): void {
  assert.equal(output.method, expected.REML ? 'REML' : 'ML');
  assert.deepEqual(
    output.fixed.map((row) => row.term),
    expected.tight.fixed.map((row) => row.term),
  );
  output.fixed.forEach((row, i) => {
    const want = expected.tight.fixed[i];
    assert.ok(want !== undefined);
    near(row.estimate, want.estimate, 1e-6, `${row.term} estimate`);
    near(row.se, want.se, 1e-5, `${row.term} se`);
    near(row.df, want.df, 1e-4, `${row.term} df`);
    assert.equal(row.ci.length, 2);
  });
  assert.deepEqual(
    output.random.map((c) => c.group),
    expected.tight.random.map((c) => c.group),
  );
  assert.ok(Math.abs(output.logLik - expected.tight.logLik) < 1e-6);
  if (expected.REML) near(output.REMLcrit ?? NaN, expected.tight.REMLcrit ?? NaN, 1e-9, 'REMLcrit');
  else near(output.deviance ?? NaN, expected.tight.deviance ?? NaN, 1e-9, 'deviance');
  assert.equal(output.nobs, expected.tight.nobs);
  assert.deepEqual(output.groups, expected.tight.groups);
}

await test('workup analyze lmm', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'workup-analyze-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const visit = goldenCase('trial-visit', true);

  await t.test("fits the model to a CSV file and writes R's numbers as JSON", async () => {
    const { code, stdout, stderr } = await run([
      'analyze',
      'lmm',
      '--data',
      TRIAL,
      '--formula',
      visit.formula,
      '--contrast',
      'arm=workup-control@visit=12',
      '--contrast',
      'armworkup + armworkup:factor(visit)6',
    ]);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const output = JSON.parse(stdout) as LmmOutput;
    checkAgainstR(output, visit);
    assert.deepEqual(Object.keys(output).slice(0, 13), [
      'formula',
      'method',
      'fixed',
      'random',
      'logLik',
      'REMLcrit',
      'AIC',
      'BIC',
      'nobs',
      'groups',
      'singular',
      'notes',
      'inference',
    ]);
    assert.equal(output.random.at(-1)?.group, 'Residual');
    const [at12, at6] = output.contrasts ?? [];
    assert.deepEqual(at12?.weights, { armworkup: 1, 'armworkup:factor(visit)12': 1 });
    assert.deepEqual(at6?.weights, { armworkup: 1, 'armworkup:factor(visit)6': 1 });
    visit.tight.contrasts.forEach((want, i) => {
      const got = [at12, at6][i];
      assert.ok(got !== undefined);
      near(got.estimate, want.estimate, 1e-6, `${want.label ?? ''} estimate`);
      near(got.se, want.se, 1e-5, `${want.label ?? ''} se`);
      near(got.df, want.df, 1e-4, `${want.label ?? ''} df`);
    });
  });

  await t.test('--ml fits by maximum likelihood and reports the deviance', async () => {
    const ml = goldenCase('trial-visit', false);
    const { code, stdout } = await run([
      'analyze',
      'lmm',
      '--data',
      TRIAL,
      '--formula',
      ml.formula,
      '--ml',
    ]);
    assert.equal(code, 0);
    const output = JSON.parse(stdout) as LmmOutput;
    checkAgainstR(output, ml);
    assert.equal('REMLcrit' in output, false);
  });

  await t.test('reads the data from standard input with --data -', async () => {
    const slope = goldenCase('trial-slope', true);
    const { code, stdout } = await run(
      ['analyze', 'lmm', '--data', '-', '--formula', slope.formula],
      {
        stdin: readFileSync(TRIAL, 'utf8'),
      },
    );
    assert.equal(code, 0);
    checkAgainstR(JSON.parse(stdout) as LmmOutput, slope);
  });

  await t.test(
    'bootstraps a contrast reproducibly from its seed, with progress only on a terminal',
    async () => {
      const argv = [
        'analyze',
        'lmm',
        '--data',
        TRIAL,
        '--formula',
        visit.formula,
        '--contrast',
        'arm=workup-control@visit=12',
        '--bootstrap',
        '30',
        '--seed',
        '11',
        '--strata',
        'arm',
      ];
      const first = await run(argv);
      const second = await run(argv, { terminal: true });
      assert.equal(first.code, 0);
      assert.equal(first.stderr, '');
      assert.match(second.stderr, /bootstrap arm=workup-control@visit=12 \[#+\] 100% 30\/30/);
      const a = (JSON.parse(first.stdout) as LmmOutput).contrasts?.[0]?.bootstrap;
      const b = (JSON.parse(second.stdout) as LmmOutput).contrasts?.[0]?.bootstrap;
      assert.deepEqual(a, b);
      assert.equal(a?.replicates, 30);
      assert.equal(a.seed, 11);
      assert.equal(a.clusters, 'unit');
      assert.equal(a.strata, 'arm');
      assert.ok(a.ci[0] < a.ci[1] && a.se > 0);
    },
  );

  await t.test('--format md writes a readable report', async () => {
    const { code, stdout } = await run([
      'analyze',
      'lmm',
      '--data',
      TRIAL,
      '--formula',
      visit.formula,
      '--contrast',
      'arm=workup-control@visit=12',
      '--format',
      'md',
    ]);
    assert.equal(code, 0);
    assert.match(stdout, /^## Linear mixed model \(REML\)/);
    assert.match(stdout, /\| term \| estimate \| SE \| df \| t \| p \| 95 % CI \|/);
    assert.match(stdout, /\| armworkup:factor\(visit\)12 \| -4\.927/);
    assert.match(stdout, /\| unit:patient \| 17\.89/);
    assert.match(stdout, /\| arm=workup-control@visit=12 \| -3\.64 /);
  });

  await t.test('handles quoting, CRLF and both spellings of a missing value', async () => {
    const file = join(dir, 'quoted.csv');
    const rows = readFileSync(TRIAL, 'utf8').trim().split('\n');
    const [header = '', ...body] = rows;
    // Quote every field, write CRLF, and spell NA as an empty field.
    const quoted = [
      header,
      ...body.map((line) =>
        line
          .split(',')
          .map((field) => (field === 'NA' ? '' : `"${field.replace(/"/g, '')}"`))
          .join(','),
      ),
    ];
    await writeFile(file, `${quoted.join('\r\n')}\r\n`);
    const { code, stdout } = await run([
      'analyze',
      'lmm',
      '--data',
      file,
      '--formula',
      visit.formula,
    ]);
    assert.equal(code, 0);
    checkAgainstR(JSON.parse(stdout) as LmmOutput, visit);
  });

  await t.test('answers bad input with error JSON and exit 2', async () => {
    const cases: [string[], string][] = [
      [['--formula', 'y ~ arm + (x | unit)'], 'invalid_formula'],
      [['--formula', 'y ~ arm + ward + (1 | unit)'], 'unknown_column'],
      [['--formula', 'y ~ arm + (1 | unit) + (1 | visit)'], 'invalid_data'],
      [['--formula', visit.formula, '--contrast', 'arm=workup-placebo'], 'invalid_data'],
      [['--formula', visit.formula, '--bootstrap', '10'], 'invalid_option'],
      [
        ['--formula', visit.formula, '--bootstrap', '-3', '--contrast', 'armworkup'],
        'invalid_option',
      ],
      [['--formula', visit.formula, '--format', 'html'], 'usage'],
      [[], 'usage'],
    ];
    for (const [extra, expected] of cases) {
      const { code, stdout, stderr } = await run(['analyze', 'lmm', '--data', TRIAL, ...extra]);
      assert.equal(code, 2, extra.join(' '));
      assert.equal(stdout, '');
      const body = JSON.parse(stderr) as { error: { code: string; message: string } };
      assert.equal(body.error.code, expected, `${extra.join(' ')}: ${body.error.message}`);
    }
    const badCsv = join(dir, 'bad.csv');
    await writeFile(badCsv, 'y,g\n1,a\n2\n');
    const csv = await run(['analyze', 'lmm', '--data', badCsv, '--formula', 'y ~ 1 + (1 | g)']);
    assert.equal(csv.code, 2);
    assert.match(csv.stderr, /"code":"invalid_csv".*line 3 has 1 fields/);
  });

  await t.test('a file that cannot be read is exit 1', async () => {
    const { code, stderr } = await run([
      'analyze',
      'lmm',
      '--data',
      join(dir, 'nope.csv'),
      '--formula',
      visit.formula,
    ]);
    assert.equal(code, 1);
    assert.equal((JSON.parse(stderr) as { error: { code: string } }).error.code, 'read_failed');
  });
});

await test('workup analyze table1', async (t) => {
  const expected = JSON.parse(readFileSync(new URL('table1.json', GOLDEN), 'utf8')) as {
    continuous: { variable: string; t: { p: number }; wilcoxon: { p: number } }[];
    categorical: { variable: string; chisq: { p: number }; fisher: { p: number } }[];
  };

  await t.test("writes the baseline table with R's p-values", async () => {
    const { code, stdout, stderr } = await run([
      'analyze',
      'table1',
      '--data',
      TABLE1,
      '--by',
      'arm',
    ]);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const table = JSON.parse(stdout) as {
      groups: { group: string; n: number }[];
      rows: {
        variable: string;
        type: string;
        tests: Record<string, { p: number } | null>;
      }[];
    };
    assert.deepEqual(table.groups, [
      { group: 'control', n: 93 },
      { group: 'workup', n: 87 },
    ]);
    for (const row of expected.continuous) {
      const got = table.rows.find((r) => r.variable === row.variable);
      near(got?.tests.welch?.p ?? NaN, row.t.p, 1e-12, `${row.variable} t`);
      near(got?.tests.wilcoxon?.p ?? NaN, row.wilcoxon.p, 1e-12, `${row.variable} wilcoxon`);
    }
    for (const row of expected.categorical) {
      const got = table.rows.find((r) => r.variable === row.variable);
      near(got?.tests.chisq?.p ?? NaN, row.chisq.p, 1e-12, `${row.variable} chisq`);
      near(got?.tests.fisher?.p ?? NaN, row.fisher.p, 1e-10, `${row.variable} fisher`);
    }
  });

  await t.test('--vars, --categorical and --format md', async () => {
    const { code, stdout } = await run([
      'analyze',
      'table1',
      '--data',
      TABLE1,
      '--by',
      'arm',
      '--vars',
      'age,sex,days',
      '--categorical',
      'days',
      '--format',
      'md',
    ]);
    assert.equal(code, 0);
    assert.match(stdout, /^## Baseline characteristics by arm/);
    assert.match(stdout, /\| \| control \(n = 93\) \| workup \(n = 87\) \| p \|/);
    assert.match(stdout, /\| age, mean \(SD\) \| .* \| 0\.7302 \(Welch t\) \|/);
    assert.match(
      stdout,
      /\| sex, n \(%\) \| {2}\| {2}\| 0\.6671 \(χ², Yates\); 0\.6526 \(Fisher\) \|/,
    );
    assert.match(stdout, /\| days, n \(%\) \|/);
    assert.doesNotMatch(stdout, /bmi/);
  });

  await t.test('an unknown column is bad input', async () => {
    const { code, stderr } = await run(['analyze', 'table1', '--data', TABLE1, '--by', 'group']);
    assert.equal(code, 2);
    assert.equal((JSON.parse(stderr) as { error: { code: string } }).error.code, 'unknown_column');
  });
});
