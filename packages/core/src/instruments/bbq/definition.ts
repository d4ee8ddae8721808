import type { ChoiceItem, InstrumentDefinition } from '../types';

/** Five-point agreement scale coded 1-5 (reference.md §10 [V2]); the middle labels are ours. */
const AGREEMENT = [
  { code: 1, label: 'Completely disagree' },
  { code: 2, label: 'Mostly disagree' },
  { code: 3, label: 'Neither agree nor disagree' },
  { code: 4, label: 'Mostly agree' },
  { code: 5, label: 'Completely agree' },
] as const;

function statement(key: string, text: string): ChoiceItem {
  return { kind: 'choice', key, text, options: AGREEMENT };
}

/**
 * Back Beliefs Questionnaire (Symonds et al., Spine 1996; reference.md §10): 14 statements about
 * what back trouble leads to. reference.md gives no item contents: the paraphrases and their
 * order follow our knowledge of the published form and are not verified [U].
 */
export const bbqDefinition: InstrumentDefinition = {
  id: 'bbq',
  version: '14-item',
  title: 'Back Beliefs Questionnaire',
  recallPeriod: 'Current beliefs (no recall period)',
  instructions:
    'These statements are about back trouble in general. Say how much you agree with each one, whether or not you have back trouble yourself.',
  source: 'reference.md §10 (Symonds, Burton, Tillotson & Main, Spine 1996)',
  licence: {
    owner: 'Symonds, Burton, Tillotson & Main (Spine 1996)',
    terms:
      'No licence terms found; generally treated as freely usable (reference.md §10 [U], §26). Paraphrases only.',
    wordingMayBeShipped: false,
  },
  items: [
    statement('1', 'Nothing really helps back trouble'),
    statement('2', 'Back trouble will end up stopping you from working'),
    statement('3', 'Back trouble means spells of pain for the rest of your life'),
    statement('4', 'Doctors can do nothing for back trouble'),
    statement('5', 'A bad back should be exercised'),
    statement('6', 'Back trouble makes everything in life worse'),
    statement('7', 'An operation is the best treatment for back trouble'),
    statement('8', 'Back trouble may leave you in a wheelchair'),
    statement('9', 'Alternative therapies are the answer to back trouble'),
    statement('10', 'Back trouble means long spells off work'),
    statement('11', 'Only medicines can relieve back trouble'),
    statement('12', 'Once you have had back trouble, the back stays weak'),
    statement('13', 'Back trouble needs rest'),
    statement('14', 'Back trouble gets steadily worse as you get older'),
  ],
};
