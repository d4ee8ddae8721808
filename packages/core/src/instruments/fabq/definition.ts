import { ratingItem } from '../items';
import type { InstrumentDefinition, IntegerItem } from '../types';

/** A statement rated 0 (completely disagree) to 6 (completely agree), 3 = unsure. reference.md §7. */
const belief = (key: string, text: string): IntegerItem =>
  ratingItem(
    key,
    text,
    { min: 0, max: 6 },
    { min: 'Completely disagree', max: 'Completely agree' },
  );

/**
 * Fear-Avoidance Beliefs Questionnaire (Waddell et al. 1993; reference.md §7). Items 1-5 are
 * about physical activity, items 6-16 about work. The texts are reference.md's paraphrases,
 * recalled from memory there and not verified against the form [U].
 */
export const fabqDefinition: InstrumentDefinition = {
  id: 'fabq',
  version: '16-item',
  title: 'Fear-Avoidance Beliefs Questionnaire',
  recallPeriod: 'Current beliefs (no recall period)',
  instructions:
    'Rate how much you agree with each statement, from 0 (completely disagree) through 3 (unsure) to 6 (completely agree). Items 1-5 are about physical activity such as bending, lifting, walking or driving; items 6-16 are about your normal work.',
  source: 'reference.md §7 (Waddell et al., Pain 1993)',
  licence: {
    owner: 'Gordon Waddell et al. (Pain 1993)',
    terms:
      'Free to use (RehabMeasures: "Cost: Free"; reference.md §7 [V1]). Paraphrases only here: redistribution of the wording was not checked.',
    wordingMayBeShipped: false,
  },
  items: [
    belief('1', 'My pain was caused by physical activity'),
    belief('2', 'Physical activity makes my pain worse'),
    belief('3', 'Physical activity might harm my back'),
    belief('4', 'I should not do physical activities that (might) make my pain worse'),
    belief('5', 'I cannot do physical activities that (might) make my pain worse'),
    belief('6', 'My pain was caused by my work or an accident at work'),
    belief('7', 'My work made my pain worse'),
    belief('8', 'I have a compensation claim for my pain'),
    belief('9', 'My work is too heavy for me'),
    belief('10', 'My work makes or would make my pain worse'),
    belief('11', 'My work might harm my back'),
    belief('12', 'I should not do my normal work with my present pain'),
    belief('13', 'I cannot do my normal work with my present pain'),
    belief('14', 'I cannot do my normal work until my pain is treated'),
    belief('15', 'I do not expect to be back at my normal work within 3 months'),
    belief('16', 'I do not expect ever to be able to go back to that work'),
  ],
};
