import type { InstrumentDefinition } from '../types';

const AGREE = [
  { code: 0, label: 'Disagree' },
  { code: 1, label: 'Agree' },
] as const;

/**
 * Keele STarT Back Screening Tool, 9-item version (reference.md §1). Item texts are short
 * paraphrases in our own words; a site may load Keele's wording as a content pack.
 */
export const sbtDefinition: InstrumentDefinition = {
  id: 'sbt',
  version: '9-item',
  title: 'STarT Back Screening Tool',
  recallPeriod: 'The last 2 weeks',
  source: 'reference.md §1 (Keele University; Hill et al. 2008)',
  licence: {
    owner: 'Keele University',
    terms:
      'No licence needed for non-commercial use; commercial products must contact Keele (reference.md §1).',
    wordingMayBeShipped: false,
  },
  items: [
    {
      kind: 'choice',
      key: '1',
      text: 'Back pain has spread down one or both legs',
      options: AGREE,
    },
    { kind: 'choice', key: '2', text: 'Pain in the shoulder or neck as well', options: AGREE },
    {
      kind: 'choice',
      key: '3',
      text: 'Walked only short distances because of back pain',
      options: AGREE,
    },
    {
      kind: 'choice',
      key: '4',
      text: 'Dressed more slowly than usual because of back pain',
      options: AGREE,
    },
    {
      kind: 'choice',
      key: '5',
      text: 'Being physically active is not really safe with my condition',
      options: AGREE,
    },
    { kind: 'choice', key: '6', text: 'Worrying thoughts often on my mind', options: AGREE },
    {
      kind: 'choice',
      key: '7',
      text: 'My back pain is terrible and will never improve',
      options: AGREE,
    },
    { kind: 'choice', key: '8', text: 'Not enjoying the things I used to enjoy', options: AGREE },
    {
      kind: 'choice',
      key: '9',
      text: 'How much has back pain bothered you overall?',
      options: [
        { code: 0, label: 'Not at all' },
        { code: 1, label: 'Slightly' },
        { code: 2, label: 'Moderately' },
        { code: 3, label: 'Very much' },
        { code: 4, label: 'Extremely' },
      ],
    },
  ],
};
