/**
 * @workup/stats: pure numerics for trial analysis, each checked against golden values computed
 * with R (packages/stats/golden, statistics.md): linear mixed models with nested random
 * intercepts (lme4 and lmerTest's numbers), contrasts and a cluster bootstrap, the baseline
 * table with R's tests, and the distribution functions underneath. No I/O: data arrive as a
 * DataFrame (built by the incremental CSV reader from text the caller reads), randomness as a
 * seeded Rng, progress as a callback.
 */
export type {
  Column,
  DataFrame,
  LogicalColumn,
  NumericColumn,
  RecordValue,
  TextColumn,
} from './frame/types';
export { dataFrameFromRecords } from './frame/types';
export { CsvError, createCsvReader, parseCsv } from './frame/csv';
export type { CsvErrorCode, CsvReader, CsvReaderOptions } from './frame/csv';
export { compareLevels, formatNumberLikeR, parseNumber } from './frame/values';

export { FormulaError, parseFormula } from './lmm/formula';
export type { ParsedFormula, RandomTerm, FormulaVariable } from './lmm/formula';
export { ModelDataError } from './lmm/design';
export { contrastOf, fitLmm } from './lmm/fit';
export type {
  ContrastRow,
  FixedEffectRow,
  LmmFit,
  LmmOptions,
  LmmSummary,
  VarianceComponent,
} from './lmm/fit';
export { contrastWeights } from './lmm/contrast';
export type { ContrastSpec } from './lmm/contrast';
export { bootstrapContrast } from './lmm/bootstrap';
export type { BootstrapOptions, BootstrapResult } from './lmm/bootstrap';
export { createRng } from './random';
export type { Rng } from './random';

export { baselineTable } from './descriptive/table1';
export type {
  CategoricalGroup,
  CategoricalRow,
  ContinuousRow,
  ContinuousSummary,
  Table1,
  Table1Options,
  Table1Row,
} from './descriptive/table1';
export { chiSquareTest, fisherExactTest, welchTTest, wilcoxonTest } from './descriptive/tests';
export type {
  ChiSquareResult,
  FisherResult,
  TTestResult,
  WilcoxonResult,
} from './descriptive/tests';
export { averageRanks, mean, quantile7, sd, variance } from './descriptive/summary';

export { dnorm, pnorm, qnorm } from './distributions/normal';
export { dt, pt, qt } from './distributions/t';
export { pchisq, pgamma } from './distributions/gamma';
export { pbeta } from './distributions/beta';
export { lgamma } from './distributions/special';
export { pwilcox } from './distributions/wilcoxon';
