import {
  FLAG_COLOURS,
  SBT_RISK_GROUPS,
  type CaseloadEntry,
  type CaseloadQuery,
  type FlagColour,
  type SbtRisk,
} from '@workup/contracts';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { patientPath } from '../../app/paths';
import { ServiceProblem } from '../../app/service-problem';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { CreatePatientForm } from './create-patient-form';
import { FlagTags } from './flag-tags';
import { useCaseload } from './patient-queries';
import { RedFlagAlert } from './red-flag-alert';
import { RiskTag } from './risk-tag';
import { TaskTag } from './task-tag';

const isColour = (value: string | null): value is FlagColour =>
  value !== null && (FLAG_COLOURS as readonly string[]).includes(value);
const isRisk = (value: string | null): value is SbtRisk =>
  value !== null && (SBT_RISK_GROUPS as readonly string[]).includes(value);

/** The filters in the address (`?flag=red&risk=high&overdue=true`), as the API takes them. */
function queryOf(params: URLSearchParams): CaseloadQuery {
  const flag = params.get('flag');
  const risk = params.get('risk');
  return {
    ...(isColour(flag) ? { flag } : {}),
    ...(isRisk(risk) ? { risk } : {}),
    ...(params.get('overdue') === 'true' ? { overdue: 'true' as const } : {}),
  };
}

function Risk({ entry }: { entry: CaseloadEntry }) {
  const { t } = useTranslation();
  if (entry.risk.sbt === null && entry.risk.ompsq10 === null)
    return <>{t('patients.noResponse')}</>;
  return (
    <>
      {entry.risk.sbt === null ? null : <RiskTag risk={entry.risk.sbt} />}
      {entry.risk.ompsq10 === null ? null : (
        <span className="muted">
          {' '}
          {t('patients.ompsqRisk', { risk: t(`risk.${entry.risk.ompsq10}`) })}
        </span>
      )}
    </>
  );
}

/**
 * The caseload: an alert for every open emergency or urgent red flag above everything else,
 * then the patients with red flags first, filters by flag, risk group and overdue follow-up,
 * and a form to add a patient.
 */
export function PatientListPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const caseload = useCaseload(query);
  useDocumentTitle(t('patients.title'));
  const entries = caseload.data?.entries ?? [];
  const filtered = Object.keys(query).length > 0;

  const filter = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['flag', 'risk'] as const) {
      const value = data.get(key);
      if (typeof value === 'string' && value !== '') next.set(key, value);
    }
    if (data.get('overdue') === 'true') next.set('overdue', 'true');
    setParams(next);
  };

  return (
    <>
      <h1>{t('patients.title')}</h1>
      {caseload.data === undefined ? null : (
        <RedFlagAlert entries={caseload.data.entries} now={caseload.data.now} />
      )}
      <section aria-labelledby="caseload-title">
        <h2 id="caseload-title">{t('patients.caseload')}</h2>
        <form className="filters" noValidate onSubmit={filter} aria-label={t('patients.filters')}>
          <div className="filters__field">
            <label className="field__label" htmlFor="filter-flag">
              {t('patients.filterFlag')}
            </label>
            <select id="filter-flag" name="flag" className="input" defaultValue={query.flag ?? ''}>
              <option value="">{t('patients.any')}</option>
              {FLAG_COLOURS.map((colour) => (
                <option key={colour} value={colour}>
                  {t(`flagColours.${colour}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__field">
            <label className="field__label" htmlFor="filter-risk">
              {t('patients.filterRisk')}
            </label>
            <select id="filter-risk" name="risk" className="input" defaultValue={query.risk ?? ''}>
              <option value="">{t('patients.any')}</option>
              {SBT_RISK_GROUPS.map((risk) => (
                <option key={risk} value={risk}>
                  {t(`risk.${risk}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__field filters__field--check">
            <input
              id="filter-overdue"
              type="checkbox"
              name="overdue"
              value="true"
              className="checkbox__input"
              defaultChecked={query.overdue === 'true'}
            />
            <label htmlFor="filter-overdue">{t('patients.filterOverdue')}</label>
          </div>
          <button type="submit" className="button button--secondary">
            {t('patients.applyFilters')}
          </button>
        </form>
        {caseload.isPending ? <Loading /> : null}
        {caseload.isError ? (
          <ServiceProblem error={caseload.error} onRetry={() => void caseload.refetch()} />
        ) : null}
        {caseload.data !== undefined && entries.length === 0 ? (
          <p>{filtered ? t('patients.noneMatch') : t('patients.empty')}</p>
        ) : null}
        {entries.length > 0 ? (
          <div className="table-wrapper">
            <table className="table">
              <caption className="visually-hidden">{t('patients.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('patients.name')}</th>
                  <th scope="col">{t('patients.attention')}</th>
                  <th scope="col">{t('patients.flags')}</th>
                  <th scope="col">{t('patients.latestSbt')}</th>
                  <th scope="col">{t('patients.questionnaires')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr
                    key={entry.patient.id}
                    className={
                      entry.task?.urgency === 'emergency'
                        ? 'row--emergency'
                        : entry.task === null
                          ? undefined
                          : 'row--urgent'
                    }
                  >
                    <th scope="row">
                      <Link to={patientPath(entry.patient.id)}>
                        {entry.patient.givenName} {entry.patient.familyName}
                      </Link>
                      {entry.patient.birthYear === null ? null : (
                        <span className="muted"> ({entry.patient.birthYear})</span>
                      )}
                    </th>
                    <td>
                      {entry.task === null ? (
                        entry.urgency === null || entry.urgency === 'none' ? (
                          '–'
                        ) : (
                          t(`urgency.${entry.urgency}`)
                        )
                      ) : (
                        <TaskTag task={entry.task} />
                      )}
                    </td>
                    <td>
                      <FlagTags flags={entry.flags} />
                    </td>
                    <td>
                      <Risk entry={entry} />
                    </td>
                    <td>
                      {entry.overdueQuestionnaires > 0 ? (
                        <strong className="tag tag--overdue">
                          {t('patients.overdue', { count: entry.overdueQuestionnaires })}
                        </strong>
                      ) : null}{' '}
                      {entry.lastAnsweredAt === null ? (
                        <span className="muted">{t('patients.noAnswers')}</span>
                      ) : (
                        <span className="muted">
                          {t('patients.answered', {
                            date: formatDate(entry.lastAnsweredAt, i18n.language),
                          })}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="add-patient-title">
        <h2 id="add-patient-title">{t('patients.addTitle')}</h2>
        <CreatePatientForm />
      </section>
    </>
  );
}
