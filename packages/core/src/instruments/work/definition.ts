import { choiceItem as choice, ratingItem } from '../items';
import type { InstrumentDefinition, IntegerItem } from '../types';

const NO_YES = [
  { code: 0, label: 'No' },
  { code: 1, label: 'Yes' },
] as const;

const scale = (key: string, text: string, min: string, max: string): IntegerItem =>
  ratingItem(key, text, { min: 0, max: 10 }, { min, max });

/**
 * Work context (contracts.md §3, reference.md §16): employment, sick leave and the person's view
 * of their work, from which the blue flags (perceptions of work) and black flags (obstacles in
 * the system and workplace) are read. Written for workup; the texts are our own.
 */
export const workDefinition: InstrumentDefinition = {
  id: 'work',
  version: 'work-context-1',
  title: 'Work context: blue and black flags',
  recallPeriod: 'Now (the current job and sick-leave spell)',
  instructions: 'A few questions about your work and any sick leave.',
  source: 'reference.md §16; contracts.md §3',
  licence: {
    owner: 'None (questions written for workup)',
    terms: 'No licence needed; the wording is our own.',
    wordingMayBeShipped: true,
  },
  items: [
    choice('employed', 'Do you have a job (employed or self-employed)?', NO_YES),
    choice('sick_leave_degree', 'Current sick leave, as a share of your working time', [
      { code: 0, label: 'None' },
      { code: 25, label: '25%' },
      { code: 50, label: '50%' },
      { code: 75, label: '75%' },
      { code: 100, label: '100%' },
    ]),
    {
      kind: 'integer',
      key: 'sick_leave_days',
      text: 'Days so far in the current sick-leave spell',
      min: 0,
      max: null,
      unit: 'days',
    },
    scale(
      'work_heavy_or_monotonous',
      'Is your work physically heavy or monotonous?',
      'Not at all',
      'Extremely',
    ),
    scale('job_satisfaction', 'How satisfied are you with your job?', 'Not at all', 'Completely'),
    scale(
      'supervisor_support',
      'How much support do you get from your manager?',
      'None',
      'A great deal',
    ),
    choice('modified_duties_possible', 'Could your tasks or hours be adjusted while you recover?', [
      { code: 0, label: 'No' },
      { code: 1, label: 'Not sure' },
      { code: 2, label: 'Yes' },
    ]),
    scale(
      'work_harms_back_belief',
      'I should not do my normal work with my present pain',
      'Completely disagree',
      'Completely agree',
    ),
    scale(
      'rtw_expectation',
      'How likely is it that you will be doing your usual work in 3 months?',
      'No chance',
      'Very likely',
    ),
    choice('employer_contact_consent', 'May we contact your employer about your work?', NO_YES),
    choice(
      'benefit_or_claim_pending',
      'Is a benefit, insurance or compensation claim pending?',
      NO_YES,
    ),
  ],
};
