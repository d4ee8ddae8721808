import {
  sbtDefinition,
  scoreSbt,
  type InstrumentDefinition,
  type ScoreOutcome,
} from '@workup/core';

/** What `workup score` needs to know about one instrument. */
export interface ScorableInstrument {
  readonly definition: InstrumentDefinition;
  /** Value sets the instrument accepts through `--value-set` (e.g. EQ-5D); empty when none. */
  readonly valueSets: readonly string[];
  readonly score: (answers: unknown, options: { readonly valueSet?: string }) => ScoreOutcome;
}

/**
 * The instruments core can score today, by id (contracts.md §1). Add a row here when core
 * gains a scorer; `workup score --help` and the error for an unknown id list these ids.
 */
export const SCORABLE_INSTRUMENTS: ReadonlyMap<string, ScorableInstrument> = new Map([
  ['sbt', { definition: sbtDefinition, valueSets: [], score: (answers) => scoreSbt(answers) }],
]);
