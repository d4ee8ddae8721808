import { INSTRUMENTS, type Instrument } from '@workup/core';

/**
 * The instruments `workup score` can score: every registered instrument that is not structure
 * only (contracts.md §1). `workup score --help` and the error for an unknown id list these.
 */
export const SCORABLE_INSTRUMENTS: ReadonlyMap<string, Instrument> = new Map(
  [...INSTRUMENTS].filter(([, instrument]) => instrument.scorable),
);
