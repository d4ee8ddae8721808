import { ratingItem } from '../items';
import type { IntegerItem, InstrumentDefinition } from '../types';

const ruler = (key: string, text: string, min: string, max: string): IntegerItem =>
  ratingItem(key, text, { min: 0, max: 10 }, { min, max });

/**
 * Motivational-interviewing rulers: importance, confidence and readiness, each 0-10
 * (reference.md §11.4). Conventional in MI practice; the texts are our own.
 */
export const motivationDefinition: InstrumentDefinition = {
  id: 'motivation',
  version: 'rulers-0-10',
  title: 'Motivation rulers: importance, confidence, readiness',
  recallPeriod: 'Now',
  instructions:
    'Think about getting back to your usual activities and work. Choose a number from 0 to 10 for each question.',
  source: 'reference.md §11.4 (MI rulers, Miller & Rollnick)',
  licence: {
    owner: 'None (conventional motivational-interviewing rulers)',
    terms: 'No licence needed; the wording is our own.',
    wordingMayBeShipped: true,
  },
  items: [
    ruler(
      'importance',
      'How important is this change to you right now?',
      'Not at all',
      'Extremely',
    ),
    ruler('confidence', 'How confident are you that you can make it?', 'Not at all', 'Extremely'),
    ruler('readiness', 'How ready are you to start now?', 'Not ready', 'Completely ready'),
  ],
};
