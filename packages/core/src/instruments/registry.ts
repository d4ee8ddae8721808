import { INSTRUMENT_IDS, type InstrumentId } from '@workup/contracts';
import { sbtInstrument } from './sbt/score';
import { eq5d3lInstrument } from './eq5d3l/score';
import { promisPf20Instrument } from './promis_pf20/score';
import { painNrsInstrument } from './pain_nrs/score';
import { motivationInstrument } from './motivation/score';
import { redFlagsInstrument } from './red_flags/score';
import { workInstrument } from './work/score';
import { startMskInstrument } from './startmsk/score';
import { ompsq10Instrument } from './ompsq10/score';
import { odiInstrument } from './odi/score';
import { rmdqInstrument } from './rmdq/score';
import { fabqInstrument } from './fabq/score';
import { pseqInstrument } from './pseq/score';
import { bbqInstrument } from './bbq/score';
import { wasInstrument } from './was/score';
import { depsInstrument } from './deps/score';
import type { Instrument, ScoreOptions, ScoreOutcome } from './types';

/**
 * Every instrument workup knows, by id (contracts.md §1). An instrument is added here when its
 * folder holds a definition, a scorer, cases.json and a README; the conformance suite then runs
 * on it.
 */
const REGISTERED: readonly Instrument[] = [
  sbtInstrument,
  ompsq10Instrument,
  odiInstrument,
  rmdqInstrument,
  fabqInstrument,
  pseqInstrument,
  bbqInstrument,
  wasInstrument,
  depsInstrument,
  eq5d3lInstrument,
  promisPf20Instrument,
  painNrsInstrument,
  motivationInstrument,
  redFlagsInstrument,
  workInstrument,
  startMskInstrument,
];

export const INSTRUMENTS: ReadonlyMap<InstrumentId, Instrument> = new Map(
  REGISTERED.map((instrument) => [instrument.definition.id, instrument]),
);

/** True when `id` names a registered instrument. */
export function isInstrumentId(id: string): id is InstrumentId {
  return (INSTRUMENT_IDS as readonly string[]).includes(id) && INSTRUMENTS.has(id as InstrumentId);
}

/** The instrument with this id, or undefined when none is registered. */
export function findInstrument(id: string): Instrument | undefined {
  return isInstrumentId(id) ? INSTRUMENTS.get(id) : undefined;
}

/**
 * Scores a response to the instrument `id`. An unknown id, a structure-only instrument, a bad
 * option or a bad answer is an issue, never an exception.
 */
export function scoreInstrument(
  id: string,
  answers: unknown,
  options: ScoreOptions = {},
): ScoreOutcome {
  const instrument = findInstrument(id);
  if (instrument === undefined) {
    return { ok: false, issues: [{ path: ['instrument'], message: `unknown instrument "${id}"` }] };
  }
  return instrument.score(answers, options);
}
