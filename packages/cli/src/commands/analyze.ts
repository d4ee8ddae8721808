import { closeSync, openSync, readSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  baselineTable,
  bootstrapContrast,
  contrastOf,
  contrastWeights,
  createCsvReader,
  createRng,
  CsvError,
  fitLmm,
  FormulaError,
  ModelDataError,
  parseFormula,
  type BootstrapResult,
  type ContrastRow,
  type DataFrame,
  type LmmSummary,
  type Table1,
} from '@workup/stats';
import { Option, type Command } from 'commander';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type ErrorPath } from '../errors';
import { writeJsonLine, type CliIo } from '../io';
import type { CommandContext } from './context';

export interface LmmCommandOptions {
  readonly data: string;
  readonly formula: string;
  readonly ml?: boolean;
  readonly contrast?: readonly string[];
  readonly bootstrap?: string;
  readonly seed?: string;
  readonly strata?: string;
  readonly level?: string;
  readonly format?: string;
}

export interface Table1CommandOptions {
  readonly data: string;
  readonly by: string;
  readonly vars?: string;
  readonly categorical?: string;
  readonly format?: string;
}

/** One contrast in the output: the numbers of contest1D plus its weights and bootstrap. */
export interface ContrastOutput extends ContrastRow {
  readonly label: string;
  /** Non-zero weights of L by coefficient name (the parameterisation used). */
  readonly weights: Readonly<Record<string, number>>;
  readonly bootstrap?: Omit<BootstrapResult, 'estimates'> & { readonly seed: number };
}

/** The JSON written by `workup analyze lmm` (contracts.md §4, plus labels and contrasts). */
export type LmmOutput = LmmSummary & {
  readonly inference: { readonly df: string; readonly ci: string; readonly level: number };
  readonly contrasts?: readonly ContrastOutput[];
};

const CHUNK_BYTES = 1 << 22;

/**
 * Reads a CSV file (or standard input for "-") into the columns named (all when null), streaming
 * it through the stats package's reader. A column that turns out to be text only after many numbers is read
 * again as text (the reader keeps no dictionary for numeric-looking columns).
 */
export async function readCsvColumns(
  file: string,
  columns: readonly string[] | null,
  io: CliIo,
  textColumns: readonly string[] = [],
): Promise<DataFrame> {
  const reader = createCsvReader({
    ...(columns === null ? {} : { columns: [...new Set(columns)] }),
    textColumns,
  });
  const decoder = new TextDecoder();
  try {
    if (file === '-') {
      for await (const chunk of io.stdin) {
        reader.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      }
      reader.push(decoder.decode());
    } else {
      // Synchronous reads in large chunks: no event-loop round trip per chunk, bounded memory.
      const fd = openSync(file, 'r');
      try {
        const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
        for (let bytes = readSync(fd, buffer); bytes > 0; bytes = readSync(fd, buffer)) {
          reader.push(decoder.decode(buffer.subarray(0, bytes), { stream: true }));
        }
        reader.push(decoder.decode());
      } finally {
        closeSync(fd);
      }
    }
    return reader.finish();
  } catch (error) {
    if (error instanceof CsvError) {
      if (error.code === 'needs_text_pass' && file !== '-' && textColumns.length === 0) {
        return readCsvColumns(file, columns, io, error.columns);
      }
      const code = error.code === 'unknown_column' ? 'unknown_column' : 'invalid_csv';
      throw new CliError(code, `${file}: ${error.message}`, EXIT_BAD_INPUT, ['data'], {
        cause: error,
      });
    }
    if (error instanceof CliError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError('read_failed', `cannot read ${file}: ${detail}`, EXIT_FAILURE, ['data'], {
      cause: error,
    });
  }
}

/** Formula and data errors from the stats package as bad input (exit 2). */
function asBadInput(error: unknown, path: ErrorPath): never {
  if (error instanceof FormulaError) {
    throw new CliError('invalid_formula', error.message, EXIT_BAD_INPUT, path, { cause: error });
  }
  if (error instanceof ModelDataError) {
    throw new CliError('invalid_data', error.message, EXIT_BAD_INPUT, path, { cause: error });
  }
  throw error;
}

function parseNumberOption(value: string, name: string, check: (n: number) => boolean): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || !check(number)) {
    throw new CliError('invalid_option', `${name} ${value} is not valid`, EXIT_BAD_INPUT, [name]);
  }
  return number;
}

function parseFormat(format: string | undefined): 'json' | 'md' {
  if (format === undefined || format === 'json' || format === 'md') return format ?? 'json';
  throw new CliError('invalid_option', `--format must be json or md, not ${format}`);
}

/**
 * A bootstrap progress line on standard error, redrawn in place, only when standard error is a
 * terminal (as `workup score` draws its progress).
 */
function bootstrapProgress(io: CliIo, label: string): (done: number, total: number) => void {
  if (io.stderrIsTerminal !== true) return () => undefined;
  let lastDraw = -Infinity;
  return (done, total) => {
    const now = performance.now();
    if (done < total && now - lastDraw < 100) return;
    lastDraw = now;
    const filled = Math.round((done / total) * 24);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(24 - filled)}]`;
    const percent = ((100 * done) / total).toFixed(0).padStart(3);
    io.stderr.write(
      `\rbootstrap ${label} ${bar} ${percent}% ${done}/${total}\u001b[K${done === total ? '\n' : ''}`,
    );
  };
}

/** `workup analyze lmm`: fits the model and writes LmmOutput (or a Markdown report). */
export async function runLmm(options: LmmCommandOptions, io: CliIo): Promise<number> {
  const format = parseFormat(options.format);
  const level =
    options.level === undefined
      ? 0.95
      : parseNumberOption(options.level, 'level', (n) => n > 0 && n < 1);
  const replicates =
    options.bootstrap === undefined
      ? 0
      : parseNumberOption(options.bootstrap, 'bootstrap', (n) => Number.isInteger(n) && n >= 1);
  const seed =
    options.seed === undefined
      ? 1
      : parseNumberOption(options.seed, 'seed', (n) => Number.isInteger(n) && n >= 0);
  if (replicates > 0 && (options.contrast ?? []).length === 0) {
    throw new CliError('invalid_option', '--bootstrap needs at least one --contrast');
  }
  let formula;
  try {
    formula = parseFormula(options.formula);
  } catch (error) {
    asBadInput(error, ['formula']);
  }
  const columns = [
    formula.response,
    ...formula.variables.map((variable) => variable.column),
    ...formula.random.flatMap((term) => term.columns),
    ...(options.strata === undefined ? [] : [options.strata]),
  ];
  const data = await readCsvColumns(options.data, columns, io);
  let output: LmmOutput;
  try {
    const fit = fitLmm(data, options.formula, { reml: options.ml !== true, level });
    const contrasts = (options.contrast ?? []).map((spec, index): ContrastOutput => {
      let parsed;
      try {
        parsed = contrastWeights(spec, fit.formula, fit.design);
      } catch (error) {
        asBadInput(error, ['contrast', index]);
      }
      const weights: Record<string, number> = {};
      fit.coefficientNames.forEach((name, i) => {
        const weight = parsed.weights[i] ?? 0;
        if (weight !== 0) weights[name] = weight;
      });
      const row = contrastOf(fit, parsed.weights);
      if (replicates === 0) return { label: parsed.label, weights, ...row };
      const strataColumn =
        options.strata === undefined ? undefined : data.columns.get(options.strata);
      const strata =
        options.strata === undefined || strataColumn === undefined
          ? undefined
          : {
              column: options.strata,
              codeOfRow: (r: number): string => {
                if (strataColumn.kind === 'numeric') return String(strataColumn.values[r]);
                const code = strataColumn.codes[r] ?? -1;
                if (strataColumn.kind === 'logical') return String(code);
                return strataColumn.levels[code] ?? '';
              },
            };
      const { estimates: _, ...bootstrap } = bootstrapContrast(fit, parsed.weights, {
        replicates,
        // One stream per contrast, so adding a contrast does not change the others.
        rng: createRng(seed + index),
        ...(strata === undefined ? {} : { strata }),
        onProgress: bootstrapProgress(io, parsed.label),
      });
      return {
        label: parsed.label,
        weights,
        ...row,
        bootstrap: { ...bootstrap, seed: seed + index },
      };
    });
    output = {
      ...fit.summary,
      inference: {
        df: 'Satterthwaite (lmerTest)',
        ci: 'Wald: estimate -/+ t quantile on the Satterthwaite df times SE',
        level,
      },
      ...(contrasts.length > 0 ? { contrasts } : {}),
    };
  } catch (error) {
    asBadInput(error, ['data']);
  }
  if (format === 'md') io.stdout.write(lmmMarkdown(output));
  else writeJsonLine(io.stdout, output);
  return EXIT_OK;
}

function splitList(list: string | undefined): string[] | undefined {
  if (list === undefined) return undefined;
  return list
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `workup analyze table1`: the baseline table by arm, as JSON or Markdown. */
export async function runTable1(options: Table1CommandOptions, io: CliIo): Promise<number> {
  const format = parseFormat(options.format);
  const variables = splitList(options.vars);
  const categorical = splitList(options.categorical) ?? [];
  const data = await readCsvColumns(
    options.data,
    variables === undefined ? null : [options.by, ...variables, ...categorical],
    io,
  );
  if (variables === undefined && !data.columns.has(options.by)) {
    throw new CliError(
      'unknown_column',
      `no column "${options.by}" in ${options.data}`,
      EXIT_BAD_INPUT,
      ['by'],
    );
  }
  const table = baselineTable(data, {
    by: options.by,
    ...(variables === undefined ? {} : { variables }),
    categorical,
  });
  if (format === 'md') io.stdout.write(table1Markdown(table));
  else writeJsonLine(io.stdout, table);
  return EXIT_OK;
}

/** A number for reading: 5 significant digits, exponent only for very large or small ones. */
function fmt(value: number | undefined, digits = 5): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-4) return value.toExponential(digits - 1);
  return String(Number(value.toPrecision(digits)));
}

function fmtP(p: number | undefined): string {
  if (p === undefined || !Number.isFinite(p)) return '–';
  if (p < 1e-4) return '<0.0001';
  return p.toFixed(4);
}

function fmtCi(ci: readonly [number, number]): string {
  return `${fmt(ci[0])} to ${fmt(ci[1])}`;
}

/** The Markdown report of `analyze lmm --format md`. */
export function lmmMarkdown(output: LmmOutput): string {
  const percent = `${String(Number((output.inference.level * 100).toPrecision(4)))} %`;
  const groups = Object.entries(output.groups)
    .map(([group, count]) => `${group} ${count}`)
    .join(', ');
  const lines = [
    `## Linear mixed model (${output.method})`,
    '',
    `\`${output.formula}\``,
    '',
    `${output.nobs} observations; groups: ${groups}. Degrees of freedom: ${output.inference.df}; ${percent} CI: ${output.inference.ci}.`,
    '',
    `| term | estimate | SE | df | t | p | ${percent} CI |`,
    '|---|---:|---:|---:|---:|---:|---|',
    ...output.fixed.map(
      (row) =>
        `| ${row.term} | ${fmt(row.estimate)} | ${fmt(row.se)} | ${fmt(row.df, 4)} | ${fmt(row.t, 4)} | ${fmtP(row.p)} | ${fmtCi(row.ci)} |`,
    ),
    '',
    '| random effect | variance | SD |',
    '|---|---:|---:|',
    ...output.random.map((c) => `| ${c.group} | ${fmt(c.variance)} | ${fmt(c.sd)} |`),
    '',
    [
      `logLik ${fmt(output.logLik, 8)}`,
      output.REMLcrit === undefined
        ? `deviance ${fmt(output.deviance, 8)}`
        : `REML criterion ${fmt(output.REMLcrit, 8)}`,
      `AIC ${fmt(output.AIC, 8)}`,
      `BIC ${fmt(output.BIC, 8)}`,
    ].join('; '),
  ];
  if (output.contrasts !== undefined) {
    const boot = output.contrasts.some((c) => c.bootstrap !== undefined);
    lines.push(
      '',
      '### Contrasts',
      '',
      `| contrast | estimate | SE | df | t | p | ${percent} CI |${boot ? ` bootstrap SE | bootstrap ${percent} CI |` : ''}`,
      `|---|---:|---:|---:|---:|---:|---|${boot ? '---:|---|' : ''}`,
      ...output.contrasts.map((c) => {
        const extra =
          c.bootstrap === undefined
            ? boot
              ? ' – | – |'
              : ''
            : ` ${fmt(c.bootstrap.se)} | ${fmtCi(c.bootstrap.ci)} |`;
        return `| ${c.label} | ${fmt(c.estimate)} | ${fmt(c.se)} | ${fmt(c.df, 4)} | ${fmt(c.t, 4)} | ${fmtP(c.p)} | ${fmtCi(c.ci)} |${extra}`;
      }),
    );
    for (const c of output.contrasts) {
      if (c.bootstrap !== undefined) {
        lines.push(
          '',
          `Bootstrap of ${c.label}: ${c.bootstrap.replicates} resamples of ${c.bootstrap.clusters}${c.bootstrap.strata === null ? '' : ` within ${c.bootstrap.strata}`}, seed ${c.bootstrap.seed}, percentile interval${c.bootstrap.failed > 0 ? `, ${c.bootstrap.failed} failed` : ''}.`,
        );
      }
    }
  }
  if (output.notes.length > 0) lines.push('', ...output.notes.map((note) => `- ${note}`));
  return `${lines.join('\n')}\n`;
}

/** The Markdown report of `analyze table1 --format md`. */
export function table1Markdown(table: Table1): string {
  const header = `| | ${table.groups.map((g) => `${g.group} (n = ${g.n})`).join(' | ')} | p |`;
  const lines = [
    `## Baseline characteristics by ${table.by}`,
    '',
    header,
    `|---|${table.groups.map(() => '---|').join('')}---|`,
  ];
  for (const row of table.rows) {
    if (row.type === 'continuous') {
      const { welch, wilcoxon } = row.tests;
      lines.push(
        `| ${row.variable}, mean (SD) | ${row.groups.map((g) => `${fmt(g.mean, 4)} (${fmt(g.sd, 3)})`).join(' | ')} | ${welch === null ? '–' : `${fmtP(welch.p)} (Welch t)`} |`,
        `| ${row.variable}, median (IQR) | ${row.groups.map((g) => `${fmt(g.median, 4)} (${fmt(g.q1, 4)} to ${fmt(g.q3, 4)})`).join(' | ')} | ${wilcoxon === null ? '–' : `${fmtP(wilcoxon.p)} (Wilcoxon${wilcoxon.exact ? ', exact' : ''})`} |`,
      );
      if (row.groups.some((g) => g.missing > 0)) {
        lines.push(
          `| ${row.variable}, missing | ${row.groups.map((g) => String(g.missing)).join(' | ')} | |`,
        );
      }
    } else {
      const { chisq, fisher } = row.tests;
      const tests = [
        chisq === null ? null : `${fmtP(chisq.p)} (χ²${chisq.corrected ? ', Yates' : ''})`,
        fisher === null ? null : `${fmtP(fisher.p)} (Fisher)`,
      ]
        .filter((test) => test !== null)
        .join('; ');
      lines.push(
        `| ${row.variable}, n (%) | ${row.groups.map(() => '').join(' | ')} | ${tests || '–'} |`,
      );
      row.levels.forEach((level, l) => {
        lines.push(
          `| &nbsp;&nbsp;${level} | ${row.groups.map((g) => `${g.counts[l] ?? 0} (${fmt(g.percents[l], 3)} %)`).join(' | ')} | |`,
        );
      });
      if (row.groups.some((g) => g.missing > 0)) {
        lines.push(
          `| &nbsp;&nbsp;missing | ${row.groups.map((g) => String(g.missing)).join(' | ')} | |`,
        );
      }
    }
  }
  if (table.excluded > 0)
    lines.push('', `${table.excluded} rows without ${table.by} were left out.`);
  return `${lines.join('\n')}\n`;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Registers `analyze lmm` and `analyze table1` on the program. */
export function registerAnalyzeCommand(program: Command, context: CommandContext): void {
  const analyze = program
    .command('analyze')
    .description('analyses of trial data: CSV in, JSON (or Markdown) out');
  analyze
    .command('lmm')
    .description(
      'fit a linear mixed model with nested random intercepts (lme4 formula), REML by default',
    )
    .requiredOption(
      '--data <file>',
      'CSV with a header line; empty fields and NA are missing; "-" for stdin',
    )
    .requiredOption(
      '--formula <formula>',
      'lme4 formula, e.g. "y ~ arm*factor(visit) + age + (1|unit) + (1|unit:patient)"',
    )
    .option('--ml', 'maximum likelihood instead of REML')
    .option(
      '--contrast <spec>',
      'a contrast, repeatable: "arm=workup-control@visit=12" or "armworkup + armworkup:factor(visit)12"',
      collect,
      [],
    )
    .option(
      '--bootstrap <B>',
      'cluster bootstrap of each contrast with B resamples of the top-level clusters',
    )
    .option('--seed <n>', 'seed of the bootstrap (default 1; contrast i uses seed + i)')
    .option('--strata <column>', 'resample clusters within the values of this column (e.g. arm)')
    .option('--level <p>', 'confidence level (default 0.95)')
    .addOption(new Option('--format <format>', 'json or md').choices(['json', 'md']))
    .addHelpText(
      'after',
      [
        '',
        'Output (JSON): {"formula", "method", "fixed": [{"term", "estimate", "se", "df", "t", "p", "ci"}],',
        '"random": [{"group", "variance", "sd"}], "logLik", "REMLcrit" or "deviance", "AIC", "BIC", "nobs",',
        '"groups", "singular", "notes", "inference", "contrasts"}: the numbers of lme4 and lmerTest',
        '(Satterthwaite df, Wald CI on those df). Rows with a missing value in a used column are dropped.',
        'Exit codes: 0 fitted, 2 bad input (error JSON on stderr), 1 anything else.',
        '',
        'Example:',
        '  workup analyze lmm --data trial.csv --formula "y ~ arm*factor(visit) + age + (1|unit/patient)" \\',
        '    --contrast "arm=workup-control@visit=12" --bootstrap 1000 --strata arm --format md',
      ].join('\n'),
    )
    .action(async (options: LmmCommandOptions) => {
      context.setExitCode(await runLmm(options, context.io));
    });
  analyze
    .command('table1')
    .description("baseline table by arm: mean (SD), median (IQR), n (%) with R's tests")
    .requiredOption('--data <file>', 'CSV with a header line; "-" for stdin')
    .requiredOption('--by <column>', 'the grouping column, e.g. arm')
    .option('--vars <list>', 'comma-separated columns to describe (default: all others)')
    .option('--categorical <list>', 'comma-separated numeric columns to describe as categories')
    .addOption(new Option('--format <format>', 'json or md').choices(['json', 'md']))
    .addHelpText(
      'after',
      [
        '',
        'Continuous columns: mean, SD, median, quartiles (R type 7), Welch t-test and Wilcoxon rank-sum',
        'test (two groups). Categorical: counts and % of non-missing, chi-square (Yates for 2x2) and',
        "Fisher's exact test. Every p-value as R's stats package computes it.",
      ].join('\n'),
    )
    .action(async (options: Table1CommandOptions) => {
      context.setExitCode(await runTable1(options, context.io));
    });
}
