/**
 * An incremental CSV reader (RFC 4180: comma-separated, double-quoted fields that may hold
 * commas, doubled quotes and line breaks; LF or CRLF line ends) that types its columns as R's
 * read.csv(na.strings = c("", "NA")) does. It does no I/O: the caller pushes text chunks (a file
 * streamed by the command line, a string in tests) and calls `finish()`.
 *
 * Only the columns asked for are kept. Each kept column is dictionary-encoded while it might be
 * text; a column that is still all numbers after `dictionaryLimit` distinct values keeps only
 * its numbers, and should it then meet a word, `finish()` throws a CsvError with code
 * `needs_text_pass` naming it: read the input again with that column in `textColumns`.
 */
import type { Column, DataFrame } from './types';
import { isMissingText, logicalValue, parseNumber } from './values';

export type CsvErrorCode =
  | 'csv_syntax'
  | 'csv_field_count'
  | 'csv_empty'
  | 'csv_duplicate_column'
  | 'unknown_column'
  | 'needs_text_pass';

/** A problem with the CSV input; `line` is 1-based (the header is line 1). */
export class CsvError extends Error {
  override readonly name = 'CsvError';

  constructor(
    readonly code: CsvErrorCode,
    message: string,
    readonly line: number | null = null,
    readonly columns: readonly string[] = [],
  ) {
    super(message);
  }
}

export interface CsvReaderOptions {
  /** Keep only these columns (all when absent). A name missing from the header is an error. */
  readonly columns?: readonly string[];
  /** Columns to dictionary-encode however many distinct values they have. */
  readonly textColumns?: readonly string[];
  /** Distinct values after which an all-numeric column stops being dictionary-encoded. */
  readonly dictionaryLimit?: number;
}

export interface CsvReader {
  /** Feeds the next piece of text (any split, even inside a field or a CRLF). */
  push(chunk: string): void;
  /** Ends the input and returns the typed columns. */
  finish(): DataFrame;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Growable typed storage for one kept column. */
class ColumnBuilder {
  numbers = new Float64Array(1024);
  codes: Int32Array | null = new Int32Array(1024);
  dictionary: Map<string, number> | null = new Map();
  readonly levels: string[] = [];
  readonly levelNumbers: number[] = [];
  allNumeric = true;
  allLogical = true;
  /** An all-numeric column without dictionary met a word. */
  needsText = false;
  count = 0;
  private lastText: string | null = null;
  private lastCode = -1;

  constructor(
    private readonly limit: number,
    private readonly keepDictionary: boolean,
  ) {}

  private grow(): void {
    const numbers = new Float64Array(this.numbers.length * 2);
    numbers.set(this.numbers);
    this.numbers = numbers;
    if (this.codes !== null) {
      const codes = new Int32Array(this.codes.length * 2);
      codes.set(this.codes);
      this.codes = codes;
    }
  }

  add(text: string): void {
    if (this.count === this.numbers.length) this.grow();
    const row = this.count;
    this.count += 1;
    if (isMissingText(text)) {
      this.numbers[row] = NaN;
      if (this.codes !== null) this.codes[row] = -1;
      return;
    }
    if (this.dictionary !== null && this.codes !== null) {
      let code = text === this.lastText ? this.lastCode : this.dictionary.get(text);
      if (code === undefined) {
        code = this.levels.length;
        this.dictionary.set(text, code);
        this.levels.push(text);
        const value = parseNumber(text);
        this.levelNumbers.push(value ?? NaN);
        if (value === null) this.allNumeric = false;
        if (logicalValue(text) === null) this.allLogical = false;
      }
      this.lastText = text;
      this.lastCode = code;
      this.codes[row] = code;
      this.numbers[row] = this.levelNumbers[code] ?? NaN;
      if (this.allNumeric && !this.keepDictionary && this.levels.length > this.limit) {
        // Many distinct numbers: keep only the numbers from here on.
        this.dictionary = null;
        this.codes = null;
        this.allLogical = false;
      }
      return;
    }
    const value = parseNumber(text);
    if (value === null) {
      this.allNumeric = false;
      this.needsText = true;
      this.numbers[row] = NaN;
    } else {
      this.numbers[row] = value;
    }
  }

  toColumn(): Column {
    const n = this.count;
    if (this.codes !== null && this.allLogical && this.levels.length > 0) {
      const words = this.levels.map((level) => logicalValue(level) ?? -1);
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i += 1) {
        const code = this.codes[i] ?? -1;
        codes[i] = code < 0 ? -1 : (words[code] ?? -1);
      }
      return { kind: 'logical', codes };
    }
    if (this.allNumeric) return { kind: 'numeric', values: this.numbers.slice(0, n) };
    if (this.codes === null) throw new Error('a text column lost its dictionary');
    return { kind: 'text', codes: this.codes.slice(0, n), levels: this.levels };
  }
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
  AfterQuoted,
}

/** Starts reading one CSV text; see the module comment. */
export function createCsvReader(options: CsvReaderOptions = {}): CsvReader {
  const wanted = options.columns === undefined ? null : new Set(options.columns);
  const textColumns = new Set(options.textColumns ?? []);
  const limit = options.dictionaryLimit ?? 65536;

  let header: string[] | null = null;
  let headerFields: string[] = [];
  /** Per field position: the builder of a kept column, or null. */
  let builders: (ColumnBuilder | null)[] = [];
  let state: State = State.FieldStart;
  let pending = '';
  let fieldIndex = 0;
  let recordHasContent = false;
  let skipLineFeed = false;
  let line = 1;
  /** Line where the current record (and so a field in it) began. */
  let recordLine = 1;
  let rows = 0;
  let firstChunk = true;

  const keepField = (): boolean => header === null || builders[fieldIndex] !== null;

  const endField = (text: string): void => {
    if (header === null) {
      headerFields.push(text);
    } else {
      const builder = builders[fieldIndex];
      if (builder) builder.add(text);
    }
    fieldIndex += 1;
  };

  const startColumns = (): void => {
    const names = headerFields;
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) {
        throw new CsvError(
          'csv_duplicate_column',
          `column "${name}" appears twice in the header`,
          1,
        );
      }
      seen.add(name);
    }
    if (wanted !== null) {
      const missing = [...wanted].filter((name) => !seen.has(name));
      if (missing.length > 0) {
        throw new CsvError(
          'unknown_column',
          `no column ${missing.map((name) => `"${name}"`).join(', ')} in the data (columns: ${names.join(', ')})`,
          1,
          missing,
        );
      }
    }
    header = names;
    builders = names.map((name) =>
      wanted === null || wanted.has(name) ? new ColumnBuilder(limit, textColumns.has(name)) : null,
    );
  };

  const endRecord = (): void => {
    if (!recordHasContent && fieldIndex === 1) {
      // A blank line: skipped, as read.csv does. Undo the empty field it produced.
      if (header !== null) {
        const builder = builders[0];
        if (builder) builder.count -= 1;
      } else {
        headerFields = [];
      }
    } else if (header === null) {
      startColumns();
    } else {
      if (fieldIndex !== header.length) {
        throw new CsvError(
          'csv_field_count',
          `line ${recordLine} has ${fieldIndex} fields; the header has ${header.length}`,
          recordLine,
        );
      }
      rows += 1;
    }
    fieldIndex = 0;
    recordHasContent = false;
    line += 1;
    recordLine = line;
  };

  const push = (input: string): void => {
    let chunk = input;
    if (firstChunk && chunk.length > 0) {
      firstChunk = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const n = chunk.length;
    let i = 0;
    if (skipLineFeed && n > 0) {
      skipLineFeed = false;
      if (chunk.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      if (state === State.Quoted) {
        const quote = chunk.indexOf('"', i);
        const end = quote < 0 ? n : quote;
        if (keepField()) pending += chunk.slice(i, end);
        for (let k = i; k < end; k += 1) if (chunk.charCodeAt(k) === LF) line += 1;
        if (quote < 0) return;
        i = quote + 1;
        state = State.QuoteInQuoted;
        continue;
      }
      if (state === State.QuoteInQuoted) {
        if (chunk.charCodeAt(i) === QUOTE) {
          if (keepField()) pending += '"';
          i += 1;
          state = State.Quoted;
          continue;
        }
        state = State.AfterQuoted;
      }
      if (state === State.FieldStart && chunk.charCodeAt(i) === QUOTE) {
        state = State.Quoted;
        recordHasContent = true;
        i += 1;
        continue;
      }
      // An unquoted field (or what follows a closing quote): up to a comma or a line end.
      let j = i;
      while (j < n) {
        const c = chunk.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        j += 1;
      }
      if (state === State.AfterQuoted && j > i) {
        throw new CsvError(
          'csv_syntax',
          `line ${recordLine}: text after a closing quote`,
          recordLine,
        );
      }
      if (j > i) {
        recordHasContent = true;
        if (keepField()) pending = pending === '' ? chunk.slice(i, j) : pending + chunk.slice(i, j);
      }
      if (j === n) {
        if (state === State.FieldStart) state = State.Unquoted;
        return;
      }
      const c = chunk.charCodeAt(j);
      endField(pending);
      pending = '';
      state = State.FieldStart;
      i = j + 1;
      if (c === COMMA) {
        recordHasContent = true;
        continue;
      }
      endRecord();
      if (c === CR) {
        if (i < n) {
          if (chunk.charCodeAt(i) === LF) i += 1;
        } else {
          skipLineFeed = true;
        }
      }
    }
  };

  const finish = (): DataFrame => {
    if (state === State.Quoted) {
      throw new CsvError(
        'csv_syntax',
        `line ${recordLine}: a quoted field is not closed`,
        recordLine,
      );
    }
    if (state !== State.FieldStart || fieldIndex > 0 || pending !== '') {
      endField(pending);
      pending = '';
      endRecord();
    }
    if (header === null) throw new CsvError('csv_empty', 'the data has no header line');
    const names: string[] = header;
    const needsText = names.filter((_, index) => builders[index]?.needsText === true);
    if (needsText.length > 0) {
      throw new CsvError(
        'needs_text_pass',
        `columns ${needsText.join(', ')} turned out to hold text after many numbers; read again with them as textColumns`,
        null,
        needsText,
      );
    }
    const columns = new Map<string, Column>();
    names.forEach((name, index) => {
      const builder = builders[index];
      if (builder) columns.set(name, builder.toColumn());
    });
    return { rowCount: rows, columns };
  };

  return { push, finish };
}

/** Reads a whole CSV text at once (tests, small inputs). */
export function parseCsv(text: string, options: CsvReaderOptions = {}): DataFrame {
  const reader = createCsvReader(options);
  reader.push(text);
  return reader.finish();
}
