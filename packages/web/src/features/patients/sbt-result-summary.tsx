import type { SbtResult } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { RiskTag } from './risk-tag';

/** Highest possible total and psychosocial subscale of the 9-item STarT Back (reference.md §1). */
const SBT_TOTAL_MAX = 9;
const SBT_PSYCHOSOCIAL_MAX = 5;

interface SbtResultSummaryProps {
  readonly result: SbtResult;
}

/** One STarT Back result: the two scores, the risk group and what the group suggests. */
export function SbtResultSummary({ result }: SbtResultSummaryProps) {
  const { t, i18n } = useTranslation();
  const { total, psychosocial, risk } = result.scores;
  return (
    <div className="result-card">
      <p className="muted">
        {t('patient.sbt.submittedAt', { date: formatDateTime(result.submittedAt, i18n.language) })}
      </p>
      <dl className="score-list">
        <div className="score-list__row">
          <dt>{t('patient.sbt.total')}</dt>
          <dd>{t('patient.sbt.outOf', { value: total, max: SBT_TOTAL_MAX })}</dd>
        </div>
        <div className="score-list__row">
          <dt>{t('patient.sbt.psychosocial')}</dt>
          <dd>{t('patient.sbt.outOf', { value: psychosocial, max: SBT_PSYCHOSOCIAL_MAX })}</dd>
        </div>
        <div className="score-list__row">
          <dt>{t('patient.sbt.risk')}</dt>
          <dd>
            <RiskTag risk={risk} />
          </dd>
        </div>
      </dl>
      <p className="interpretation">{t(`interpretation.${risk}`)}</p>
    </div>
  );
}
