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

/** Index of the first comma, LF or CR in chunk[from, n), or n. */
function delimiterAt(chunk: string, from: number, n: number): number {
  let j = from;
  while (j < n) {
    const c = chunk.charCodeAt(j);
    if (c === COMMA || c === LF || c === CR) return j;
    j += 1;
  }
  return n;
}

/**
 * The fast path for whole records that lie in one chunk: a line without CR inside it, whose
 * fields are unquoted or quoted without doubled quotes, with the header's number of fields.
 * Splits each such line into `ranges` (start, end per field), hands them to the builders and
 * returns where it stopped: at the first record it cannot take (the state machine then reads
 * that one, including any error), or at the end of the last whole line.
 */
function fastRecords(
  chunk: string,
  from: number,
  builders: readonly (ColumnBuilder | null)[],
  ranges: Int32Array,
  counts: { rows: number; lines: number },
): number {
  const fields = builders.length;
  const n = chunk.length;
  const anyCr = chunk.includes('\r', from);
  let pos = from;
  while (pos < n) {
    const lineEnd = chunk.indexOf('\n', pos);
    if (lineEnd < 0) return pos;
    let end = lineEnd;
    if (anyCr) {
      if (end > pos && chunk.charCodeAt(end - 1) === CR) end -= 1;
      const cr = chunk.indexOf('\r', pos);
      if (cr >= 0 && cr < end) return pos;
    }
    if (end === pos) {
      // A blank line: skipped.
      pos = lineEnd + 1;
      counts.lines += 1;
      continue;
    }
    let f = 0;
    let s = pos;
    for (;;) {
      if (f >= fields) return pos;
      if (chunk.charCodeAt(s) === QUOTE) {
        const close = chunk.indexOf('"', s + 1);
        if (close < 0 || close >= end) return pos;
        const after = close + 1;
        if (after < end && chunk.charCodeAt(after) !== COMMA) return pos;
        ranges[2 * f] = s + 1;
        ranges[2 * f + 1] = close;
        s = after;
      } else {
        const comma = chunk.indexOf(',', s);
        const fieldEnd = comma < 0 || comma > end ? end : comma;
        const quote = chunk.indexOf('"', s);
        if (quote >= 0 && quote < fieldEnd) return pos;
        ranges[2 * f] = s;
        ranges[2 * f + 1] = fieldEnd;
        s = fieldEnd;
      }
      f += 1;
      if (s >= end) break;
      s += 1; // the comma
      if (s === end) {
        // A trailing comma: one more, empty field.
        if (f >= fields) return pos;
        ranges[2 * f] = end;
        ranges[2 * f + 1] = end;
        f += 1;
        break;
      }
    }
    if (f !== fields) return pos;
    for (let k = 0; k < fields; k += 1) {
      builders[k]?.addRange(chunk, ranges[2 * k] ?? 0, ranges[2 * k + 1] ?? 0);
    }
    counts.rows += 1;
    counts.lines += 1;
    pos = lineEnd + 1;
  }
  return pos;
}

/** Exact powers of ten (every 10^k with k <= 22 is a double). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The value of chunk[start, end) when it is a plain decimal ([-+]digits[.digits], at most 15
 * digits), else NaN. An integer below 2^53 divided by an exact power of ten is correctly rounded,
 * so this equals Number() of the same text.
 */
function plainDecimal(chunk: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  const first = chunk.charCodeAt(i);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i += 1;
  }
  let integer = 0;
  let decimals = 0;
  let digits = 0;
  let point = false;
  for (; i < end; i += 1) {
    const c = chunk.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      integer = integer * 10 + (c - 48);
      digits += 1;
      if (point) decimals += 1;
    } else if (c === 46 && !point) {
      point = true;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15 || decimals > 22) return NaN;
  const value = integer / (POWERS_OF_TEN[decimals] ?? NaN);
  return negative ? -value : value;
}

/** Growable typed storage for one kept column. */
class ColumnBuilder {
  numbers = new Float64Array(65536);
  codes: Int32Array | null = new Int32Array(65536);
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

  /** Records a missing value; returns false. */
  private missing(row: number): void {
    this.numbers[row] = NaN;
    if (this.codes !== null) this.codes[row] = -1;
  }

  /** The next row index, growing the storage when needed. */
  private nextRow(): number {
    if (this.count === this.numbers.length) this.grow();
    const row = this.count;
    this.count += 1;
    return row;
  }

  /** Adds a level of the dictionary and returns its code. */
  private insert(text: string): number {
    const code = this.levels.length;
    this.dictionary?.set(text, code);
    this.levels.push(text);
    if (!this.allNumeric && !this.allLogical) {
      // Known to be text: what the level would be as a number or a logical no longer matters.
      this.levelNumbers.push(NaN);
      return code;
    }
    const value = parseNumber(text);
    this.levelNumbers.push(value ?? NaN);
    if (value === null) this.allNumeric = false;
    if (logicalValue(text) === null) this.allLogical = false;
    return code;
  }

  private store(row: number, code: number): void {
    this.lastText = this.levels[code] ?? null;
    this.lastCode = code;
    if (this.codes !== null) this.codes[row] = code;
    if (this.allNumeric) this.numbers[row] = this.levelNumbers[code] ?? NaN;
    if (this.allNumeric && !this.keepDictionary && this.levels.length > this.limit) {
      // Many distinct numbers: keep only the numbers from here on.
      this.dictionary = null;
      this.codes = null;
      this.allLogical = false;
    }
  }

  private storeNumber(row: number, text: string): void {
    const value = parseNumber(text);
    if (value === null) {
      this.allNumeric = false;
      this.needsText = true;
      this.numbers[row] = NaN;
    } else {
      this.numbers[row] = value;
    }
  }

  /** Adds a field given as a string (one that spanned chunks or held doubled quotes). */
  add(text: string): void {
    const row = this.nextRow();
    if (isMissingText(text)) {
      this.missing(row);
    } else if (this.dictionary !== null) {
      const code = text === this.lastText ? this.lastCode : this.dictionary.get(text);
      this.store(row, code ?? this.insert(text));
    } else {
      this.storeNumber(row, text);
    }
  }

  /**
   * Adds the field chunk[start, end) without making a string of it when it repeats the previous
   * value, matches one of a few levels, or is a plain decimal number.
   */
  addRange(chunk: string, start: number, end: number): void {
    const row = this.nextRow();
    const length = end - start;
    if (length === 0 || (length === 2 && chunk.startsWith('NA', start))) {
      this.missing(row);
      return;
    }
    if (this.dictionary !== null) {
      const last = this.lastText;
      if (last?.length === length && chunk.startsWith(last, start)) {
        this.store(row, this.lastCode);
        return;
      }
      const levels = this.levels;
      if (levels.length <= 16) {
        for (let code = 0; code < levels.length; code += 1) {
          const level = levels[code] ?? '';
          if (level.length === length && chunk.startsWith(level, start)) {
            this.store(row, code);
            return;
          }
        }
        this.store(row, this.insert(chunk.slice(start, end)));
        return;
      }
      const text = chunk.slice(start, end);
      this.store(row, this.dictionary.get(text) ?? this.insert(text));
      return;
    }
    const value = plainDecimal(chunk, start, end);
    if (Number.isNaN(value)) this.storeNumber(row, chunk.slice(start, end));
    else this.numbers[row] = value;
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
  const limit = options.dictionaryLimit ?? 4096;

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

  const endFieldRange = (chunk: string, start: number, end: number): void => {
    if (header === null) {
      headerFields.push(chunk.slice(start, end));
    } else {
      const builder = builders[fieldIndex];
      if (builder) builder.addRange(chunk, start, end);
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
    ranges = new Int32Array(2 * names.length);
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

  const counts = { rows: 0, lines: 0 };
  let ranges = new Int32Array(0);

  const countLines = (chunk: string, start: number, end: number): void => {
    for (let k = chunk.indexOf('\n', start); k >= 0 && k < end; k = chunk.indexOf('\n', k + 1)) {
      line += 1;
    }
  };

  /**
   * Fields that lie within one chunk go to the builders as ranges of it; a field that spans
   * chunks or holds doubled quotes is assembled in `pending` first.
   */
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
      if (state === State.FieldStart && fieldIndex === 0 && header !== null) {
        counts.rows = 0;
        counts.lines = 0;
        const next = fastRecords(chunk, i, builders, ranges, counts);
        rows += counts.rows;
        line += counts.lines;
        recordLine = line;
        if (next > i) {
          i = next;
          continue;
        }
      }
      let delimiter: number;
      if (state === State.Quoted) {
        const quote = chunk.indexOf('"', i);
        const end = quote < 0 ? n : quote;
        if (keepField()) pending += chunk.slice(i, end);
        countLines(chunk, i, end);
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
      if (state === State.AfterQuoted) {
        const c = chunk.charCodeAt(i);
        if (c !== COMMA && c !== LF && c !== CR) {
          throw new CsvError(
            'csv_syntax',
            `line ${recordLine}: text after a closing quote`,
            recordLine,
          );
        }
        endField(pending);
        delimiter = i;
      } else if (state === State.FieldStart && chunk.charCodeAt(i) === QUOTE) {
        recordHasContent = true;
        const close = chunk.indexOf('"', i + 1);
        const after = close + 1;
        if (close < 0 || after >= n || chunk.charCodeAt(after) === QUOTE) {
          // The field continues in the next chunk or holds a doubled quote: assemble it.
          state = State.Quoted;
          pending = '';
          i += 1;
          continue;
        }
        const c = chunk.charCodeAt(after);
        if (c !== COMMA && c !== LF && c !== CR) {
          throw new CsvError(
            'csv_syntax',
            `line ${recordLine}: text after a closing quote`,
            recordLine,
          );
        }
        countLines(chunk, i + 1, close);
        endFieldRange(chunk, i + 1, close);
        delimiter = after;
      } else {
        // An unquoted field: up to a comma or a line end.
        const j = delimiterAt(chunk, i, n);
        if (j > i) recordHasContent = true;
        if (j === n) {
          if (keepField() && j > i) pending += chunk.slice(i, j);
          state = State.Unquoted;
          return;
        }
        if (state === State.Unquoted) {
          if (keepField()) pending += chunk.slice(i, j);
          endField(pending);
        } else {
          endFieldRange(chunk, i, j);
        }
        delimiter = j;
      }
      pending = '';
      state = State.FieldStart;
      i = delimiter + 1;
      const c = chunk.charCodeAt(delimiter);
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
