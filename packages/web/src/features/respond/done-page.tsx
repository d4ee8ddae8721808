import type { PatientAdvice } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/use-document-title';

/** Plan components that are advice for the patient to act on now (self-care). */
export const SELF_CARE_COMPONENTS = [
  'advice_stay_active',
  'education',
  'self_management',
  'no_routine_imaging',
  'safety_netting',
  'follow_up',
] as const;
type SelfCareComponent = (typeof SELF_CARE_COMPONENTS)[number];

/** Plan components a clinician offers, which the patient hears about in plain words. */
export const OFFERED_COMPONENTS = [
  'physio_exercise',
  'manual_therapy_adjunct',
  'mdt_assessment',
  'psych_informed_physio',
  'motivational_interviewing',
  'ergonomic_advice',
  'workplace_dialogue',
  'vocational_advice',
  'mental_health_assessment',
  'rheumatology_referral',
] as const;
type OfferedComponent = (typeof OFFERED_COMPONENTS)[number];

const isSelfCare = (code: string): code is SelfCareComponent =>
  (SELF_CARE_COMPONENTS as readonly string[]).includes(code);
const isOffered = (code: string): code is OfferedComponent =>
  (OFFERED_COMPONENTS as readonly string[]).includes(code);

interface DonePageProps {
  /** The plan's advice; null when the answers made no plan (a follow-up questionnaire). */
  readonly advice: PatientAdvice | null;
}

/**
 * The end of the questionnaires: the self-care advice of the plan triage made, in plain words,
 * and when a red flag needs a clinician soon, what to do. Never scores or flags: those are for
 * the clinician to discuss.
 */
export function DonePage({ advice }: DonePageProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('respond.doneTitle'));
  const selfCare = advice?.components.filter(isSelfCare) ?? [];
  const offered = advice?.components.filter(isOffered) ?? [];
  const soon = advice?.urgency === 'emergency' || advice?.urgency === 'urgent';
  return (
    <>
      <div className="confirmation">
        <h1 id="page-heading" tabIndex={-1}>
          {t('respond.doneTitle')}
        </h1>
        <p>{t('respond.doneBody')}</p>
      </div>
      {soon ? (
        <div className="notice notice--important" data-testid="advice-contact">
          <h2 className="heading-m">
            {advice.urgency === 'emergency'
              ? t('advice.emergency.title')
              : t('advice.urgent.title')}
          </h2>
          <p>
            {advice.urgency === 'emergency' ? t('advice.emergency.body') : t('advice.urgent.body')}
          </p>
        </div>
      ) : null}
      {selfCare.length > 0 ? (
        <section aria-labelledby="self-care-title">
          <h2 id="self-care-title" className="heading-m">
            {t('advice.selfCareTitle')}
          </h2>
          <ul className="advice-list">
            {selfCare.map((code) => (
              <li key={code}>
                <strong>{t(`advice.selfCare.${code}.title`)}</strong>{' '}
                {t(`advice.selfCare.${code}.body`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {offered.length > 0 ? (
        <section aria-labelledby="offered-title">
          <h2 id="offered-title" className="heading-m">
            {t('advice.offeredTitle')}
          </h2>
          <ul className="advice-list">
            {offered.map((code) => (
              <li key={code}>{t(`advice.offered.${code}`)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {advice !== null && !soon ? <p>{t('advice.nextSteps')}</p> : null}
      <p>{t('respond.doneClose')}</p>
    </>
  );
}
