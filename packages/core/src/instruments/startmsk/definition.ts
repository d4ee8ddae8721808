import type { ChoiceItem, InstrumentDefinition } from '../types';

const NO_YES = [
  { code: 0, label: 'No' },
  { code: 1, label: 'Yes' },
] as const;

const yesNo = (key: string, text: string): ChoiceItem => ({
  kind: 'choice',
  key,
  text,
  options: NO_YES,
});

/**
 * Keele STarT MSK Tool, 10 items (reference.md §2): structure only. Item 1 is a 0-10 pain
 * rating; items 2-10 are coded yes/no as 1/0 [U]. Keele's licence forbids copying or modifying
 * the tool, so the texts are short topic labels in our own words and a licensed site loads the
 * wording as a content pack.
 */
export const startMskDefinition: InstrumentDefinition = {
  id: 'startmsk',
  version: '10-item',
  title: 'Keele STarT MSK Tool',
  recallPeriod: 'The last 2 weeks, where an item states it',
  source: 'reference.md §2 (Keele University; Dunn et al. 2021; Hill et al. 2022)',
  licence: {
    owner: 'Keele University',
    terms:
      'A licence (free for public bodies and non-commercial research, paid for commercial use) is obligatory for all users; the tool may not be modified or copied (reference.md §2).',
    wordingMayBeShipped: false,
  },
  items: [
    {
      kind: 'integer',
      key: '1',
      text: 'Average pain intensity',
      min: 0,
      max: 10,
      anchors: { min: 'No pain', max: 'Worst it could be' },
    },
    yesNo('2', 'Often unsure how to deal with the pain'),
    yesNo('3', 'Bothered a lot by the pain in the last 2 weeks'),
    yesNo('4', 'Walked only short distances because of the pain'),
    yesNo('5', 'Joint or muscle pain in several parts of the body'),
    yesNo('6', 'Expects the problem to last a long time'),
    yesNo('7', 'Has other important health problems'),
    yesNo('8', 'Felt low because of the pain in the last 2 weeks'),
    yesNo('9', 'Feels it is unsafe to be physically active'),
    yesNo('10', 'The pain has lasted 6 months or longer'),
  ],
};
