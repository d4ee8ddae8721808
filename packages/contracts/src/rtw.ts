import { z } from 'zod';

/**
 * Sick leave and return to work (contracts.md §4, `workup rtw`; reference.md §23): the input and
 * output of the RTW computation, and the rows of the register extracts that
 * `workup import sick-leave` reads. The rules that depend on a country (which degrees a preset
 * allows, how spells are joined) live with the presets in `@workup/core`; these schemas check
 * shape, calendar dates, date order and the 0-100 range, and never clamp.
 */

/** Country presets (reference.md §23): Sweden, Norway, Finland, the UK. */
export const RTW_PRESET_IDS = ['se', 'no', 'fi', 'uk'] as const;
export const RtwPresetIdSchema = z.enum(RTW_PRESET_IDS);
export type RtwPresetId = z.infer<typeof RtwPresetIdSchema>;

/** Where a period of sick leave comes from. */
export const SICK_LEAVE_SOURCES = ['certificate', 'self_report', 'register'] as const;
export const SickLeaveSourceSchema = z.enum(SICK_LEAVE_SOURCES);
export type SickLeaveSource = z.infer<typeof SickLeaveSourceSchema>;

/** A calendar date `YYYY-MM-DD` that exists (2023-02-29 and 2024-04-31 are refused). */
export const CalendarDateSchema = z.iso.date({
  error: 'must be a calendar date YYYY-MM-DD that exists',
});
export type CalendarDate = z.infer<typeof CalendarDateSchema>;

/** True when `value` has at most two decimals (e.g. 33.33), so net days can be summed exactly. */
function hasAtMostTwoDecimals(value: number): boolean {
  return Math.round(value * 100) / 100 === value;
}

/**
 * The degree of sick leave in percent of full time: 0-100 with at most two decimals. 0 means no
 * sick leave on those days; out of range is refused, never clamped.
 */
export const SickLeaveDegreeSchema = z
  .number()
  .min(0, { error: 'must be between 0 and 100 (percent)' })
  .max(100, { error: 'must be between 0 and 100 (percent)' })
  .refine(hasAtMostTwoDecimals, { error: 'must have at most two decimals' });

/** One period of sick leave of one person; `from` and `to` inclusive. */
export const SickLeavePeriodSchema = z
  .object({
    person: z.string().min(1, { error: 'must not be empty' }),
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    degree: SickLeaveDegreeSchema,
    source: SickLeaveSourceSchema.optional(),
  })
  .refine((period) => period.from <= period.to, {
    error: 'must not be before "from"',
    path: ['to'],
  });
export type SickLeavePeriod = z.infer<typeof SickLeavePeriodSchema>;

/** The follow-up window: `start` is inclusion, `end` the last day observed (both inclusive). */
export const FollowUpSchema = z
  .object({ start: CalendarDateSchema, end: CalendarDateSchema })
  .refine((window) => window.start <= window.end, {
    error: 'must not be before "start"',
    path: ['end'],
  });
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** Input of `workup rtw` (contracts.md §4). */
export const RtwInputSchema = z.object({
  periods: z.array(SickLeavePeriodSchema),
  followUp: FollowUpSchema,
});
export type RtwInput = z.infer<typeof RtwInputSchema>;

/** One spell: first and last sick day; days counted within the follow-up window only. */
export const RtwSpellSchema = z.strictObject({
  from: CalendarDateSchema,
  to: CalendarDateSchema,
  grossDays: z.int().min(0),
  netDays: z.number().min(0),
});
export type RtwSpell = z.infer<typeof RtwSpellSchema>;

/** The outcome for one person (contracts.md §4, definitions 1-5). */
export const RtwPersonResultSchema = z.strictObject({
  person: z.string(),
  spells: z.array(RtwSpellSchema),
  grossDays: z.int().min(0),
  netDays: z.number().min(0),
  rtw: CalendarDateSchema.nullable(),
  sustainedRtw: CalendarDateSchema.nullable(),
  censored: z.boolean(),
});
export type RtwPersonResult = z.infer<typeof RtwPersonResultSchema>;

/** Output of `workup rtw` (contracts.md §4); `preset` is null when none was chosen. */
export const RtwResultSchema = z.strictObject({
  preset: RtwPresetIdSchema.nullable(),
  algorithmVersion: z.string(),
  persons: z.array(RtwPersonResultSchema),
});
export type RtwResult = z.infer<typeof RtwResultSchema>;

// ---------------------------------------------------------------------------------------------
// Register import (`workup import sick-leave --format <se|no|fi|csv>`). Column names are our
// documented assumption of each register's extract (docs/rtw.md), not the registers' own.

export const SICK_LEAVE_IMPORT_FORMATS = ['se', 'no', 'fi', 'csv'] as const;
export const SickLeaveImportFormatSchema = z.enum(SICK_LEAVE_IMPORT_FORMATS);
export type SickLeaveImportFormat = z.infer<typeof SickLeaveImportFormatSchema>;

/**
 * One normalised period written by the import, one JSON object a line. `key` is stable (the same
 * period always gets the same key) and is what re-imports deduplicate on; `open` marks a period
 * whose end was missing in the extract and was closed at `--open-until`; `extra` carries the
 * extract's unknown columns as they were. Every record is also a valid `workup rtw` period.
 */
export const SickLeaveRecordSchema = z.strictObject({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  person: z.string().min(1),
  from: CalendarDateSchema,
  to: CalendarDateSchema,
  degree: SickLeaveDegreeSchema,
  source: SickLeaveSourceSchema,
  open: z.literal(true).optional(),
  extra: z.record(z.string(), z.string()),
});
export type SickLeaveRecord = z.infer<typeof SickLeaveRecordSchema>;

/** A parsed row before the import closes open periods: `to` is null when the cell was empty. */
export interface SickLeaveRow {
  readonly person: string;
  readonly from: CalendarDate;
  readonly to: CalendarDate | null;
  readonly degree: number;
  readonly source: SickLeaveSource;
}

const DATE_ERROR = { error: 'must be a calendar date that exists' };

/** A date written in one of the given patterns, each capturing year, month and day by name. */
function registerDate(patterns: readonly RegExp[], described: string) {
  return z
    .string()
    .trim()
    .transform((text, context) => {
      for (const pattern of patterns) {
        const groups = pattern.exec(text)?.groups;
        if (groups?.y !== undefined && groups.m !== undefined && groups.d !== undefined) {
          return `${groups.y}-${groups.m.padStart(2, '0')}-${groups.d.padStart(2, '0')}`;
        }
      }
      context.issues.push({ code: 'custom', input: text, message: `must be a date ${described}` });
      return z.NEVER;
    })
    .pipe(z.iso.date(DATE_ERROR));
}

/** An end date that may be empty (an open period). */
function optionalEnd(date: ReturnType<typeof registerDate>) {
  return z.union([
    z
      .string()
      .trim()
      .length(0)
      .transform(() => null),
    date,
  ]);
}

const ISO_DATE = /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$/;
const COMPACT_DATE = /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/;
const NORWEGIAN_DATE = /^(?<d>\d{2})\.(?<m>\d{2})\.(?<y>\d{4})$/;
const FINNISH_DATE = /^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})$/;

const personId = z.string().trim().min(1, { error: 'must not be empty' });

/** A whole number of percent written as digits, e.g. `50`. */
const percentText = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, { error: 'must be a whole number of percent, e.g. 50' })
  .transform(Number)
  .pipe(SickLeaveDegreeSchema);

/** A percent with at most two decimals, `.` as decimal mark, e.g. `50` or `33.33`. */
const decimalPercentText = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, { error: 'must be a number of percent, e.g. 50 or 33.33' })
  .transform(Number)
  .pipe(SickLeaveDegreeSchema);

function endNotBeforeStart(column: string) {
  return {
    error: `must not be before the start date`,
    path: [column],
  };
}

/**
 * Sweden, a Försäkringskassan-style extract (`;`-separated): `lopnr` (pseudonymised person
 * number), `fom` and `tom` (first and last day, `YYYY-MM-DD` or `YYYYMMDD`; `tom` empty when
 * the period is open), `omfattning` (degree in percent).
 */
export const SeSickLeaveRowSchema = z
  .object({
    lopnr: personId,
    fom: registerDate([ISO_DATE, COMPACT_DATE], 'YYYY-MM-DD or YYYYMMDD'),
    tom: optionalEnd(registerDate([ISO_DATE, COMPACT_DATE], 'YYYY-MM-DD or YYYYMMDD')),
    omfattning: percentText,
  })
  .refine((row) => row.tom === null || row.fom <= row.tom, endNotBeforeStart('tom'))
  .transform((row): SickLeaveRow => ({
    person: row.lopnr,
    from: row.fom,
    to: row.tom,
    degree: row.omfattning,
    source: 'register',
  }));

/**
 * Norway, a NAV-style extract (`;`-separated): `lopenr` (pseudonymised person number), `fom` and
 * `tom` (`DD.MM.YYYY`; `tom` empty when open), `grad` (degree in percent).
 */
export const NoSickLeaveRowSchema = z
  .object({
    lopenr: personId,
    fom: registerDate([NORWEGIAN_DATE], 'DD.MM.YYYY'),
    tom: optionalEnd(registerDate([NORWEGIAN_DATE], 'DD.MM.YYYY')),
    grad: percentText,
  })
  .refine((row) => row.tom === null || row.fom <= row.tom, endNotBeforeStart('tom'))
  .transform((row): SickLeaveRow => ({
    person: row.lopenr,
    from: row.fom,
    to: row.tom,
    degree: row.grad,
    source: 'register',
  }));

/**
 * Kela's benefit codes in the Finnish extract and the degree each stands for: full sickness
 * allowance 100 %, partial sickness allowance 50 % (about 35 % vs 70 % of annual income,
 * reference.md §23.4).
 */
export const FI_BENEFIT_DEGREES = { SV: 100, OSASV: 50 } as const;
export type FiBenefitCode = keyof typeof FI_BENEFIT_DEGREES;

/**
 * Finland, a Kela-style extract (`;`-separated): `henkilo_id` (pseudonymised person id),
 * `alkupvm` and `loppupvm` (`D.M.YYYY`; `loppupvm` empty when open), `etuus` (`SV` full or
 * `OSASV` partial sickness allowance).
 */
export const FiSickLeaveRowSchema = z
  .object({
    henkilo_id: personId,
    alkupvm: registerDate([FINNISH_DATE], 'D.M.YYYY'),
    loppupvm: optionalEnd(registerDate([FINNISH_DATE], 'D.M.YYYY')),
    etuus: z
      .string()
      .trim()
      .pipe(z.enum(['SV', 'OSASV'], { error: 'must be SV (full) or OSASV (partial)' })),
  })
  .refine(
    (row) => row.loppupvm === null || row.alkupvm <= row.loppupvm,
    endNotBeforeStart('loppupvm'),
  )
  .transform((row): SickLeaveRow => ({
    person: row.henkilo_id,
    from: row.alkupvm,
    to: row.loppupvm,
    degree: FI_BENEFIT_DEGREES[row.etuus],
    source: 'register',
  }));

/**
 * workup's own CSV (`,`-separated): `person`, `from` and `to` (`YYYY-MM-DD`; `to` empty when
 * open), `degree` (0-100, at most two decimals, `.` as decimal mark), `source`
 * (`certificate`, `self_report` or `register`).
 */
export const CsvSickLeaveRowSchema = z
  .object({
    person: personId,
    from: registerDate([ISO_DATE], 'YYYY-MM-DD'),
    to: optionalEnd(registerDate([ISO_DATE], 'YYYY-MM-DD')),
    degree: decimalPercentText,
    source: z.string().trim().pipe(SickLeaveSourceSchema),
  })
  .refine((row) => row.to === null || row.from <= row.to, endNotBeforeStart('to'))
  .transform((row): SickLeaveRow => row);

/** Each import format: its delimiter, its columns (in the documented order) and its row schema. */
export const SICK_LEAVE_IMPORT_SCHEMAS = {
  se: { delimiter: ';', columns: ['lopnr', 'fom', 'tom', 'omfattning'], row: SeSickLeaveRowSchema },
  no: { delimiter: ';', columns: ['lopenr', 'fom', 'tom', 'grad'], row: NoSickLeaveRowSchema },
  fi: {
    delimiter: ';',
    columns: ['henkilo_id', 'alkupvm', 'loppupvm', 'etuus'],
    row: FiSickLeaveRowSchema,
  },
  csv: {
    delimiter: ',',
    columns: ['person', 'from', 'to', 'degree', 'source'],
    row: CsvSickLeaveRowSchema,
  },
} as const satisfies Record<
  SickLeaveImportFormat,
  {
    delimiter: string;
    columns: readonly string[];
    row: z.ZodType<SickLeaveRow, Record<string, string>>;
  }
>;
