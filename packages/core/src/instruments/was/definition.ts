import type { InstrumentDefinition } from '../types';

/**
 * Work Ability Score (reference.md §11.1): the first item of the Work Ability Index, current work
 * ability compared with the lifetime best, 0-10. The text and anchors are our own words.
 */
export const wasDefinition: InstrumentDefinition = {
  id: 'was',
  version: 'WAI-item-1',
  title: 'Work Ability Score',
  recallPeriod: 'Now',
  source: 'reference.md §11.1 (Work Ability Index item 1; El Fassi 2013, Jääskeläinen 2016)',
  licence: {
    owner: 'Finnish Institute of Occupational Health (FIOH), Work Ability Index',
    terms: 'Licence conditions not verified (reference.md §11.1 [U]). Paraphrase only.',
    wordingMayBeShipped: false,
  },
  items: [
    {
      kind: 'integer',
      key: '1',
      text: 'Give your work ability now a score from 0 to 10, where 10 is your work ability at its lifetime best',
      min: 0,
      max: 10,
      anchors: { min: 'Cannot work at all', max: 'Best it has ever been' },
    },
  ],
};
