/**
 * A column-oriented data set as the models read it, typed the way R's read.csv types columns
 * (type.convert): a column whose values are all logical words is logical, one whose values all
 * parse as numbers is numeric, anything else is text. Missing values are NaN (numeric) or code
 * -1 (text, logical).
 */

export interface NumericColumn {
  readonly kind: 'numeric';
  /** One value per row; NaN where the value is missing. */
  readonly values: Float64Array;
}

export interface TextColumn {
  readonly kind: 'text';
  /** Index into `levels` per row; -1 where the value is missing. */
  readonly codes: Int32Array;
  /** Distinct values in order of first appearance (not sorted). */
  readonly levels: readonly string[];
}

export interface LogicalColumn {
  readonly kind: 'logical';
  /** 0 for FALSE, 1 for TRUE, -1 where missing. */
  readonly codes: Int32Array;
}

export type Column = NumericColumn | TextColumn | LogicalColumn;

export interface DataFrame {
  readonly rowCount: number;
  /** Columns by name, in file order. */
  readonly columns: ReadonlyMap<string, Column>;
}

/** A value of a record given to `dataFrameFromRecords`: null or undefined is missing. */
export type RecordValue = string | number | boolean | null | undefined;

/**
 * Builds a data frame from plain objects (tests, callers that already hold parsed data). A
 * column of numbers (and missing values) is numeric, of booleans logical, anything else text;
 * NaN, null, undefined, "" and "NA" are missing.
 */
export function dataFrameFromRecords(
  records: readonly Readonly<Record<string, RecordValue>>[],
): DataFrame {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    for (const name of Object.keys(record)) {
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  const columns = new Map<string, Column>();
  for (const name of names) {
    const values = records.map((record) => record[name]);
    const present = values.filter((value) => !isMissing(value));
    if (present.every((value) => typeof value === 'number')) {
      columns.set(name, {
        kind: 'numeric',
        values: Float64Array.from(values, (value) => (typeof value === 'number' ? value : NaN)),
      });
    } else if (present.every((value) => typeof value === 'boolean')) {
      columns.set(name, {
        kind: 'logical',
        codes: Int32Array.from(values, (value) =>
          typeof value === 'boolean' ? Number(value) : -1,
        ),
      });
    } else {
      const levels: string[] = [];
      const index = new Map<string, number>();
      const codes = Int32Array.from(values, (value) => {
        if (isMissing(value)) return -1;
        const text = String(value);
        let code = index.get(text);
        if (code === undefined) {
          code = levels.length;
          index.set(text, code);
          levels.push(text);
        }
        return code;
      });
      columns.set(name, { kind: 'text', codes, levels });
    }
  }
  return { rowCount: records.length, columns };
}

function isMissing(value: RecordValue): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    value === 'NA' ||
    (typeof value === 'number' && Number.isNaN(value))
  );
}
