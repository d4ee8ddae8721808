import type { EligibilityEvidence, EligibilityResult, TimingHint } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../rtw/calendar';
import { evidenceValue } from './referral-logic';

function Evidence({ evidence }: { evidence: EligibilityEvidence }) {
  const { t } = useTranslation();
  const value = evidenceValue(evidence);
  const text =
    value.kind === 'null'
      ? t('vocational.eligibility.valueNull')
      : value.kind === 'boolean'
        ? value.value
          ? t('vocational.eligibility.valueTrue')
          : t('vocational.eligibility.valueFalse')
        : value.value;
  return (
    <li>
      {t(`vocational.eligibility.evidenceSources.${evidence.source}`)},{' '}
      <code>{evidence.field}</code>: {text}
    </li>
  );
}

/** The eligibility check explained: the overall status, then each criterion with its evidence. */
export function EligibilityResultView({
  eligibility,
  headingLevel = 4,
}: {
  eligibility: EligibilityResult;
  headingLevel?: 4 | 5;
}) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 4 ? 'h4' : 'h5';
  const [overall, ...otherReasons] = eligibility.reasons;
  return (
    <div className={`eligibility eligibility--${eligibility.status}`}>
      <Heading className="eligibility__title">
        {t('vocational.eligibility.resultTitle', {
          status: t(`vocational.eligibility.statuses.${eligibility.status}`),
        })}
      </Heading>
      <p>
        {overall ?? null}{' '}
        {t('vocational.eligibility.asOf', {
          date: formatCalendarDate(eligibility.asOf, i18n.language),
        })}
      </p>
      {otherReasons.length > 0 ? (
        <ul className="plain-list">
          {otherReasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      <div className="table-wrapper">
        <table className="table table--compact">
          <caption className="visually-hidden">
            {t('vocational.eligibility.criteriaCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('vocational.eligibility.criterion')}</th>
              <th scope="col">{t('vocational.eligibility.result')}</th>
              <th scope="col">{t('vocational.eligibility.reason')}</th>
              <th scope="col">{t('vocational.eligibility.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {eligibility.criteria.map((criterion) => (
              <tr key={criterion.criterion}>
                <th scope="row">{t(`vocational.eligibility.criteria.${criterion.criterion}`)}</th>
                <td>
                  <span className={`tag criterion criterion--${criterion.result}`}>
                    {t(`vocational.eligibility.results.${criterion.result}`)}
                  </span>
                </td>
                <td>{criterion.reason}</td>
                <td>
                  {criterion.evidence.length === 0 ? (
                    t('vocational.eligibility.noEvidence')
                  ) : (
                    <ul className="plain-list">
                      {criterion.evidence.map((evidence) => (
                        <Evidence
                          key={`${evidence.source}-${evidence.field}`}
                          evidence={evidence}
                        />
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('vocational.eligibility.source', { source: eligibility.source })}</p>
    </div>
  );
}

/** When to refer: too early, the right time or late, with the window's dates and the reason. */
export function TimingHintView({
  timing,
  headingLevel = 4,
}: {
  timing: TimingHint;
  headingLevel?: 4 | 5;
}) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 4 ? 'h4' : 'h5';
  const date = (iso: string) => formatCalendarDate(iso, i18n.language);
  return (
    <div className={`timing-hint timing-hint--${timing.timing}`}>
      <Heading className="timing-hint__title">
        {t('vocational.eligibility.timingTitle', {
          timing: t(`vocational.eligibility.timings.${timing.timing}`),
        })}
      </Heading>
      <p>{timing.reason}</p>
      {timing.opensOn === null || timing.closesOn === null ? null : (
        <p>
          {t('vocational.eligibility.window', {
            opens: date(timing.opensOn),
            closes: date(timing.closesOn),
          })}
        </p>
      )}
      <p className="muted">
        {timing.anchor === null
          ? t('vocational.eligibility.noAnchor')
          : t(`vocational.eligibility.anchors.${timing.anchor.kind}`, {
              date: date(timing.anchor.date),
            })}
      </p>
    </div>
  );
}
