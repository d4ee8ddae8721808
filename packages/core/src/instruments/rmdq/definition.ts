import type { ChoiceItem, InstrumentDefinition } from '../types';

const TICK = [
  { code: 0, label: 'Not ticked' },
  { code: 1, label: 'Ticked: true for me today' },
] as const;

function statement(key: string, text: string): ChoiceItem {
  return { kind: 'choice', key, text, options: TICK };
}

/**
 * Roland-Morris Disability Questionnaire, 24 items (reference.md §6): the person ticks the
 * statements that describe them today. Texts are short paraphrases in our own words; their
 * order follows our knowledge of the published form and is not confirmed by reference.md [U].
 */
export const rmdqDefinition: InstrumentDefinition = {
  id: 'rmdq',
  version: '24-item',
  title: 'Roland-Morris Disability Questionnaire',
  recallPeriod: 'Today',
  instructions:
    'Tick each statement that describes you today because of your back. Leave the others unticked.',
  source: 'reference.md §6 (Roland & Morris 1983; Roland & Fairbank, Spine 2000)',
  licence: {
    owner: 'Martin Roland and Richard Morris',
    terms:
      'No permission is required to use the published form (Roland & Fairbank 2000); official translations are free for clinicians from the RMDQ website (reference.md §6 [V2]). Paraphrases only here until redistribution in software is confirmed.',
    wordingMayBeShipped: false,
  },
  items: [
    statement('1', 'I stay at home most of the time because of my back'),
    statement('2', 'I keep changing position to get my back comfortable'),
    statement('3', 'I walk more slowly than usual because of my back'),
    statement('4', 'My back keeps me from my usual jobs around the house'),
    statement('5', 'I need the handrail to get upstairs because of my back'),
    statement('6', 'I lie down to rest more often because of my back'),
    statement('7', 'I need to hold on to something to get out of an easy chair'),
    statement('8', 'I ask other people to do things for me because of my back'),
    statement('9', 'I get dressed more slowly than usual because of my back'),
    statement('10', 'I stand only for short spells because of my back'),
    statement('11', 'I try not to bend or kneel because of my back'),
    statement('12', 'Getting up from a chair is hard because of my back'),
    statement('13', 'My back hurts almost all of the time'),
    statement('14', 'Turning over in bed is hard because of my back'),
    statement('15', 'My appetite is poor because of my back pain'),
    statement('16', 'Putting on socks or tights is hard because of my back'),
    statement('17', 'I walk only short distances because of my back'),
    statement('18', 'I sleep worse because of my back'),
    statement('19', 'I need help to get dressed because of my back pain'),
    statement('20', 'I sit down for most of the day because of my back'),
    statement('21', 'I avoid heavy jobs around the house because of my back'),
    statement('22', 'My back pain makes me more irritable and short-tempered'),
    statement('23', 'I go upstairs more slowly than usual because of my back'),
    statement('24', 'I stay in bed most of the time because of my back'),
  ],
};
