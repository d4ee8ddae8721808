import type { ChoiceItem, InstrumentDefinition } from '../types';

/** Four levels coded 0-3 (reference.md §13: four levels [V2], 0-3 coding implied by 0-30). */
const HOW_MUCH = [
  { code: 0, label: 'Not at all' },
  { code: 1, label: 'A little' },
  { code: 2, label: 'Quite a lot' },
  { code: 3, label: 'Extremely' },
] as const;

function symptom(key: string, text: string): ChoiceItem {
  return { kind: 'choice', key, text, options: HOW_MUCH };
}

/**
 * DEPS, the Finnish Depression Scale (Salokangas et al. 1995; reference.md §13). Item texts are
 * short paraphrases in our own words of the contents reference.md lists [V2].
 */
export const depsDefinition: InstrumentDefinition = {
  id: 'deps',
  version: '10-item',
  title: 'DEPS depression scale',
  recallPeriod: 'The last month',
  instructions: 'How much have you been troubled by each of these during the last month?',
  source: 'reference.md §13 (Salokangas et al. 1995; Poutanen et al.)',
  licence: {
    owner: 'R.K.R. Salokangas et al.',
    terms:
      'Licence not verified; in practice free to use in Finnish public health care (reference.md §13 [U], §26). Paraphrases only.',
    wordingMayBeShipped: false,
  },
  items: [
    symptom('1', 'Trouble sleeping'),
    symptom('2', 'Feeling sad or blue'),
    symptom('3', 'Feeling that everything takes effort'),
    symptom('4', 'Low on energy or slowed down'),
    symptom('5', 'Feeling lonely'),
    symptom('6', 'Feeling hopeless about the future'),
    symptom('7', 'Not enjoying life'),
    symptom('8', 'Feeling worthless'),
    symptom('9', 'Feeling that all joy and pleasure have gone'),
    symptom('10', 'Unable to shake off low mood even with help from family or friends'),
  ],
};
