import { ratingItem } from '../items';
import type { InstrumentDefinition, IntegerItem } from '../types';

/** A statement rated 0 (not at all confident) to 6 (completely confident). reference.md §8 [V2]. */
const confidence = (key: string, text: string): IntegerItem =>
  ratingItem(
    key,
    text,
    { min: 0, max: 6 },
    { min: 'Not at all confident', max: 'Completely confident' },
  );

/**
 * Pain Self-Efficacy Questionnaire (Nicholas 2007; reference.md §8): confidence in doing things
 * despite the pain. The texts are reference.md's paraphrases, recalled from memory there and not
 * verified against the form [U].
 */
export const pseqDefinition: InstrumentDefinition = {
  id: 'pseq',
  version: '10-item',
  title: 'Pain Self-Efficacy Questionnaire',
  recallPeriod: 'At present',
  instructions:
    'Rate how confident you are, at present, that you can do each of these things despite the pain, from 0 (not at all confident) to 6 (completely confident).',
  source: 'reference.md §8 (Nicholas, Eur J Pain 2007)',
  licence: {
    owner: 'Michael K. Nicholas',
    terms:
      'Reported as freely used for clinical and research purposes with acknowledgement; not verified (reference.md §8 [U], §26). Paraphrases only.',
    wordingMayBeShipped: false,
  },
  items: [
    confidence('1', 'I can enjoy things despite the pain'),
    confidence('2', 'I can do most household chores despite the pain'),
    confidence('3', 'I can socialise with friends or family as often as before, despite the pain'),
    confidence('4', 'I can cope with my pain in most situations'),
    confidence(
      '5',
      'I can do some kind of work despite the pain (housework, paid or unpaid work included)',
    ),
    confidence('6', 'I can still do many of the things I enjoy despite the pain'),
    confidence('7', 'I can cope with my pain without medication'),
    confidence('8', 'I can still reach most of my goals in life despite the pain'),
    confidence('9', 'I can live a normal life despite the pain'),
    confidence('10', 'I can gradually become more active despite the pain'),
  ],
};
