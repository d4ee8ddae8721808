import type { ChoiceItem, InstrumentDefinition } from '../types';

const YES_NO = [
  { code: 0, label: 'No' },
  { code: 1, label: 'Yes' },
] as const;

const item = (key: string, text: string): ChoiceItem => ({
  kind: 'choice',
  key,
  text,
  options: YES_NO,
});

/**
 * Red flags for serious spinal pathology (contracts.md §2, reference.md §15): a checklist of
 * findings, each 0 = absent, 1 = present, completed by the clinician or the patient. The texts
 * are our own; the conditions follow the IFOMPT framework (Finucane et al. 2020) and NICE.
 */
export const redFlagsDefinition: InstrumentDefinition = {
  id: 'red_flags',
  version: 'checklist-1',
  title: 'Red flags for serious spinal pathology',
  recallPeriod: 'Now (current symptoms and history)',
  instructions: 'Answer yes or no for each finding.',
  source: 'reference.md §15; contracts.md §2',
  licence: {
    owner: 'None (checklist written for workup from published guidance)',
    terms: 'No licence needed; the wording is our own.',
    wordingMayBeShipped: true,
  },
  items: [
    item('saddle_anaesthesia', 'Numbness around the back passage or genitals (saddle area)'),
    item('bladder_dysfunction', 'New trouble passing or holding urine, or not feeling it'),
    item('bowel_incontinence', 'New loss of bowel control'),
    item('sexual_dysfunction_new', 'New loss of sexual function or feeling'),
    item('bilateral_leg_symptoms', 'Pain, numbness or weakness in both legs, or switching sides'),
    item('progressive_neuro_deficit', 'Weakness or numbness in a leg that is getting worse'),
    item('cancer_history', 'Has had cancer'),
    item('unexplained_weight_loss', 'Losing weight without knowing why'),
    item('night_pain_unremitting', 'Constant pain at night that rest does not ease'),
    item('thoracic_pain', 'Pain in the upper or middle back'),
    item('age_over_50', 'Older than 50'),
    item('fever', 'Fever or feeling feverish'),
    item('iv_drug_use', 'Injects drugs'),
    item('immunosuppression', 'Weakened immune system, from illness or medicines'),
    item(
      'recent_infection_or_spinal_procedure',
      'A recent infection, or a recent operation or injection in the spine',
    ),
    item('significant_trauma', 'A significant injury, such as a fall or accident, before the pain'),
    item('osteoporosis', 'Has osteoporosis (thin bones)'),
    item('long_term_corticosteroids', 'Has taken steroid tablets for a long time'),
    item(
      'axspa_onset_before_45_over_3_months',
      'Back pain began before the age of 45 and has lasted more than 3 months',
    ),
    item('axspa_onset_under_35', 'Back pain began before the age of 35'),
    item('axspa_wakes_second_half_night', 'Woken by back pain in the second half of the night'),
    item('axspa_buttock_pain', 'Pain in the buttocks'),
    item('axspa_better_with_movement', 'Back pain eases with movement'),
    item('axspa_nsaid_response_48h', 'Back pain eases within 48 hours of anti-inflammatory drugs'),
    item('axspa_family_history', 'A parent, brother, sister or child has spondyloarthritis'),
    item('axspa_arthritis', 'Has or has had arthritis'),
    item('axspa_enthesitis', 'Has or has had painful tendon attachments, such as the heel'),
    item('axspa_psoriasis', 'Has or has had psoriasis'),
  ],
};
