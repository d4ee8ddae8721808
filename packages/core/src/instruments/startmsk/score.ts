import { createScorer } from '../scorer';
import type { Instrument, ScoringRule } from '../types';
import { startMskDefinition } from './definition';

/** Why STarT MSK returns no scores (reference.md §2, §26 item 1). */
export const STARTMSK_NOT_SCORED_REASON =
  'structure only until the scoring sheet is verified (reference.md §26)';

export const STARTMSK_MISSING_DATA_RULE: ScoringRule = {
  name: 'not-scored',
  description:
    'No response is scored, complete or not, until the pain-item banding and the risk cut-offs are taken from the licensed Keele scoring sheet.',
  source: 'reference.md §2, §26',
  verification: 'U',
};

/**
 * Validates a STarT MSK response (codes out of range are rejected, never clamped) and returns
 * no scores: the tool is structure only until its scoring sheet is verified.
 */
export const scoreStartMsk = createScorer({
  definition: startMskDefinition,
  cutOffs: [],
  valueSets: [],
  compute: () => ({ scores: null, reason: STARTMSK_NOT_SCORED_REASON }),
});

export const startMskInstrument: Instrument = {
  definition: startMskDefinition,
  scorable: false,
  cutOffs: [],
  missingDataRule: STARTMSK_MISSING_DATA_RULE,
  rules: [
    {
      name: 'scoring-unverified',
      description:
        'Reported but not implemented: items 2-10 yes = 1, the pain item banded to more than one point, total 0-12, risk low 0-4, medium 5-8, high 9-12. The banding is unknown and the cut-offs are recalled, not verified.',
      source: 'reference.md §2',
      verification: 'U',
    },
  ],
  valueSets: [],
  conformanceSkips: {
    'minimum-and-maximum':
      'structure only: no total exists until the scoring sheet is verified (reference.md §26 item 1), so there is no minimum or maximum score to check',
    'cut-offs-both-sides':
      'structure only: the risk cut-offs (low 0-4, medium 5-8, high 9-12) are [U] and not implemented until the scoring sheet is verified (reference.md §26 item 1)',
  },
  score: scoreStartMsk,
};
