import type { ChoiceItem, InstrumentDefinition } from '../types';

/**
 * One section: six statements coded 0 (least) to 5 (most disability), reference.md §5 [V2].
 * The labels are our own short summaries of each level, not the licensed statements.
 */
function section(key: string, text: string, labels: readonly string[]): ChoiceItem {
  return { kind: 'choice', key, text, options: labels.map((label, code) => ({ code, label })) };
}

/**
 * Oswestry Disability Index v2.1a (reference.md §5): ten sections, one statement chosen in each.
 * The wording is licensed (Mapi Research Trust), so the section titles and level labels here are
 * short paraphrases in our own words; a site loads the licensed wording as a content pack.
 */
export const odiDefinition: InstrumentDefinition = {
  id: 'odi',
  version: '2.1a',
  title: 'Oswestry Disability Index',
  recallPeriod: 'Today: the statement that best describes the problem now',
  instructions:
    'In each section choose the one statement that describes you best today. Leave section 8 empty if it does not apply to you.',
  source: 'reference.md §5 (Fairbank & Pynsent, Spine 2000)',
  licence: {
    owner: 'Jeremy Fairbank; distributed by Mapi Research Trust (ePROVIDE)',
    terms:
      'Free for students, clinicians in practice and non-funded academic users; fees may apply to funded academic users, healthcare organisations, commercial users and IT companies. Obtain a Mapi licence before embedding the wording in software (reference.md §5 [V1]).',
    wordingMayBeShipped: false,
  },
  items: [
    section('1', 'Pain intensity', [
      'None at the moment',
      'Very slight',
      'Medium',
      'Quite bad',
      'Very bad',
      'As bad as I can imagine',
    ]),
    section('2', 'Personal care (washing, dressing)', [
      'Manage on my own without extra pain',
      'Manage on my own, but it hurts a lot',
      'Manage slowly and carefully because it hurts',
      'Need some help, but do most of it myself',
      'Need help every day with most of it',
      'Cannot dress; washing is hard; I stay in bed',
    ]),
    section('3', 'Lifting', [
      'Lift heavy things without extra pain',
      'Lift heavy things, but it hurts more',
      'Heavy things only from a table, not from the floor',
      'Only light or medium things placed within easy reach',
      'Only very light things',
      'Cannot lift or carry anything',
    ]),
    section('4', 'Walking', [
      'Pain does not limit how far I walk',
      'Pain limits me to about a mile',
      'Pain limits me to about half a mile',
      'Pain limits me to about a hundred yards',
      'Only with a stick or crutches',
      'In bed most of the time',
    ]),
    section('5', 'Sitting', [
      'In any chair for as long as I like',
      'Only in my favourite chair for as long as I like',
      'Pain limits sitting to less than an hour',
      'Pain limits sitting to less than half an hour',
      'Pain limits sitting to less than ten minutes',
      'Pain stops me sitting at all',
    ]),
    section('6', 'Standing', [
      'As long as I like without extra pain',
      'As long as I like, but it hurts more',
      'Pain limits standing to less than an hour',
      'Pain limits standing to less than half an hour',
      'Pain limits standing to less than ten minutes',
      'Pain stops me standing at all',
    ]),
    section('7', 'Sleeping', [
      'Pain never disturbs my sleep',
      'Pain now and then disturbs my sleep',
      'Pain cuts my sleep to less than six hours',
      'Pain cuts my sleep to less than four hours',
      'Pain cuts my sleep to less than two hours',
      'Pain stops me sleeping at all',
    ]),
    section('8', 'Sex life (if it applies)', [
      'Normal, without extra pain',
      'Normal, but with more pain',
      'Almost normal, but very painful',
      'Much limited by pain',
      'Almost none because of pain',
      'None because of pain',
    ]),
    section('9', 'Social life', [
      'Normal, without extra pain',
      'Normal, but with more pain',
      'Pain limits only my more energetic interests',
      'Pain limits it; I go out less often',
      'Pain keeps it to my home',
      'None because of pain',
    ]),
    section('10', 'Travelling', [
      'Anywhere without pain',
      'Anywhere, but it hurts more',
      'Painful, but I manage trips of over two hours',
      'Pain limits trips to less than an hour',
      'Pain limits me to short, necessary trips of less than half an hour',
      'Pain stops all travel except to get treatment',
    ]),
  ],
};
