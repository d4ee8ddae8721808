import type { InstrumentDefinition, IntegerItem } from '../types';

/** An item answered on the 0-10 scale with a verbal anchor at each end (reference.md §3). */
function scale(key: string, text: string, min: string, max: string): IntegerItem {
  return { kind: 'integer', key, text, min: 0, max: 10, anchors: { min, max } };
}

/**
 * Örebro Musculoskeletal Pain Screening Questionnaire, short form (ÖMPSQ-10; reference.md §3).
 * Item 1 is the duration of the current pain problem coded 1-10; items 2-10 store the 0-10 value
 * the person marked, before any reversal (contracts.md §1): reversing items 3, 4 and 8 is the
 * scorer's job. Texts and anchors are short paraphrases in our own words.
 */
export const ompsq10Definition: InstrumentDefinition = {
  id: 'ompsq10',
  version: '10-item-en',
  title: 'Örebro Musculoskeletal Pain Screening Questionnaire, short form',
  recallPeriod: 'Items 2, 5 and 6: the past week; the other items: now',
  instructions: 'Mark the number that fits you best on each scale.',
  source: 'reference.md §3 (Linton, Nicholas & MacDonald, Spine 2011)',
  licence: {
    owner: 'Steven J. Linton, Örebro University',
    terms:
      'Widely reproduced free of charge; no licence terms could be retrieved (reference.md §3 [U]). Paraphrases only until the terms are settled.',
    wordingMayBeShipped: false,
  },
  items: [
    {
      kind: 'choice',
      key: '1',
      text: 'How long have you had your current pain problem?',
      // reference.md §3 [V2]: the form's own categories, overlaps included.
      options: [
        { code: 1, label: '0 to 1 week' },
        { code: 2, label: '1 to 2 weeks' },
        { code: 3, label: '3 to 4 weeks' },
        { code: 4, label: '4 to 5 weeks' },
        { code: 5, label: '6 to 8 weeks' },
        { code: 6, label: '9 to 11 weeks' },
        { code: 7, label: '3 to 6 months' },
        { code: 8, label: '6 to 9 months' },
        { code: 9, label: '9 to 12 months' },
        { code: 10, label: 'More than a year' },
      ],
    },
    scale('2', 'How strong was your pain over the past week?', 'No pain', 'Worst pain possible'),
    scale(
      '3',
      'Can you do light work for an hour?',
      'Not possible because of pain',
      'Yes, and pain is no problem',
    ),
    scale(
      '4',
      'Can you sleep at night?',
      'Not possible because of pain',
      'Yes, and pain is no problem',
    ),
    scale(
      '5',
      'How tense or anxious have you felt over the past week?',
      'Calm and relaxed',
      'More tense or anxious than ever',
    ),
    scale(
      '6',
      'How much has feeling low or depressed bothered you over the past week?',
      'Not at all',
      'Extremely',
    ),
    scale(
      '7',
      'How likely do you think it is that your pain will become long-lasting?',
      'No risk',
      'Very high risk',
    ),
    scale(
      '8',
      'How likely is it that you will be doing your normal work in 3 months?',
      'No chance',
      'Very good chance',
    ),
    scale(
      '9',
      'When pain gets worse, I should stop what I am doing until it eases.',
      'Fully disagree',
      'Fully agree',
    ),
    scale(
      '10',
      'With the pain I have now, I should not be doing my normal work.',
      'Fully disagree',
      'Fully agree',
    ),
  ],
};
