import type { AnswerOption, ChoiceItem, InstrumentDefinition } from '../types';

/** "Are you able to ..." items: 5 without any difficulty ... 1 unable (reference.md §12 [V2]). */
const ABLE: readonly AnswerOption[] = [
  { code: 5, label: 'No difficulty' },
  { code: 4, label: 'A little difficulty' },
  { code: 3, label: 'Some difficulty' },
  { code: 2, label: 'Much difficulty' },
  { code: 1, label: 'Cannot do it' },
];

/** "Does your health now limit you ..." items: 5 not at all ... 1 cannot do (reference.md §12). */
const LIMIT: readonly AnswerOption[] = [
  { code: 5, label: 'Not limited' },
  { code: 4, label: 'Limited very little' },
  { code: 3, label: 'Limited somewhat' },
  { code: 2, label: 'Limited quite a lot' },
  { code: 1, label: 'Cannot do it' },
];

const able = (key: string, text: string): ChoiceItem => ({
  kind: 'choice',
  key,
  text,
  options: ABLE,
});
const limit = (key: string, text: string): ChoiceItem => ({
  kind: 'choice',
  key,
  text,
  options: LIMIT,
});

/**
 * PROMIS Physical Function short form 20a (reference.md §12): 20 items by their PROMIS item ids,
 * coded 1-5 with higher = better function. Item texts are short topic labels in our own words;
 * the licensed wording is loaded by a site as a content pack.
 */
export const promisPf20Definition: InstrumentDefinition = {
  id: 'promis_pf20',
  version: 'v2.0 20a',
  title: 'PROMIS Physical Function 20a',
  recallPeriod: 'None: current ability ("are you able to", "does your health now limit you")',
  instructions: 'For each activity, choose how well you can do it now.',
  source: 'reference.md §12 (HealthMeasures / PROMIS Health Organization)',
  licence: {
    owner: 'PROMIS Health Organization (HealthMeasures)',
    terms:
      'English and Spanish versions free for individual research, clinical practice and education; commercial use needs permission; integration into proprietary technology needs written permission and electronic administration a HealthMeasures review; other languages carry a distribution fee (reference.md §12).',
    wordingMayBeShipped: false,
  },
  items: [
    able('PFA11', 'Household chores such as vacuuming or garden work'),
    able('PFA12', 'Pushing a heavy door open'),
    able('PFA16r1', 'Getting dressed, including laces and buttons'),
    able('PFA34', 'Washing your back'),
    able('PFA38', 'Drying your back with a towel'),
    able('PFA51', 'Sitting on the edge of the bed'),
    able('PFA55', 'Washing and drying your whole body'),
    able('PFA56', 'Getting into and out of a car'),
    able('PFB19r1', 'Squeezing a new tube of toothpaste'),
    able('PFB22', 'Holding a full plate of food'),
    able('PFB24', 'Running a short way, for example for a bus'),
    able('PFB26', 'Washing your hair'),
    able('PFC45r1', 'Sitting down on and getting up from the toilet'),
    able('PFC46', 'Moving from bed to chair and back'),
    limit('PFA1', 'Strenuous activities such as running, heavy lifting or hard sport'),
    limit('PFA3', 'Bending, kneeling or stooping'),
    limit('PFA5', 'Lifting or carrying shopping'),
    limit('PFC12', 'Two hours of physical work'),
    limit('PFC36r1', 'Walking more than about 1.6 km (a mile)'),
    limit('PFC37', 'Climbing one flight of stairs'),
  ],
};
