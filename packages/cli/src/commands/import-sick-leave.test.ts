import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { SickLeaveRecordSchema, type SickLeaveRecord } from '@workup/contracts';
import { main } from '../main';
import { periodKey, splitRecord } from './import-sick-leave';

/** Runs `main` with in-memory streams; `terminal` pretends standard error is a terminal. */
async function run(argv: string[], stdinText = '', terminal = false) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdin: Readable.from([stdinText]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stderrIsTerminal: terminal,
  });
  return { code, stdout, stderr };
}

function jsonLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('\r'))
    .map((line) => JSON.parse(line) as unknown);
}

function records(text: string): SickLeaveRecord[] {
  return jsonLines(text).map((line) => SickLeaveRecordSchema.parse(line));
}

/** The records without their keys, which are checked separately. */
function periods(text: string) {
  return records(text).map(({ key: _key, ...rest }) => rest);
}

function errors(text: string) {
  return jsonLines(text).flatMap((line) =>
    typeof line === 'object' && line !== null && 'error' in line
      ? [(line as { error: { code: string; message: string; path: unknown[] } }).error]
      : [],
  );
}

function summary(text: string) {
  const found = jsonLines(text).find(
    (line) => typeof line === 'object' && line !== null && 'summary' in line,
  ) as { summary: Record<string, unknown> } | undefined;
  return found?.summary;
}

const FIXTURES = new URL('../../fixtures/sick-leave/', import.meta.url);
const fixture = (name: string) => new URL(name, FIXTURES).pathname;

const SE_HEADER = 'lopnr;fom;tom;omfattning';

await test('workup import sick-leave: the fixtures', async (t) => {
  await t.test(
    'se: Försäkringskassan-style, both date forms, a duplicate row removed',
    async () => {
      const { code, stdout, stderr } = await run([
        'import',
        'sick-leave',
        '--format',
        'se',
        fixture('se.csv'),
      ]);
      assert.equal(code, 0, stderr);
      const extra = (diagnos: string) => ({ source: 'register' as const, extra: { diagnos } });
      assert.deepEqual(periods(stdout), [
        { person: '1001', from: '2024-01-08', to: '2024-01-21', degree: 100, ...extra('M54.5') },
        { person: '1001', from: '2024-01-22', to: '2024-02-18', degree: 50, ...extra('M54.5') },
        { person: '1001', from: '2024-02-22', to: '2024-02-29', degree: 25, ...extra('M54.5') },
        { person: '1002', from: '2023-12-01', to: '2024-01-31', degree: 100, ...extra('M51.1') },
        { person: '1002', from: '2024-02-01', to: '2024-07-31', degree: 75, ...extra('M51.1') },
        { person: '1003', from: '2024-03-01', to: '2024-03-14', degree: 100, ...extra('M54.4') },
        { person: '1003', from: '2024-04-10', to: '2024-04-10', degree: 50, ...extra('M54.4') },
      ]);
      const lines = jsonLines(stderr);
      assert.deepEqual(lines[0], {
        warning: {
          code: 'unknown_columns',
          message: 'columns not in format se, kept in each record\'s "extra": diagnos',
          columns: ['diagnos'],
        },
      });
      assert.deepEqual(summary(stderr), {
        format: 'se',
        rows: 8,
        periods: 7,
        duplicates: 1,
        badRows: 0,
        written: 7,
      });
    },
  );

  await t.test('no: NAV-style, DD.MM.YYYY, graded 20-100 %', async () => {
    const { code, stdout, stderr } = await run([
      'import',
      'sick-leave',
      '--format',
      'no',
      fixture('no.csv'),
    ]);
    assert.equal(code, 0, stderr);
    const extra = (diagnose: string) => ({ source: 'register' as const, extra: { diagnose } });
    assert.deepEqual(periods(stdout), [
      { person: '5001', from: '2024-01-02', to: '2024-01-16', degree: 100, ...extra('L03') },
      { person: '5001', from: '2024-02-01', to: '2024-02-29', degree: 40, ...extra('L03') },
      { person: '5002', from: '2024-03-04', to: '2024-03-10', degree: 100, ...extra('L86') },
      { person: '5002', from: '2024-03-04', to: '2024-06-30', degree: 20, ...extra('L86') },
    ]);
    assert.equal(summary(stderr)?.duplicates, 1);
  });

  await t.test('fi: Kela-style, D.M.YYYY, SV = 100 % and OSASV = 50 %', async () => {
    const { code, stdout, stderr } = await run([
      'import',
      'sick-leave',
      '--format',
      'fi',
      fixture('fi.csv'),
    ]);
    assert.equal(code, 0, stderr);
    const extra = (diagnoosi: string) => ({ source: 'register' as const, extra: { diagnoosi } });
    assert.deepEqual(periods(stdout), [
      { person: 'fi001', from: '2024-01-08', to: '2024-01-19', degree: 100, ...extra('M54.5') },
      { person: 'fi001', from: '2024-01-20', to: '2024-02-29', degree: 50, ...extra('M54.5') },
      { person: 'fi002', from: '2024-06-01', to: '2024-06-15', degree: 100, ...extra('M51.1') },
      { person: 'fi003', from: '2023-11-01', to: '2023-11-30', degree: 100, ...extra('M54.5') },
    ]);
  });

  await t.test('csv: workup columns, CRLF, quoted fields with commas and quotes', async () => {
    const { code, stdout, stderr } = await run([
      'import',
      'sick-leave',
      '--format',
      'csv',
      fixture('workup.csv'),
    ]);
    assert.equal(code, 0, stderr);
    assert.deepEqual(periods(stdout), [
      {
        person: 'c1',
        from: '2024-01-15',
        to: '2024-01-28',
        degree: 100,
        source: 'certificate',
        extra: { note: 'first visit, acute' },
      },
      {
        person: 'c1',
        from: '2024-01-20',
        to: '2024-02-10',
        degree: 50,
        source: 'self_report',
        extra: { note: '' },
      },
      {
        person: 'c2',
        from: '2024-06-30',
        to: '2024-06-30',
        degree: 33.33,
        source: 'register',
        extra: { note: 'said "half a day"' },
      },
      {
        person: 'c3',
        from: '2024-03-01',
        to: '2024-03-31',
        degree: 0,
        source: 'self_report',
        extra: { note: 'back at work' },
      },
    ]);
  });

  await t.test('keys are SHA-256 of the identifying fields, the same in every run', async () => {
    const first = records(
      (await run(['import', 'sick-leave', '--format', 'se', fixture('se.csv')])).stdout,
    );
    for (const record of first) {
      assert.match(record.key, /^[0-9a-f]{64}$/);
      assert.equal(record.key, periodKey(record));
    }
    assert.equal(
      periodKey({
        person: '1001',
        from: '2024-01-08',
        to: '2024-01-21',
        degree: 100,
        source: 'register',
      }),
      // sha256 of ["1001","2024-01-08","2024-01-21",100,"register"]
      'c053fb5f1e18f68724edd8dbda9c1c970778ca62f3e2596c7ff2cc39e9a363f3',
    );
  });
});

await test('workup import sick-leave: idempotent output', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'workup-import-'));
  t.after(() => rm(dir, { recursive: true, force: true }));

  await t.test('the same extract gives byte-identical output, whatever the row order', async () => {
    const text = await readFile(fixture('se.csv'), 'utf8');
    const [header = '', ...rows] = text.trimEnd().split('\n');
    const shuffled = [header, ...rows.reverse()].join('\n');
    const a = await run(['import', 'sick-leave', '--format', 'se', fixture('se.csv')]);
    const b = await run(['import', 'sick-leave', '--format', 'se', fixture('se.csv')]);
    const c = await run(['import', 'sick-leave', '--format', 'se', '-'], shuffled);
    assert.equal(a.stdout, b.stdout);
    assert.equal(c.stdout, a.stdout);
  });

  await t.test(
    '--out writes the same bytes; --merge of the same extract changes nothing',
    async () => {
      const out = join(dir, 'periods.ndjson');
      const stdout = (await run(['import', 'sick-leave', '--format', 'no', fixture('no.csv')]))
        .stdout;
      const first = await run([
        'import',
        'sick-leave',
        '--format',
        'no',
        '--out',
        out,
        fixture('no.csv'),
      ]);
      assert.equal(first.code, 0);
      assert.equal(first.stdout, '');
      assert.equal(await readFile(out, 'utf8'), stdout);
      const again = await run([
        'import',
        'sick-leave',
        '--format',
        'no',
        '--out',
        out,
        '--merge',
        fixture('no.csv'),
      ]);
      assert.equal(again.code, 0);
      assert.equal(await readFile(out, 'utf8'), stdout);
      assert.equal(summary(again.stderr)?.alreadyPresent, 4);
      assert.equal(summary(again.stderr)?.written, 4);
    },
  );

  await t.test('--merge adds a second extract once, in either order', async () => {
    const later = [
      'lopenr;fom;tom;grad',
      '5001;01.02.2024;29.02.2024;40',
      '5003;01.05.2024;31.05.2024;60',
    ].join('\n');
    const laterFile = join(dir, 'later.csv');
    await writeFile(laterFile, later);
    const one = join(dir, 'one.ndjson');
    const two = join(dir, 'two.ndjson');
    await run([
      'import',
      'sick-leave',
      '--format',
      'no',
      '--out',
      one,
      '--merge',
      fixture('no.csv'),
    ]);
    const merged = await run([
      'import',
      'sick-leave',
      '--format',
      'no',
      '--out',
      one,
      '--merge',
      laterFile,
    ]);
    assert.equal(summary(merged.stderr)?.alreadyPresent, 1, '5001 February is in both');
    await run(['import', 'sick-leave', '--format', 'no', '--out', two, '--merge', laterFile]);
    await run([
      'import',
      'sick-leave',
      '--format',
      'no',
      '--out',
      two,
      '--merge',
      fixture('no.csv'),
    ]);
    const oneText = await readFile(one, 'utf8');
    assert.equal(oneText, await readFile(two, 'utf8'));
    assert.equal(records(oneText).length, 5);
  });

  await t.test('--merge refuses a file that is not an import', async () => {
    const out = join(dir, 'other.ndjson');
    await writeFile(out, '{"hello": 1}\n');
    const result = await run([
      'import',
      'sick-leave',
      '--format',
      'no',
      '--out',
      out,
      '--merge',
      fixture('no.csv'),
    ]);
    assert.equal(result.code, 2);
    assert.equal(errors(result.stderr)[0]?.code, 'invalid_existing_output');
    assert.equal(await readFile(out, 'utf8'), '{"hello": 1}\n', 'left as it was');
    const noOut = await run([
      'import',
      'sick-leave',
      '--format',
      'no',
      '--merge',
      fixture('no.csv'),
    ]);
    assert.equal(noOut.code, 2);
  });
});

await test('workup import sick-leave: bad rows', async (t) => {
  const cases: [string, string, (string | number)[], RegExp][] = [
    [
      'se',
      `${SE_HEADER}\n1;2024-01-01;2024-01-05;50\n1;20240231;20240305;50`,
      [3, 'fom'],
      /calendar date/,
    ],
    ['se', `${SE_HEADER}\n1;2024-01-05;2024-01-01;50`, [2, 'tom'], /before the start/],
    [
      'se',
      `${SE_HEADER}\n1;2024-01-01;2024-01-05;40`,
      [2, 'omfattning'],
      /not allowed by preset "se"/,
    ],
    ['se', `${SE_HEADER}\n1;2024-01-01;2024-01-05;150`, [2, 'omfattning'], /between 0 and 100/],
    ['se', `${SE_HEADER}\n1;01.01.2024;2024-01-05;50`, [2, 'fom'], /YYYY-MM-DD or YYYYMMDD/],
    ['se', `${SE_HEADER}\n;2024-01-01;2024-01-05;50`, [2, 'lopnr'], /empty/],
    ['se', `${SE_HEADER}\n1;2024-01-01;2024-01-05`, [2], /3 fields, but the header has 4/],
    [
      'no',
      'lopenr;fom;tom;grad\n1;01.01.2024;05.01.2024;10',
      [2, 'grad'],
      /not allowed by preset "no"/,
    ],
    ['no', 'lopenr;fom;tom;grad\n1;2024-01-01;05.01.2024;50', [2, 'fom'], /DD\.MM\.YYYY/],
    [
      'fi',
      'henkilo_id;alkupvm;loppupvm;etuus\n1;1.1.2024;5.1.2024;XX',
      [2, 'etuus'],
      /SV \(full\) or OSASV/,
    ],
    [
      'fi',
      'henkilo_id;alkupvm;loppupvm;etuus\n1;29.2.2023;5.3.2023;SV',
      [2, 'alkupvm'],
      /calendar date/,
    ],
    [
      'csv',
      'person,from,to,degree,source\np,2024-01-01,2024-01-02,33.333,register',
      [2, 'degree'],
      /number of percent/,
    ],
    ['csv', 'person,from,to,degree,source\np,2024-01-01,2024-01-02,50,doctor', [2, 'source'], /./],
    [
      'csv',
      'person,from,to,degree,source\np,2024-01-01,2024-01-02,"50"x,register',
      [2],
      /closing quote/,
    ],
    [
      'csv',
      'person,from,to,degree,source\np,2024-01-01,2024-01-02,"50,register',
      [2],
      /never closed/,
    ],
    ['se', `${SE_HEADER}\n1;2024-01-01;;50`, [2, 'tom'], /--open-until/],
  ];
  for (const [format, text, path, message] of cases) {
    await t.test(`${format}: ${JSON.stringify(path)} ${message.source}`, async () => {
      const { code, stdout, stderr } = await run(
        ['import', 'sick-leave', '--format', format, '-'],
        text,
      );
      assert.equal(code, 2);
      assert.equal(stdout, '', 'nothing is written when a row is bad');
      const [error] = errors(stderr);
      assert.equal(error?.code, 'invalid_row');
      assert.deepEqual(error.path, path);
      assert.match(error.message, message);
      assert.match(error.message, new RegExp(`^row ${path[0]}`));
    });
  }

  await t.test('a missing or doubled header column, or an empty file, is bad input', async () => {
    const missing = await run(
      ['import', 'sick-leave', '--format', 'se', '-'],
      'lopnr;fom;omfattning\n1;2024-01-01;50',
    );
    assert.equal(missing.code, 2);
    assert.equal(errors(missing.stderr)[0]?.code, 'missing_columns');
    assert.deepEqual(errors(missing.stderr)[0]?.path, [1, 'tom']);
    const doubled = await run(
      ['import', 'sick-leave', '--format', 'se', '-'],
      `${SE_HEADER};FOM\n`,
    );
    assert.equal(doubled.code, 2);
    assert.deepEqual(errors(doubled.stderr)[0]?.path, [1, 'fom']);
    const empty = await run(['import', 'sick-leave', '--format', 'se', '-'], '\n\n');
    assert.equal(empty.code, 2);
    assert.equal(errors(empty.stderr)[0]?.code, 'missing_columns');
  });

  await t.test('--skip-bad lists every bad row, keeps the good ones and exits 2', async () => {
    const text = [
      SE_HEADER,
      '1;2024-01-01;2024-01-05;50',
      '2;2024-01-01;2024-01-05;40',
      '',
      '3;2024-02-30;2024-03-05;50',
      '4;2024-01-01;2024-01-02;100',
    ].join('\n');
    const { code, stdout, stderr } = await run(
      ['import', 'sick-leave', '--format', 'se', '--skip-bad', '-'],
      text,
    );
    assert.equal(code, 2);
    assert.deepEqual(
      periods(stdout).map((period) => period.person),
      ['1', '4'],
    );
    assert.deepEqual(
      errors(stderr).map((error) => error.path),
      [
        [3, 'omfattning'],
        [5, 'fom'],
      ],
      'rows are lines of the file; the blank line 4 is skipped but counted',
    );
    assert.equal(summary(stderr)?.badRows, 2);
  });

  await t.test('unknown formats and bad options are refused before reading', async () => {
    const unknown = await run(['import', 'sick-leave', '--format', 'dk', '-'], 'x');
    assert.equal(unknown.code, 2);
    assert.equal(errors(unknown.stderr)[0]?.code, 'unknown_format');
    const none = await run(['import', 'sick-leave', '-'], 'x');
    assert.equal(none.code, 2);
    const date = await run(
      ['import', 'sick-leave', '--format', 'se', '--open-until', '2024-02-30', '-'],
      'x',
    );
    assert.equal(errors(date.stderr)[0]?.code, 'invalid_option');
    const missingFile = await run(['import', 'sick-leave', '--format', 'se', '/nonexistent/x.csv']);
    assert.equal(missingFile.code, 1);
    assert.equal(errors(missingFile.stderr)[0]?.code, 'read_failed');
  });
});

await test('workup import sick-leave: open periods, header names, progress', async (t) => {
  await t.test('--open-until closes open periods on that day and marks them open', async () => {
    const text = [SE_HEADER, '1;2024-01-01;;50', '2;2024-03-01;;100'].join('\n');
    const { code, stdout } = await run(
      ['import', 'sick-leave', '--format', 'se', '--open-until', '2024-02-15', '--skip-bad', '-'],
      text,
    );
    assert.equal(code, 2, 'the period starting after --open-until is bad');
    assert.deepEqual(periods(stdout), [
      {
        person: '1',
        from: '2024-01-01',
        to: '2024-02-15',
        degree: 50,
        source: 'register',
        open: true,
        extra: {},
      },
    ]);
  });

  await t.test(
    'matches header names case-insensitively, keeps unknown names as given, strips a BOM',
    async () => {
      const text =
        '\uFEFFLopNr;FOM;Tom;Omfattning;Arbetsgivare\n1;2024-01-01;2024-01-02;100;"Acme; AB"\n';
      const { code, stdout, stderr } = await run(
        ['import', 'sick-leave', '--format', 'se', '-'],
        text,
      );
      assert.equal(code, 0, stderr);
      assert.deepEqual(periods(stdout), [
        {
          person: '1',
          from: '2024-01-01',
          to: '2024-01-02',
          degree: 100,
          source: 'register',
          extra: { Arbetsgivare: 'Acme; AB' },
        },
      ]);
    },
  );

  await t.test(
    'reads a quoted field across lines; row numbers stay those of the file',
    async () => {
      const text =
        'person,from,to,degree,source,note\np,2024-01-01,2024-01-02,50,register,"two\nlines"\np,2024-01-05,2024-01-04,50,register,x';
      const { code, stderr } = await run(['import', 'sick-leave', '--format', 'csv', '-'], text);
      assert.equal(code, 2);
      assert.deepEqual(errors(stderr)[0]?.path, [4, 'to']);
      const good = await run(
        ['import', 'sick-leave', '--format', 'csv', '-'],
        text.split('\np,2024-01-05')[0],
      );
      assert.deepEqual(periods(good.stdout)[0]?.extra, { note: 'two\nlines' });
    },
  );

  await t.test('draws progress on a terminal only', async () => {
    const terminal = await run(
      ['import', 'sick-leave', '--format', 'fi', fixture('fi.csv')],
      '',
      true,
    );
    assert.match(terminal.stderr, /\rimporting fi \[#+\] 100% 4 lines/);
    const piped = await run(['import', 'sick-leave', '--format', 'fi', fixture('fi.csv')]);
    assert.ok(!piped.stderr.includes('\r'));
    assert.equal(terminal.stdout, piped.stdout);
  });

  await t.test('is listed in --help', async () => {
    const help = await run(['import', '--help']);
    assert.match(help.stdout, /sick-leave \[options\] <file>/);
    const own = await run(['import', 'sick-leave', '--help']);
    for (const columns of [
      'lopnr;fom;tom;omfattning',
      'lopenr;fom;tom;grad',
      'henkilo_id;alkupvm;loppupvm;etuus',
      'person,from,to,degree,source',
    ]) {
      assert.ok(own.stdout.includes(columns), columns);
    }
  });
});

describe('splitRecord (RFC 4180 quoting)', () => {
  test('splits on the delimiter and unquotes', () => {
    assert.deepEqual(splitRecord('a;b;;c', ';'), ['a', 'b', '', 'c']);
    assert.deepEqual(splitRecord('"a;b";"say ""hi""";""', ';'), ['a;b', 'say "hi"', '']);
    assert.deepEqual(splitRecord('', ','), ['']);
    assert.equal(splitRecord('"open', ','), null);
    assert.deepEqual(splitRecord('"two\nlines",x', ','), ['two\nlines', 'x']);
    assert.throws(() => splitRecord('a"b,c', ','), SyntaxError);
    assert.throws(() => splitRecord('"a"b,c', ','), SyntaxError);
  });
});
