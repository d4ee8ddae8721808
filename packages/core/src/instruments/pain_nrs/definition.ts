import type { InstrumentDefinition } from '../types';

const ANCHORS = { min: 'No pain', max: 'Worst pain imaginable' } as const;

/**
 * Numeric rating scales for back pain and leg pain, 0-10 (reference.md §14). Free to use; the
 * texts are our own.
 */
export const painNrsDefinition: InstrumentDefinition = {
  id: 'pain_nrs',
  version: '0-10',
  title: 'Pain intensity: back and leg (NRS)',
  recallPeriod: 'The past week, on average',
  instructions: 'Choose the number from 0 to 10 that best describes your pain.',
  source: 'reference.md §14',
  licence: {
    owner: 'None (generic numeric rating scale)',
    terms: 'No licence needed; the wording is our own.',
    wordingMayBeShipped: true,
  },
  items: [
    {
      kind: 'integer',
      key: 'back',
      text: 'Back pain on average over the past week',
      min: 0,
      max: 10,
      anchors: ANCHORS,
    },
    {
      kind: 'integer',
      key: 'leg',
      text: 'Leg pain on average over the past week',
      min: 0,
      max: 10,
      anchors: ANCHORS,
    },
  ],
};
