import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { RtwResultSchema, type RtwPersonResult } from '@workup/contracts';
import { main } from '../main';

/** Runs `main` with in-memory streams. */
async function run(argv: string[], stdinText = '') {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdin: Readable.from([stdinText]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stderrIsTerminal: false,
  });
  return { code, stdout, stderr };
}

function json(text: string): unknown {
  const lines = text.split('\n').filter((line) => line !== '');
  assert.equal(lines.length, 1, 'one line of JSON');
  return JSON.parse(lines[0] ?? '') as unknown;
}

const FIXTURES = new URL('../../fixtures/sick-leave/', import.meta.url);
const FOLLOW_UP = { start: '2024-01-01', end: '2024-06-30' };

/** Imports a fixture and runs `workup rtw` on its periods over FOLLOW_UP. */
async function rtwOfFixture(format: string, file: string, rtwArgs: string[]) {
  const imported = await run([
    'import',
    'sick-leave',
    '--format',
    format,
    new URL(file, FIXTURES).pathname,
  ]);
  assert.equal(imported.code, 0, imported.stderr);
  const periods = imported.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
  const result = await run(['rtw', ...rtwArgs], JSON.stringify({ periods, followUp: FOLLOW_UP }));
  assert.equal(result.code, 0, result.stderr);
  return RtwResultSchema.parse(json(result.stdout));
}

const person = (
  id: string,
  spells: [string, string, number, number][],
  rest: Omit<RtwPersonResult, 'person' | 'spells' | 'grossDays' | 'netDays'>,
): RtwPersonResult => ({
  person: id,
  spells: spells.map(([from, to, grossDays, netDays]) => ({ from, to, grossDays, netDays })),
  grossDays: spells.reduce((sum, spell) => sum + spell[2], 0),
  netDays: spells.reduce((sum, spell) => sum + Math.round(spell[3] * 10_000), 0) / 10_000,
  ...rest,
});

await test('workup rtw', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'workup-rtw-'));
  t.after(() => rm(dir, { recursive: true, force: true }));

  const input = {
    periods: [
      { person: 'p', from: '2024-01-10', to: '2024-01-12', degree: 100 },
      { person: 'p', from: '2024-01-17', to: '2024-01-19', degree: 50 },
    ],
    followUp: { start: '2024-01-01', end: '2024-03-31' },
  };

  await t.test('computes the contract output from stdin and from FILE', async () => {
    const file = join(dir, 'input.json');
    await writeFile(file, JSON.stringify(input));
    const fromStdin = await run(['rtw'], JSON.stringify(input));
    const fromFile = await run(['rtw', file]);
    assert.equal(fromStdin.code, 0);
    assert.equal(fromStdin.stderr, '');
    assert.equal(fromFile.stdout, fromStdin.stdout);
    // Gap 0 (no preset, no --gap): 01-13..01-16 are free, so two spells; rtw 01-13; the 28-day
    // run meets 01-17, so sustained RTW is 01-20 (01-20..02-16).
    assert.deepEqual(json(fromStdin.stdout), {
      preset: null,
      algorithmVersion: '1.0.0',
      persons: [
        person(
          'p',
          [
            ['2024-01-10', '2024-01-12', 3, 3],
            ['2024-01-17', '2024-01-19', 3, 1.5],
          ],
          { rtw: '2024-01-13', sustainedRtw: '2024-01-20', censored: false },
        ),
      ],
    });
  });

  await t.test('joins over the preset gap (se: 4 days) unless --gap overrides it', async () => {
    const se = json((await run(['rtw', '--preset', 'se'], JSON.stringify(input))).stdout);
    assert.deepEqual(se, {
      preset: 'se',
      algorithmVersion: '1.0.0',
      persons: [
        person('p', [['2024-01-10', '2024-01-19', 6, 4.5]], {
          rtw: '2024-01-20',
          sustainedRtw: '2024-01-20',
          censored: false,
        }),
      ],
    });
    const gap3 = RtwResultSchema.parse(
      json((await run(['rtw', '--preset', 'se', '--gap', '3'], JSON.stringify(input))).stdout),
    );
    assert.equal(gap3.preset, 'se');
    assert.equal(gap3.persons[0]?.spells.length, 2);
    const gap4 = RtwResultSchema.parse(
      json((await run(['rtw', '--gap', '4'], JSON.stringify(input))).stdout),
    );
    assert.equal(gap4.preset, null);
    assert.equal(gap4.persons[0]?.spells.length, 1);
  });

  await t.test('--sustained sets the run length', async () => {
    // With --sustained 4 the run 01-13..01-16 fits before the relapse on 01-17.
    const result = RtwResultSchema.parse(
      json((await run(['rtw', '--sustained', '4'], JSON.stringify(input))).stdout),
    );
    assert.equal(result.persons[0]?.sustainedRtw, '2024-01-13');
    const five = RtwResultSchema.parse(
      json((await run(['rtw', '--sustained', '5'], JSON.stringify(input))).stdout),
    );
    assert.equal(five.persons[0]?.sustainedRtw, '2024-01-20');
  });

  await t.test(
    'Swedish fixture with preset se: hand-worked net days, RTW and sustained RTW',
    async () => {
      // 1001: 01-08..01-21 at 100 % (14), 01-22..02-18 at 50 % (28 → 14), 02-22..02-29 at 25 %
      //       (8 → 2); 3 free days join (gap 4): one spell, gross 50, net 30; rtw 03-01.
      // 1002: 2023-12-01..2024-07-31 (100 % then 75 % from 02-01): 31 + 151 days in the window,
      //       net 31 + 113.25; still sick on 06-30: censored, no rtw.
      // 1003: 03-01..03-14 at 100 %, rtw 03-15 (day 1); a 50 % relapse on 04-10 = day 27 (N-1)
      //       breaks the 28-day run, which starts again 04-11 (04-11..05-08).
      const result = await rtwOfFixture('se', 'se.csv', ['--preset', 'se']);
      assert.deepEqual(result.persons, [
        person('1001', [['2024-01-08', '2024-02-29', 50, 30]], {
          rtw: '2024-03-01',
          sustainedRtw: '2024-03-01',
          censored: false,
        }),
        person('1002', [['2023-12-01', '2024-07-31', 182, 144.25]], {
          rtw: null,
          sustainedRtw: null,
          censored: true,
        }),
        person(
          '1003',
          [
            ['2024-03-01', '2024-03-14', 14, 14],
            ['2024-04-10', '2024-04-10', 1, 0.5],
          ],
          { rtw: '2024-03-15', sustainedRtw: '2024-04-11', censored: false },
        ),
      ]);
    },
  );

  await t.test('Swedish fixture without a preset (gap 0): 1001 has two spells', async () => {
    // 1001: 01-08..02-18 (gross 42, net 28) and 02-22..02-29 (8, 2); rtw 02-19; the run from
    //       02-19 meets 02-22, so sustained RTW is 03-01.
    const result = await rtwOfFixture('se', 'se.csv', []);
    assert.deepEqual(
      result.persons[0],
      person(
        '1001',
        [
          ['2024-01-08', '2024-02-18', 42, 28],
          ['2024-02-22', '2024-02-29', 8, 2],
        ],
        { rtw: '2024-02-19', sustainedRtw: '2024-03-01', censored: false },
      ),
    );
  });

  await t.test('Norwegian fixture with preset no: hand-worked values', async () => {
    // 5001: 01-02..01-16 at 100 % (15) and 02-01..02-29 at 40 % (29 → 11.6); 15 free days
    //       (01-17..01-31) join (gap 15): one spell, gross 44, net 26.6; rtw 03-01.
    // 5002: 03-04..03-10 at 100 % overlaps 03-04..06-30 at 20 %: 7 days count 1, 112 days 0.2:
    //       gross 119, net 29.4; sick on 06-30: censored.
    const result = await rtwOfFixture('no', 'no.csv', ['--preset', 'no']);
    assert.deepEqual(result.persons, [
      person('5001', [['2024-01-02', '2024-02-29', 44, 26.6]], {
        rtw: '2024-03-01',
        sustainedRtw: '2024-03-01',
        censored: false,
      }),
      person('5002', [['2024-03-04', '2024-06-30', 119, 29.4]], {
        rtw: null,
        sustainedRtw: null,
        censored: true,
      }),
    ]);
  });

  await t.test('Finnish fixture with preset fi: hand-worked values', async () => {
    // fi001: SV 01-08..01-19 (12) then OSASV 01-20..02-29 (41 at 50 % → 20.5): touching, one
    //        spell, gross 53, net 32.5; rtw 03-01.
    // fi002: 06-01..06-15: rtw 06-16, but 06-16..07-13 does not fit before 06-30: no sustained.
    // fi003: only November 2023, before follow-up: no spell.
    const result = await rtwOfFixture('fi', 'fi.csv', ['--preset', 'fi']);
    assert.deepEqual(result.persons, [
      person('fi001', [['2024-01-08', '2024-02-29', 53, 32.5]], {
        rtw: '2024-03-01',
        sustainedRtw: '2024-03-01',
        censored: false,
      }),
      person('fi002', [['2024-06-01', '2024-06-15', 15, 15]], {
        rtw: '2024-06-16',
        sustainedRtw: null,
        censored: false,
      }),
      person('fi003', [], { rtw: null, sustainedRtw: null, censored: false }),
    ]);
  });

  await t.test('workup CSV fixture, no preset: hand-worked values', async () => {
    // c1: 01-15..01-28 at 100 % (14) overlaps 01-20..02-10 at 50 %: 01-29..02-10 (13 → 6.5):
    //     gross 27, net 20.5; rtw 02-11.
    // c2: 06-30 at 33.33 %: net 0.3333; sick on the last day: censored, no rtw.
    // c3: 0 % in March: no sick leave at all.
    const result = await rtwOfFixture('csv', 'workup.csv', []);
    assert.deepEqual(result.persons, [
      person('c1', [['2024-01-15', '2024-02-10', 27, 20.5]], {
        rtw: '2024-02-11',
        sustainedRtw: '2024-02-11',
        censored: false,
      }),
      person('c2', [['2024-06-30', '2024-06-30', 1, 0.3333]], {
        rtw: null,
        sustainedRtw: null,
        censored: true,
      }),
      person('c3', [], { rtw: null, sustainedRtw: null, censored: false }),
    ]);
  });

  await t.test(
    'bad input exits 2 with the path of the first bad field, never clamped',
    async () => {
      const period = { person: 'p', from: '2024-01-10', to: '2024-01-12', degree: 50 };
      const cases: [unknown, string[], (string | number)[]][] = [
        [{ ...input, periods: [{ ...period, from: '2023-02-29' }] }, [], ['periods', 0, 'from']],
        [{ ...input, periods: [{ ...period, to: '2024-04-31' }] }, [], ['periods', 0, 'to']],
        [{ ...input, periods: [{ ...period, to: '2024-01-09' }] }, [], ['periods', 0, 'to']],
        [{ ...input, periods: [{ ...period, degree: 120 }] }, [], ['periods', 0, 'degree']],
        [{ ...input, periods: [{ ...period, degree: -5 }] }, [], ['periods', 0, 'degree']],
        [{ ...input, periods: [{ ...period, degree: 33.333 }] }, [], ['periods', 0, 'degree']],
        [
          { ...input, periods: [period, { ...period, degree: 40 }] },
          ['--preset', 'se'],
          ['periods', 1, 'degree'],
        ],
        [
          { ...input, periods: [{ ...period, degree: 10 }] },
          ['--preset', 'no'],
          ['periods', 0, 'degree'],
        ],
        [{ ...input, periods: [{ ...period, person: '' }] }, [], ['periods', 0, 'person']],
        [
          { ...input, followUp: { start: '2024-03-01', end: '2024-02-01' } },
          [],
          ['followUp', 'end'],
        ],
        [{ periods: [] }, [], ['followUp']],
      ];
      for (const [body, args, path] of cases) {
        const { code, stdout, stderr } = await run(['rtw', ...args], JSON.stringify(body));
        assert.equal(code, 2, JSON.stringify(body));
        assert.equal(stdout, '');
        const error = (json(stderr) as { error: { code: string; path: unknown } }).error;
        assert.equal(error.code, 'invalid_input');
        assert.deepEqual(error.path, path, JSON.stringify(body));
      }
    },
  );

  await t.test(
    'refuses unknown presets and bad --gap / --sustained before reading input',
    async () => {
      const cases: [string[], string][] = [
        [['--preset', 'dk'], 'unknown_preset'],
        [['--gap', '-1'], 'invalid_option'],
        [['--gap', '1.5'], 'invalid_option'],
        [['--gap', 'x'], 'invalid_option'],
        [['--sustained', '0'], 'invalid_option'],
        [['--sustained', '1e3'], 'invalid_option'],
      ];
      for (const [args, code] of cases) {
        const result = await run(['rtw', ...args], 'not json');
        assert.equal(result.code, 2, args.join(' '));
        assert.equal((json(result.stderr) as { error: { code: string } }).error.code, code);
      }
      const zeroGap = await run(['rtw', '--gap', '0'], JSON.stringify(input));
      assert.equal(zeroGap.code, 0);
    },
  );

  await t.test('invalid JSON exits 2; an unreadable file exits 1', async () => {
    const bad = await run(['rtw'], '{"periods": ');
    assert.equal(bad.code, 2);
    assert.equal((json(bad.stderr) as { error: { code: string } }).error.code, 'invalid_json');
    const missing = await run(['rtw', join(dir, 'missing.json')]);
    assert.equal(missing.code, 1);
    assert.equal((json(missing.stderr) as { error: { code: string } }).error.code, 'read_failed');
  });

  await t.test('is listed in --help with its options', async () => {
    const help = await run(['--help']);
    assert.match(help.stdout, /^\s+rtw \[options\] \[file\]/m);
    const own = await run(['rtw', '--help']);
    for (const option of ['--preset', '--gap', '--sustained', 'docs/rtw.md']) {
      assert.ok(own.stdout.includes(option), option);
    }
  });
});
