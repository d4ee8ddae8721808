/**
 * @workup/stats: pure numerics for trial analysis (mixed models, survival, sample size,
 * descriptive tables, cost-effectiveness), each checked against golden values computed with R
 * (../shared/design/statistics.md). The package is part of the layout from the start so that
 * its boundaries are enforced; the statistics engine issue fills it.
 */
export {};
