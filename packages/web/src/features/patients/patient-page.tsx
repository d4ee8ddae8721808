import type { SbtResult } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api-client';
import { PATIENTS_PATH } from '../../app/paths';
import { ServiceProblem } from '../../app/service-problem';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { CdmPanel } from '../cdm/cdm-panel';
import { RtwPanel } from '../rtw/rtw-panel';
import { ReferralPanel } from '../vocational/referral-panel';
import { usePatient } from './patient-queries';
import { FlagProfile } from './flag-profile';
import { PlanPanel } from './plan-panel';
import { useLatestPlan } from './patient-queries';
import { QuestionnaireLinkPanel } from './questionnaire-link-panel';
import { RecordPanel } from './record-panel';
import { RedFlagTaskPanel } from './red-flag-task-panel';
import { ResultsPanel } from './results-panel';
import { SessionPanel } from './session-panel';
import { RiskTag } from './risk-tag';
import { SbtResultSummary } from './sbt-result-summary';

function newestFirst(results: readonly SbtResult[]): SbtResult[] {
  return [...results].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}

/**
 * One patient: open red-flag tasks first, then the latest scores with their interpretation and
 * trajectory, the flag profile with its evidence, the plan with a decision per component, fast
 * entry of a treatment session, and issuing a questionnaire link. Prints as a summary for the
 * record (the controls are left out of the print).
 */
export function PatientPage() {
  const { t, i18n } = useTranslation();
  const { patientId = '' } = useParams();
  const patient = usePatient(patientId);
  const plan = useLatestPlan(patientId);
  const name =
    patient.data === undefined ? '' : `${patient.data.givenName} ${patient.data.familyName}`;
  useDocumentTitle(name === '' ? t('patient.caption') : name);

  const backLink = (
    <Link className="back-link" to={PATIENTS_PATH}>
      {t('patient.backToList')}
    </Link>
  );

  if (patient.isPending) return <Loading />;
  if (patient.isError) {
    const missing = isApiError(patient.error, 'not_found', 'validation_failed');
    return (
      <>
        {backLink}
        <h1>{t('patient.caption')}</h1>
        {missing ? (
          <p>{t('patient.notFound')}</p>
        ) : (
          <ServiceProblem error={patient.error} onRetry={() => void patient.refetch()} />
        )}
      </>
    );
  }

  const results = newestFirst(patient.data.sbtResults);
  const latest = results[0];

  return (
    <>
      {backLink}
      <h1>
        <span className="caption">{t('patient.caption')}</span>
        {name}
      </h1>
      {patient.data.birthYear === null ? null : (
        <p>{t('patient.bornIn', { year: patient.data.birthYear })}</p>
      )}
      <p className="no-print">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            window.print();
          }}
        >
          {t('patient.print')}
        </button>
      </p>

      <RedFlagTaskPanel patientId={patientId} />
      <ResultsPanel results={patient.data.results} />
      {plan.data === undefined || plan.data === null ? null : (
        <>
          <FlagProfile plan={plan.data} />
          <PlanPanel patientId={patientId} plan={plan.data} />
        </>
      )}
      <SessionPanel patientId={patientId} plan={plan.data ?? null} />
      <RecordPanel patientId={patientId} assignments={patient.data.assignments} />
      <RtwPanel patientId={patientId} />
      <ReferralPanel patientId={patientId} />
      <CdmPanel patientId={patientId} />

      <section aria-labelledby="sbt-title" className="panel">
        <h2 id="sbt-title">{t('patient.sbt.title')}</h2>
        <h3>{t('patient.sbt.latest')}</h3>
        {latest === undefined ? (
          <p>{t('patient.sbt.none')}</p>
        ) : (
          <SbtResultSummary result={latest} />
        )}
        {results.length > 1 ? (
          <>
            <h3 id="sbt-history-title">{t('patient.sbt.history')}</h3>
            <div className="table-wrapper">
              <table className="table" aria-labelledby="sbt-history-title">
                <thead>
                  <tr>
                    <th scope="col">{t('patient.sbt.date')}</th>
                    <th scope="col">{t('patient.sbt.total')}</th>
                    <th scope="col">{t('patient.sbt.psychosocial')}</th>
                    <th scope="col">{t('patient.sbt.risk')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((result) => (
                    <tr key={result.responseId}>
                      <td>{formatDateTime(result.submittedAt, i18n.language)}</td>
                      <td>{result.scores.total}</td>
                      <td>{result.scores.psychosocial}</td>
                      <td>
                        <RiskTag risk={result.scores.risk} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </section>

      <div className="no-print">
        <QuestionnaireLinkPanel patientId={patientId} />
      </div>
    </>
  );
}
