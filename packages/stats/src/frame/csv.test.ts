import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { CsvError, createCsvReader, parseCsv } from './csv';
import type { Column, DataFrame } from './types';

/** A column as plain values, for comparisons. */
function plain(column: Column | undefined): unknown[] {
  if (column === undefined) return [];
  if (column.kind === 'numeric')
    return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
  if (column.kind === 'logical') return Array.from(column.codes, (c) => (c < 0 ? null : c === 1));
  return Array.from(column.codes, (c) => (c < 0 ? null : column.levels[c]));
}

function frameToPlain(frame: DataFrame): Record<string, unknown> {
  return Object.fromEntries(
    [...frame.columns].map(([name, column]) => [
      name,
      { kind: column.kind, values: plain(column) },
    ]),
  );
}

await test('CSV reader', async (t) => {
  await t.test('types columns as read.csv(na.strings = c("", "NA")) does', () => {
    const frame = parseCsv('id,x,flag,name\n1,2.5,TRUE,a\n2,,F,"b"\n3,NA,T,\n4,1e3,NA,NA\n');
    assert.equal(frame.rowCount, 4);
    assert.deepEqual(frameToPlain(frame), {
      id: { kind: 'numeric', values: [1, 2, 3, 4] },
      x: { kind: 'numeric', values: [2.5, null, null, 1000] },
      flag: { kind: 'logical', values: [true, false, true, null] },
      name: { kind: 'text', values: ['a', 'b', null, null] },
    });
  });

  await t.test(
    'reads RFC 4180 quoting: commas, doubled quotes and line breaks in fields, CRLF',
    () => {
      const frame = parseCsv('a,b\r\n"x, ""quoted""","line\r\nbreak"\r\n"3",4\r\n');
      assert.deepEqual(plain(frame.columns.get('a')), ['x, "quoted"', '3']);
      assert.deepEqual(plain(frame.columns.get('b')), ['line\r\nbreak', '4']);
    },
  );

  await t.test('a quoted number is a number, as in R', () => {
    const frame = parseCsv('"v"\n"1.5"\n"2"\n');
    assert.deepEqual(frameToPlain(frame), { v: { kind: 'numeric', values: [1.5, 2] } });
  });

  await t.test(
    'skips blank lines and a byte-order mark; a final line without newline counts',
    () => {
      const frame = parseCsv('\uFEFFa,b\n\n1,2\n\n3,4');
      assert.equal(frame.rowCount, 2);
      assert.deepEqual(plain(frame.columns.get('a')), [1, 3]);
      assert.deepEqual(plain(frame.columns.get('b')), [2, 4]);
    },
  );

  await t.test('gives the same frame however the text is split into chunks', () => {
    const text =
      'u,"p",y\r\n"U1","P, 1",1.5\n"U1","P ""2""",NA\r\nU2,,3\n"U3","multi\nline",-4e-1\n';
    const whole = frameToPlain(parseCsv(text));
    fc.assert(
      fc.property(fc.array(fc.nat(text.length), { maxLength: 8 }), (cuts) => {
        const reader = createCsvReader();
        let start = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          reader.push(text.slice(start, cut));
          start = cut;
        }
        reader.push(text.slice(start));
        assert.deepEqual(frameToPlain(reader.finish()), whole);
      }),
    );
  });

  await t.test('reads whole lines the same way as the character-by-character state machine', () => {
    // Fed one character at a time no record lies within one chunk, so only the state machine
    // runs; fed whole, most records take the fast path.
    const value = fc.constantFrom(
      '',
      'NA',
      'a',
      'a,b',
      'x"y',
      'line\nbreak',
      '12',
      '-3.5',
      ' 7',
      'TRUE',
      'é',
    );
    const quoted = (text: string, always: boolean): string =>
      always || /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    const table = fc.record({
      rows: fc.array(fc.array(fc.tuple(value, fc.boolean()), { minLength: 3, maxLength: 3 }), {
        maxLength: 6,
      }),
      crlf: fc.boolean(),
      blank: fc.boolean(),
    });
    fc.assert(
      fc.property(table, ({ rows, crlf, blank }) => {
        const end = crlf ? '\r\n' : '\n';
        const lines = ['a,b,c', ...rows.map((row) => row.map(([v, q]) => quoted(v, q)).join(','))];
        if (blank) lines.splice(1, 0, '');
        const text = lines.join(end) + end;
        const slow = createCsvReader();
        for (const character of text) slow.push(character);
        assert.deepEqual(frameToPlain(parseCsv(text)), frameToPlain(slow.finish()));
      }),
    );
  });

  await t.test('keeps only the columns asked for and names a missing one', () => {
    const frame = parseCsv('a,b,c\n1,x,3\n', { columns: ['c', 'a'] });
    assert.deepEqual([...frame.columns.keys()], ['a', 'c']);
    assert.throws(
      () => parseCsv('a,b\n1,2\n', { columns: ['a', 'zz'] }),
      (error: unknown) =>
        error instanceof CsvError && error.code === 'unknown_column' && error.columns[0] === 'zz',
    );
  });

  await t.test('refuses a wrong number of fields, an unclosed quote, a duplicate column', () => {
    const code = (text: string): string => {
      try {
        parseCsv(text);
        return 'none';
      } catch (error) {
        return error instanceof CsvError ? `${error.code}@${error.line ?? '-'}` : 'other';
      }
    };
    assert.equal(code('a,b\n1,2\n3\n'), 'csv_field_count@3');
    assert.equal(code('a,b\n1,"2\n'), 'csv_syntax@2');
    assert.equal(code('a,b\n"1"x,2\n'), 'csv_syntax@2');
    assert.equal(code('a,a\n1,2\n'), 'csv_duplicate_column@1');
    assert.equal(code(''), 'csv_empty@-');
  });

  await t.test('a column that turns to text after many numbers asks for a second pass', () => {
    const lines = ['v', ...Array.from({ length: 50 }, (_, i) => String(i)), 'word'];
    const text = `${lines.join('\n')}\n`;
    assert.throws(
      () => parseCsv(text, { dictionaryLimit: 10 }),
      (error: unknown) =>
        error instanceof CsvError && error.code === 'needs_text_pass' && error.columns[0] === 'v',
    );
    const frame = parseCsv(text, { dictionaryLimit: 10, textColumns: ['v'] });
    const column = frame.columns.get('v');
    assert.equal(column?.kind, 'text');
    assert.deepEqual(plain(column).slice(-2), ['49', 'word']);
    // Many distinct numbers stay numeric without a dictionary.
    const numeric = parseCsv(`${lines.slice(0, -1).join('\n')}\n`, { dictionaryLimit: 10 });
    assert.deepEqual(plain(numeric.columns.get('v')).slice(-2), [48, 49]);
  });

  await t.test('reads the trial fixture with the types R gives it', () => {
    const frame = parseCsv(
      readFileSync(new URL('../../golden/trial.csv', import.meta.url), 'utf8'),
    );
    assert.equal(frame.rowCount, 1072);
    assert.deepEqual(
      Object.fromEntries([...frame.columns].map(([name, column]) => [name, column.kind])),
      {
        unit: 'text',
        patient: 'text',
        arm: 'text',
        visit: 'numeric',
        age: 'numeric',
        sex: 'text',
        risk: 'text',
        y: 'numeric',
      },
    );
  });
});
