import type { Eq5d3lScores, Eq5d3lValueSet } from '@workup/contracts';
import { createScorer } from '../scorer';
import type { Instrument, ScoringRule, ValueSet } from '../types';
import { EQ5D3L_DIMENSIONS, eq5d3lDefinition, type Eq5d3lDimension } from './definition';

const SOURCE = 'reference.md §9.3';

/**
 * One value set of the additive model of reference.md §9.2, as published: the start value
 * (full health), the constant subtracted for any level of 2 or more, the one subtracted for any
 * level 3, and per dimension the decrements of levels 2 and 3 (level 1 subtracts nothing).
 * Decimals exactly as in reference.md §9.3; `null` where the set has no such term.
 */
export interface Eq5d3lCoefficients {
  readonly fullHealth: number;
  readonly anyProblem: number | null;
  readonly anyLevel3: number | null;
  readonly decrements: Readonly<Record<Eq5d3lDimension, readonly [level2: number, level3: number]>>;
}

/** The coefficients of reference.md §9.3 [V2 for every set], transcribed column by column. */
export const EQ5D3L_COEFFICIENTS: Readonly<Record<Eq5d3lValueSet, Eq5d3lCoefficients>> = {
  // UK TTO, Dolan 1997.
  uk_tto: {
    fullHealth: 1,
    anyProblem: 0.081,
    anyLevel3: 0.269,
    decrements: {
      MO: [0.069, 0.314],
      SC: [0.104, 0.214],
      UA: [0.036, 0.094],
      PD: [0.123, 0.386],
      AD: [0.071, 0.236],
    },
  },
  // Sweden TTO, experience-based, Burström 2014 Model 4: 11111 = 0.9694, no "any problem" term.
  se_tto: {
    fullHealth: 0.9694,
    anyProblem: null,
    anyLevel3: 0.0433,
    decrements: {
      MO: [0.0666, 0.1247],
      SC: [0.0276, 0.0276],
      UA: [0.1012, 0.1355],
      PD: [0.0345, 0.0904],
      AD: [0.0552, 0.2077],
    },
  },
  // Denmark TTO, Wittrup-Jensen 2009: no "any level 3" term.
  dk_tto: {
    fullHealth: 1,
    anyProblem: 0.114,
    anyLevel3: null,
    decrements: {
      MO: [0.053, 0.411],
      SC: [0.063, 0.192],
      UA: [0.048, 0.144],
      PD: [0.062, 0.396],
      AD: [0.068, 0.367],
    },
  },
  // UK VAS (Szende, Oppe & Devlin 2007).
  uk_vas: {
    fullHealth: 1,
    anyProblem: 0.155,
    anyLevel3: 0.215,
    decrements: {
      MO: [0.071, 0.182],
      SC: [0.093, 0.145],
      UA: [0.031, 0.081],
      PD: [0.084, 0.171],
      AD: [0.063, 0.124],
    },
  },
  // Finland VAS (Szende, Oppe & Devlin 2007): no "any level 3" term.
  fi_vas: {
    fullHealth: 1,
    anyProblem: 0.158,
    anyLevel3: null,
    decrements: {
      MO: [0.058, 0.23],
      SC: [0.098, 0.143],
      UA: [0.047, 0.131],
      PD: [0.111, 0.153],
      AD: [0.16, 0.196],
    },
  },
  // European VAS (Szende, Oppe & Devlin 2007).
  eu_vas: {
    fullHealth: 1,
    anyProblem: 0.1279,
    anyLevel3: 0.2288,
    decrements: {
      MO: [0.0659, 0.1829],
      SC: [0.1173, 0.1559],
      UA: [0.0264, 0.086],
      PD: [0.093, 0.1637],
      AD: [0.0891, 0.129],
    },
  },
};

export const EQ5D3L_VALUE_SETS_INFO: readonly ValueSet[] = [
  {
    id: 'uk_tto',
    description: 'UK time trade-off (Dolan 1997); the default',
    source: SOURCE,
    verification: 'V2',
  },
  {
    id: 'se_tto',
    description: 'Swedish experience-based time trade-off (Burström et al. 2014, Model 4)',
    source: SOURCE,
    verification: 'V2',
  },
  {
    id: 'dk_tto',
    description: 'Danish time trade-off (Wittrup-Jensen et al. 2009)',
    source: SOURCE,
    verification: 'V2',
  },
  {
    id: 'uk_vas',
    description: 'UK visual analogue scale (Szende, Oppe & Devlin 2007)',
    source: SOURCE,
    verification: 'V2',
  },
  {
    id: 'fi_vas',
    description: 'Finnish visual analogue scale (Szende, Oppe & Devlin 2007)',
    source: SOURCE,
    verification: 'V2',
  },
  {
    id: 'eu_vas',
    description: 'European visual analogue scale (Szende, Oppe & Devlin 2007)',
    source: SOURCE,
    verification: 'V2',
  },
];

/** Coefficients have at most four decimals: the index is computed in exact ten-thousandths. */
const UNITS_PER_ONE = 10_000;
const toUnits = (value: number): number => Math.round(value * UNITS_PER_ONE);

/** A profile as its five levels, e.g. [1, 1, 2, 2, 1] for "11221". */
export type Eq5d3lLevels = readonly [number, number, number, number, number];

/**
 * The index of a profile under a value set, in exact ten-thousandths (an integer), before
 * rounding: the additive model of reference.md §9.2.
 */
export function eq5d3lIndexUnits(levels: Eq5d3lLevels, valueSet: Eq5d3lValueSet): number {
  const set = EQ5D3L_COEFFICIENTS[valueSet];
  let units = toUnits(set.fullHealth);
  EQ5D3L_DIMENSIONS.forEach((dimension, index) => {
    const level = levels[index] ?? 1;
    if (level === 2) units -= toUnits(set.decrements[dimension][0]);
    if (level === 3) units -= toUnits(set.decrements[dimension][1]);
  });
  if (set.anyProblem !== null && levels.some((level) => level >= 2)) {
    units -= toUnits(set.anyProblem);
  }
  if (set.anyLevel3 !== null && levels.some((level) => level === 3)) {
    units -= toUnits(set.anyLevel3);
  }
  return units;
}

/**
 * Ten-thousandths rounded to 3 decimals, halves away from zero (0.7285 -> 0.729,
 * -0.0745 -> -0.075); never -0.
 */
export function roundEq5d3lIndex(units: number): number {
  const thousandths = Math.floor((Math.abs(units) + 5) / 10);
  if (thousandths === 0) return 0;
  return (Math.sign(units) * thousandths) / 1000;
}

/** The index of a profile under a value set, to 3 decimals (contracts.md §1). */
export function eq5d3lIndex(levels: Eq5d3lLevels, valueSet: Eq5d3lValueSet): number {
  return roundEq5d3lIndex(eq5d3lIndexUnits(levels, valueSet));
}

export const EQ5D3L_MISSING_DATA_RULE: ScoringRule = {
  name: 'index-needs-all-five-dimensions',
  description:
    'The profile and index need all five dimensions (no imputation in any value set); the VAS is reported on its own and may be missing. With a dimension missing, profile and index are null and the VAS is still reported; with nothing answered, the response is not scored.',
  source: 'reference.md §9.1',
  verification: 'U',
};

export const EQ5D3L_RULES: readonly ScoringRule[] = [
  {
    name: 'additive-model',
    description:
      'index = full health - C (any level 2 or 3) - the decrement of each dimension at its level - N3 (any level 3); coefficients per value set.',
    source: 'reference.md §9.2, §9.3',
    verification: 'V2',
  },
  {
    name: 'index-rounding',
    description:
      'The index is computed exactly in ten-thousandths and rounded to 3 decimals, halves away from zero. Exact halves occur only in se_tto and eu_vas (e.g. se_tto 12321 = 0.7285 -> 0.729, which the R package eq5d reports as 0.728 within a tolerance of 0.0011).',
    source: 'contracts.md §1 (3 decimals); reference.md §9.3 test vectors',
    verification: 'U',
  },
];

/** Null when a dimension is missing; the levels otherwise. */
function levelsOf(answers: Readonly<Record<string, number | null | undefined>>) {
  const levels = EQ5D3L_DIMENSIONS.map((dimension) => answers[dimension]);
  if (levels.some((level) => level === null || level === undefined)) return null;
  return levels as unknown as Eq5d3lLevels;
}

/**
 * Scores an EQ-5D-3L response: the 5-digit profile, the index under the chosen value set
 * (option `valueSet`, default `uk_tto`) and the VAS. Codes are validated, never clamped.
 */
export const scoreEq5d3l = createScorer({
  definition: eq5d3lDefinition,
  cutOffs: [],
  valueSets: EQ5D3L_VALUE_SETS_INFO,
  compute: ({ answers, missing, valueSet }) => {
    const vas = answers.VAS ?? null;
    const levels = levelsOf(answers);
    if (levels === null) {
      if (vas === null) {
        return {
          scores: null,
          reason: `EQ-5D-3L needs all five dimensions for the profile and index, or the VAS; missing: ${missing.join(', ')}`,
        };
      }
      const scores: Eq5d3lScores = { profile: null, index: null, vas };
      return { scores };
    }
    const scores: Eq5d3lScores = {
      profile: levels.join(''),
      index: eq5d3lIndex(levels, (valueSet ?? 'uk_tto') as Eq5d3lValueSet),
      vas,
    };
    return { scores };
  },
});

export const eq5d3lInstrument: Instrument = {
  definition: eq5d3lDefinition,
  scorable: true,
  cutOffs: [],
  missingDataRule: EQ5D3L_MISSING_DATA_RULE,
  rules: EQ5D3L_RULES,
  valueSets: EQ5D3L_VALUE_SETS_INFO,
  score: scoreEq5d3l,
};
