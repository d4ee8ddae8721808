import {
  OdiScoresSchema,
  SbtRiskSchema,
  UrgencySchema,
  type InstrumentResult,
} from '@workup/contracts';
import { findInstrument } from '@workup/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { importantChanges, latestByInstrument, MIC, summariseResult } from './interpretation';
import { TrajectoryChart } from './trajectory-chart';

/** An instrument's name as its definition gives it (a name, not licensed wording). */
export function instrumentTitle(id: string): string {
  return findInstrument(id)?.definition.title ?? id;
}

const riskKey = (value: string) => `risk.${SbtRiskSchema.safeParse(value).data ?? 'high'}` as const;
const odiBandKey = (value: string) =>
  `results.odiBand.${OdiScoresSchema.shape.band.safeParse(value).data ?? 'moderate'}` as const;
const urgencyKey = (value: string) =>
  `urgency.${UrgencySchema.safeParse(value).data ?? 'none'}` as const;

/** One result's values with their labels and groups. */
function ResultValues({ result }: { result: InstrumentResult }) {
  const { t } = useTranslation();
  const summary = summariseResult(result);
  if (result.scores === null) return <span className="muted">{t('results.notScored')}</span>;
  return (
    <>
      <dl className="inline-list">
        {summary.lines.map((line) => (
          <div key={line.name}>
            <dt>{line.label === null ? line.name : t(`results.labels.${line.label}`)}</dt>
            <dd>
              {line.tag === 'risk' ? (
                <strong className={`tag tag--${line.value}`}>{t(riskKey(line.value))}</strong>
              ) : line.tag === 'odiBand' ? (
                t(odiBandKey(line.value))
              ) : line.tag === 'urgency' ? (
                t(urgencyKey(line.value))
              ) : (
                line.value
              )}
            </dd>
          </div>
        ))}
      </dl>
      {summary.codes.map((group) => (
        <p key={group.label} className="muted">
          {t(`results.labels.${group.label}`)}
          {group.codes.length === 0
            ? null
            : `: ${group.codes.map((c) => c.replaceAll('_', ' ')).join(', ')}`}
          {group.codes.length === 0 && group.label !== 'motivationLow'
            ? `: ${t('results.none')}`
            : null}
        </p>
      ))}
    </>
  );
}

/**
 * The latest result of every questionnaire with its interpretation, the change from the first
 * answers measured against the minimal important change, and the trajectory over timepoints.
 */
export function ResultsPanel({ results }: { results: readonly InstrumentResult[] }) {
  const { t, i18n } = useTranslation();
  const latest = latestByInstrument(results);
  const changes = importantChanges(results);
  return (
    <section aria-labelledby="results-title" className="panel">
      <h2 id="results-title">{t('results.title')}</h2>
      {latest.length === 0 ? (
        <p>{t('results.none')}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table">
            <caption className="visually-hidden">{t('results.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.questionnaire')}</th>
                <th scope="col">{t('results.answered')}</th>
                <th scope="col">{t('results.result')}</th>
              </tr>
            </thead>
            <tbody>
              {latest.map((result) => (
                <tr key={result.responseId}>
                  <th scope="row">{instrumentTitle(result.instrument)}</th>
                  <td>
                    {formatDate(result.submittedAt, i18n.language)}
                    {result.timepoint === null ? null : (
                      <span className="muted"> ({result.timepoint.replaceAll('_', ' ')})</span>
                    )}
                  </td>
                  <td>
                    <ResultValues result={result} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {changes.length === 0 ? null : (
        <>
          <h3>{t('results.changeTitle')}</h3>
          <ul className="plain-list">
            {changes.map((change) => (
              <li key={change.measure}>
                {t(`results.measures.${change.measure}`)}: {change.from} → {change.to}.{' '}
                <strong>{t(`results.verdict.${change.verdict}`)}</strong>{' '}
                <span className="muted">
                  {t('results.micNote', {
                    points: change.measure === 'odi' ? MIC.odi.points : MIC.pain_nrs.points,
                    percent: change.measure === 'odi' ? MIC.odi.percent : MIC.pain_nrs.percent,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <TrajectoryChart results={results} />
    </section>
  );
}
