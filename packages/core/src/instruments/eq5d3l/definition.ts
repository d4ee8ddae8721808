import type { ChoiceItem, InstrumentDefinition } from '../types';

/** The five dimensions in their fixed order (reference.md §9.1 [V2]); the profile follows it. */
export const EQ5D3L_DIMENSIONS = ['MO', 'SC', 'UA', 'PD', 'AD'] as const;
export type Eq5d3lDimension = (typeof EQ5D3L_DIMENSIONS)[number];

/** A dimension answered on three levels: 1 no problems, 2 some, 3 extreme (reference.md §9.1). */
function dimension(key: Eq5d3lDimension, text: string, level3: string): ChoiceItem {
  return {
    kind: 'choice',
    key,
    text,
    options: [
      { code: 1, label: 'No problems' },
      { code: 2, label: 'Some problems' },
      { code: 3, label: level3 },
    ],
  };
}

/**
 * EQ-5D-3L: five dimensions on three levels and the EQ VAS (reference.md §9). Item texts and
 * option labels are short paraphrases in our own words; EuroQol's wording is licensed and is
 * loaded by a site as a content pack.
 */
export const eq5d3lDefinition: InstrumentDefinition = {
  id: 'eq5d3l',
  version: '3L',
  title: 'EQ-5D-3L',
  recallPeriod: 'Today',
  instructions:
    'For each area, choose the level that best describes your health today; then rate your health today from 0 to 100.',
  source: 'reference.md §9 (EuroQol Research Foundation; value sets in §9.3)',
  licence: {
    owner: 'EuroQol Research Foundation',
    terms:
      'Registration or a licence is required; fees apply to some (commercial) uses; the questionnaire may not be published openly and must use approved layouts (reference.md §9).',
    wordingMayBeShipped: false,
  },
  items: [
    dimension('MO', 'Mobility: getting about', 'Severe problems: cannot get about'),
    dimension('SC', 'Self-care: washing and dressing', 'Severe problems: cannot do it'),
    dimension(
      'UA',
      'Usual activities (work, study, housework, leisure)',
      'Severe problems: cannot do them',
    ),
    dimension('PD', 'Pain or discomfort', 'Severe pain or discomfort'),
    dimension('AD', 'Anxiety or low mood', 'Severe anxiety or low mood'),
    {
      kind: 'integer',
      key: 'VAS',
      text: 'Your own rating of your health today',
      min: 0,
      max: 100,
      anchors: { min: 'Worst health you can imagine', max: 'Best health you can imagine' },
    },
  ],
};
