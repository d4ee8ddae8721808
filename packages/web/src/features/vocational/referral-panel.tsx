import { useMutation } from '@tanstack/react-query';
import type { EligibilityCheck } from '@workup/contracts';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client';
import { ServiceProblem } from '../../app/service-problem';
import { useStaffApi } from '../../app/staff-api-context';
import { Loading } from '../../ui/loading';
import { useSession } from '../auth/use-session';
import { EligibilityResultView, TimingHintView } from './eligibility-result';
import { ReferralCard } from './referral-card';
import { ReferralForm } from './referral-form';
import { strugglingValue, type StrugglingAnswer } from './referral-logic';
import { useReferrals } from './vocational-queries';

const ANSWERS: readonly StrugglingAnswer[] = ['yes', 'no', 'notAsked'];

function EligibilitySection({
  patientId,
  onChecked,
}: {
  patientId: string;
  onChecked: (check: EligibilityCheck, strugglingAtWork: boolean | null) => void;
}) {
  const { t } = useTranslation();
  const api = useStaffApi();
  const [answer, setAnswer] = useState<StrugglingAnswer>('notAsked');
  const check = useMutation({
    mutationFn: (strugglingAtWork: boolean | null) =>
      api.checkVocationalEligibility(patientId, { strugglingAtWork }),
    onSuccess: (result, strugglingAtWork) => {
      onChecked(result, strugglingAtWork);
    },
  });
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    check.mutate(strugglingValue(answer));
  };
  return (
    <>
      <h3 id="eligibility-title">{t('vocational.eligibility.title')}</h3>
      <p>{t('vocational.eligibility.intro')}</p>
      <form noValidate onSubmit={submit} className="no-print" aria-labelledby="eligibility-title">
        <fieldset className="fieldset field" aria-describedby="eligibility-struggling-hint">
          <legend className="fieldset__legend field__label">
            {t('vocational.eligibility.struggling')}
          </legend>
          <p id="eligibility-struggling-hint" className="field__hint">
            {t('vocational.eligibility.strugglingHint')}
          </p>
          <div className="radios radios--inline">
            {ANSWERS.map((value) => (
              <label className="radio" key={value} htmlFor={`eligibility-struggling-${value}`}>
                <input
                  id={`eligibility-struggling-${value}`}
                  className="radio__input"
                  type="radio"
                  name="eligibility-struggling"
                  checked={answer === value}
                  onChange={() => {
                    setAnswer(value);
                  }}
                />
                <span className="radio__label">{t(`vocational.eligibility.answers.${value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button button--secondary" disabled={check.isPending}>
          {t('vocational.eligibility.submit')}
        </button>
      </form>
      <p role="status" className="link-box__status">
        {check.isSuccess
          ? t('vocational.eligibility.resultTitle', {
              status: t(`vocational.eligibility.statuses.${check.data.eligibility.status}`),
            })
          : null}
      </p>
      {check.isError ? (
        <p className="notice notice--error" role="alert">
          {isApiError(check.error, 'forbidden')
            ? t('vocational.refer.errors.forbidden')
            : isApiError(check.error, 'network_error')
              ? t('common.errors.network_error')
              : t('vocational.eligibility.failed')}
        </p>
      ) : null}
      {check.isSuccess ? (
        <div className="eligibility-check">
          <EligibilityResultView eligibility={check.data.eligibility} />
          <TimingHintView timing={check.data.timing} />
        </div>
      ) : null}
    </>
  );
}

interface ReferralPanelProps {
  readonly patientId: string;
}

/**
 * Vocational advice on the patient's page: the SWAP eligibility check with its reasons and the
 * timing hint and the referral (clinicians, who refer); and the patient's referrals with their contacts,
 * sessions and the notifications that closed the loop, each with the actions open to the reader.
 */
export function ReferralPanel({ patientId }: ReferralPanelProps) {
  const { t } = useTranslation();
  const session = useSession();
  const referrals = useReferrals(patientId);
  const [checked, setChecked] = useState<{
    check: EligibilityCheck;
    strugglingAtWork: boolean | null;
  } | null>(null);
  const role = session.data?.user.role;
  const isAdviser = role === 'vocational_adviser';
  const isClinician = role === 'clinician';

  return (
    <section aria-labelledby="referral-title" className="panel vocational">
      <h2 id="referral-title">{t('vocational.panelTitle')}</h2>
      {isClinician ? (
        <>
          <EligibilitySection
            patientId={patientId}
            onChecked={(check, strugglingAtWork) => {
              setChecked({ check, strugglingAtWork });
            }}
          />
          {checked === null ? (
            <>
              <h3>{t('vocational.refer.title')}</h3>
              <p>{t('vocational.refer.checkFirst')}</p>
            </>
          ) : (
            <ReferralForm
              patientId={patientId}
              check={checked.check}
              strugglingAtWork={checked.strugglingAtWork}
            />
          )}
        </>
      ) : null}
      <h3 id="referrals-title">{t('vocational.referrals.title')}</h3>
      {referrals.isPending ? (
        <Loading />
      ) : referrals.isError ? (
        <ServiceProblem error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : referrals.data.referrals.length === 0 ? (
        <p>{t('vocational.referrals.none')}</p>
      ) : (
        [...referrals.data.referrals]
          .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
          .map((referral) => (
            <ReferralCard
              key={referral.id}
              patientId={patientId}
              referral={referral}
              isAdviser={isAdviser}
              isClinician={isClinician}
            />
          ))
      )}
    </section>
  );
}
