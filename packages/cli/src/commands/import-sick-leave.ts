import { createHash } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import {
  CalendarDateSchema,
  SICK_LEAVE_IMPORT_FORMATS,
  SICK_LEAVE_IMPORT_SCHEMAS,
  SickLeaveImportFormatSchema,
  SickLeaveRecordSchema,
  type SickLeaveImportFormat,
  type SickLeaveRecord,
  type SickLeaveSource,
} from '@workup/contracts';
import { degreeNotAllowedReason, RTW_PRESETS } from '@workup/core';
import type { Command } from 'commander';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type ErrorBody } from '../errors';
import { readInputLines, writeJsonLine, type CliIo } from '../io';
import { createProgress } from '../progress';
import type { CommandContext } from './context';

/**
 * `workup import sick-leave --format <se|no|fi|csv> [--out FILE] [--merge] [--skip-bad]
 * [--open-until DATE] FILE`: reads a register extract, validates every row with its format's
 * schema (`@workup/contracts`), and writes normalised periods as NDJSON, deduplicated by a
 * stable key and sorted, so the same extract always gives byte-identical output. Formats and
 * columns: docs/rtw.md.
 */

export interface ImportSickLeaveOptions {
  readonly format?: string;
  readonly out?: string;
  readonly merge?: boolean;
  readonly skipBad?: boolean;
  readonly openUntil?: string;
}

/** Which preset's degree rule each register format is held to (csv: only 0-100). */
const FORMAT_PRESET = { se: 'se', no: 'no', fi: 'fi', csv: null } as const;

/** The column of each format that holds the degree (for error paths). */
const DEGREE_COLUMN = { se: 'omfattning', no: 'grad', fi: 'etuus', csv: 'degree' } as const;

/** The column of each format that holds the end date. */
const END_COLUMN = { se: 'tom', no: 'tom', fi: 'loppupvm', csv: 'to' } as const;

function rowError(row: number, column: string | null, message: string): CliError {
  const where = column === null ? `row ${row}` : `row ${row}, column "${column}"`;
  return new CliError('invalid_row', `${where}: ${message}`, EXIT_BAD_INPUT, [
    row,
    ...(column === null ? [] : [column]),
  ]);
}

/**
 * Splits one record of delimiter-separated text into fields (RFC 4180 quoting: a field in double
 * quotes may hold the delimiter, line breaks and `""` for a quote). Returns null while a quoted
 * field is still open at the end of `text` (the record goes on on the next line).
 */
export function splitRecord(text: string, delimiter: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let index = 0;
  let quoted = false;
  let fieldStart = true;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
        index += 1;
        const next = text[index];
        if (next !== undefined && next !== delimiter) {
          throw new SyntaxError('a closing quote must be followed by the delimiter or the end');
        }
        continue;
      }
      field += char;
      index += 1;
      continue;
    }
    if (char === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      index += 1;
      continue;
    }
    if (char === '"') throw new SyntaxError('a quote inside an unquoted field');
    if (char === delimiter) {
      fields.push(field);
      field = '';
      fieldStart = true;
      index += 1;
      continue;
    }
    field += char;
    fieldStart = false;
    index += 1;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

/** Records of the input, each with the line it starts on (1-based); blank lines skipped. */
async function* readRecords(
  file: string,
  delimiter: string,
  io: CliIo,
  onBytes: (bytes: number) => void,
): AsyncGenerator<{ line: number; fields: string[] }, void, undefined> {
  let lineNumber = 0;
  let pending: { line: number; text: string } | null = null;
  for await (const raw of readInputLines(file, io)) {
    lineNumber += 1;
    onBytes(Buffer.byteLength(raw) + 1);
    const text = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (pending === null && text.trim() === '') continue;
    const record: { line: number; text: string } =
      pending === null
        ? { line: lineNumber, text }
        : { line: pending.line, text: `${pending.text}\n${text}` };
    let fields: string[] | null;
    try {
      fields = splitRecord(record.text, delimiter);
    } catch (error) {
      throw rowError(record.line, null, error instanceof Error ? error.message : String(error));
    }
    if (fields === null) {
      pending = record;
      continue;
    }
    pending = null;
    yield { line: record.line, fields };
  }
  if (pending !== null) throw rowError(pending.line, null, 'a quoted field is never closed');
}

/** The stable key of a period: SHA-256 of its identifying fields (not of `extra`). */
export function periodKey(period: {
  person: string;
  from: string;
  to: string;
  degree: number;
  source: SickLeaveSource;
}): string {
  return createHash('sha256')
    .update(JSON.stringify([period.person, period.from, period.to, period.degree, period.source]))
    .digest('hex');
}

function compareRecords(a: SickLeaveRecord, b: SickLeaveRecord): number {
  const fields = [
    [a.person, b.person],
    [a.from, b.from],
    [a.to, b.to],
  ] as const;
  for (const [x, y] of fields) if (x !== y) return x < y ? -1 : 1;
  if (a.degree !== b.degree) return a.degree - b.degree;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The record's canonical line; of two records with one key, the smaller line is kept. */
function canonical(record: SickLeaveRecord): string {
  return JSON.stringify(record);
}

/** Keeps one record per key, choosing the same one whatever the order of arrival. */
function keep(records: Map<string, SickLeaveRecord>, record: SickLeaveRecord): boolean {
  const existing = records.get(record.key);
  if (existing !== undefined) {
    if (canonical(record) < canonical(existing)) records.set(record.key, record);
    return false;
  }
  records.set(record.key, record);
  return true;
}

function parseFormat(value: string | undefined): SickLeaveImportFormat {
  const parsed = SickLeaveImportFormatSchema.safeParse(value);
  if (!parsed.success) {
    throw new CliError(
      value === undefined ? 'usage' : 'unknown_format',
      value === undefined
        ? `--format is required: ${SICK_LEAVE_IMPORT_FORMATS.join(', ')}`
        : `unknown format "${value}"; known: ${SICK_LEAVE_IMPORT_FORMATS.join(', ')}`,
    );
  }
  return parsed.data;
}

function parseOpenUntil(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!CalendarDateSchema.safeParse(value).success) {
    throw new CliError('invalid_option', `--open-until must be a date YYYY-MM-DD, not "${value}"`);
  }
  return value;
}

/** Reads the records of an earlier import (`--merge`); a missing file is an empty one. */
async function readExisting(file: string): Promise<SickLeaveRecord[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CliError('read_failed', `cannot read ${file}: ${String(error)}`, EXIT_FAILURE);
  }
  return text
    .split('\n')
    .filter((text) => text !== '')
    .map((text, index) => {
      const where = `${file} line ${index + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        throw new CliError('invalid_existing_output', `${where} is not JSON`, EXIT_BAD_INPUT, [
          index + 1,
        ]);
      }
      const record = SickLeaveRecordSchema.safeParse(value);
      if (!record.success || record.data.key !== periodKey(record.data)) {
        throw new CliError(
          'invalid_existing_output',
          `${where} is not a record written by workup import sick-leave`,
          EXIT_BAD_INPUT,
          [index + 1],
        );
      }
      return record.data;
    });
}

/** Writes `text` to `file` through a temporary file and a rename, so readers never see half. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError('write_failed', `cannot write ${file}: ${String(error)}`, EXIT_FAILURE);
  }
}

async function fileSize(file: string): Promise<number | undefined> {
  if (file === '-') return undefined;
  try {
    return (await stat(file)).size;
  } catch {
    return undefined;
  }
}

/** Runs the import; returns the exit code (0, or 2 when a row was bad under `--skip-bad`). */
export async function runImportSickLeave(
  file: string,
  options: ImportSickLeaveOptions,
  io: CliIo,
): Promise<number> {
  const format = parseFormat(options.format);
  const openUntil = parseOpenUntil(options.openUntil);
  if (options.merge === true && options.out === undefined) {
    throw new CliError('usage', '--merge needs --out FILE (the file to merge into)');
  }
  const spec = SICK_LEAVE_IMPORT_SCHEMAS[format];
  const preset = FORMAT_PRESET[format] === null ? null : RTW_PRESETS[FORMAT_PRESET[format]];
  const progress = createProgress(io.stderr, {
    enabled: io.stderrIsTerminal === true,
    label: `importing ${format}`,
    totalBytes: await fileSize(file),
  });

  const records = new Map<string, SickLeaveRecord>();
  const badRows: ErrorBody[] = [];
  let header: string[] | null = null;
  let names: string[] = [];
  let unknown: { column: string; index: number }[] = [];
  let rows = 0;
  let duplicates = 0;
  let bytes = 0;
  const input = readRecords(file, spec.delimiter, io, (count) => {
    bytes += count;
  });
  for await (const { line: row, fields } of input) {
    if (header === null) {
      names = fields.map((name) => name.trim());
      header = names.map((name) => name.toLowerCase());
      const seen = new Set<string>();
      for (const name of header) {
        if (seen.has(name)) throw rowError(row, name, 'the column appears twice in the header');
        seen.add(name);
      }
      const missing = spec.columns.filter((column) => !seen.has(column));
      if (missing.length > 0) {
        throw new CliError(
          'missing_columns',
          `row ${row} (header): missing column(s) ${missing.join(', ')}; format ${format} has ${spec.columns.join(spec.delimiter)}`,
          EXIT_BAD_INPUT,
          [row, missing[0] ?? ''],
        );
      }
      const known = new Set<string>(spec.columns);
      // Unknown columns keep the name the extract gives them.
      unknown = header.flatMap((column, index) =>
        known.has(column) ? [] : [{ column: names[index] ?? column, index }],
      );
      if (unknown.length > 0) {
        const columns = unknown.map((entry) => entry.column);
        writeJsonLine(io.stderr, {
          warning: {
            code: 'unknown_columns',
            message: `columns not in format ${format}, kept in each record's "extra": ${columns.join(', ')}`,
            columns,
          },
        });
      }
      continue;
    }
    rows += 1;
    try {
      if (fields.length !== header.length) {
        throw rowError(row, null, `${fields.length} fields, but the header has ${header.length}`);
      }
      const cells = Object.fromEntries(
        header.map((column, index) => [column, fields[index] ?? '']),
      );
      const parsed = spec.row.safeParse(cells);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const column = typeof issue?.path[0] === 'string' ? issue.path[0] : null;
        throw rowError(row, column, issue?.message ?? 'invalid row');
      }
      const period = parsed.data;
      if (preset !== null) {
        const reason = degreeNotAllowedReason(preset, period.degree);
        if (reason !== null) throw rowError(row, DEGREE_COLUMN[format], reason);
      }
      let to = period.to;
      let open = false;
      if (to === null) {
        if (openUntil === undefined) {
          throw rowError(
            row,
            END_COLUMN[format],
            'empty: the period is open; pass --open-until DATE to close open periods on that day',
          );
        }
        if (openUntil < period.from) {
          throw rowError(
            row,
            END_COLUMN[format],
            `open period starts after --open-until ${openUntil}`,
          );
        }
        to = openUntil;
        open = true;
      }
      const identity = {
        person: period.person,
        from: period.from,
        to,
        degree: period.degree,
        source: period.source,
      };
      const record: SickLeaveRecord = {
        key: periodKey(identity),
        ...identity,
        ...(open ? { open: true as const } : {}),
        extra: Object.fromEntries(
          unknown.map(({ column, index }) => [column, fields[index] ?? '']),
        ),
      };
      if (!keep(records, record)) duplicates += 1;
    } catch (error) {
      if (!(error instanceof CliError) || options.skipBad !== true) throw error;
      badRows.push(error.toJSON());
    }
    progress.update(rows, bytes);
  }
  progress.finish(rows, bytes);
  if (header === null) throw new CliError('missing_columns', 'the input is empty: no header row');

  const extractPeriods = records.size;
  let alreadyPresent = 0;
  if (options.merge === true && options.out !== undefined) {
    for (const existing of await readExisting(options.out)) {
      if (!keep(records, existing)) alreadyPresent += 1;
    }
  }
  const output = [...records.values()]
    .sort(compareRecords)
    .map((record) => `${canonical(record)}\n`);
  if (options.out === undefined) io.stdout.write(output.join(''));
  else await writeAtomically(options.out, output.join(''));

  for (const body of badRows) writeJsonLine(io.stderr, body);
  writeJsonLine(io.stderr, {
    summary: {
      format,
      rows,
      periods: extractPeriods,
      duplicates,
      badRows: badRows.length,
      ...(options.merge === true ? { alreadyPresent } : {}),
      written: output.length,
    },
  });
  return badRows.length > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

/** Registers `import sick-leave` on the program; see `runImportSickLeave` and docs/rtw.md. */
export function registerImportSickLeaveCommand(program: Command, context: CommandContext): void {
  const importCommand =
    program.commands.find((command) => command.name() === 'import') ??
    program.command('import').description('import data from files (see the subcommands)');
  importCommand
    .command('sick-leave')
    .description('normalise a register extract of sick leave into NDJSON periods for workup rtw')
    .argument('<file>', 'the extract; "-" for standard input')
    .option('--format <format>', `extract format: ${SICK_LEAVE_IMPORT_FORMATS.join(', ')}`)
    .option('--out <file>', 'write the periods to FILE (atomically) instead of standard output')
    .option('--merge', 'with --out: keep the periods already in FILE and add the new ones')
    .option('--skip-bad', 'report bad rows on standard error and go on (exit code 2 at the end)')
    .option('--open-until <date>', 'close periods without an end date on this day (YYYY-MM-DD)')
    .addHelpText(
      'after',
      [
        '',
        'Columns (header row required; names case-insensitive; other columns are kept in "extra"):',
        ...SICK_LEAVE_IMPORT_FORMATS.map(
          (format) =>
            `  ${format.padEnd(4)} ${SICK_LEAVE_IMPORT_SCHEMAS[format].columns.join(SICK_LEAVE_IMPORT_SCHEMAS[format].delimiter)}`,
        ),
        'Output: one {"key", "person", "from", "to", "degree", "source", "open"?, "extra"} a line,',
        'sorted and deduplicated by "key"; a summary and any warnings go to standard error as JSON.',
        'A bad row exits 2 with {"error": {"code": "invalid_row", "message", "path": [row, column]}}',
        '(row = line of the file; the header is row 1). Formats: docs/rtw.md.',
      ].join('\n'),
    )
    .action(async (file: string, options: ImportSickLeaveOptions) => {
      context.setExitCode(await runImportSickLeave(file, options, context.io));
    });
}
