import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { patientPath } from '../../app/paths';
import { ServiceProblem } from '../../app/service-problem';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { CreatePatientForm } from './create-patient-form';
import { usePatientList } from './patient-queries';
import { RiskTag } from './risk-tag';

/** The caseload, each patient with their latest STarT Back risk group, and a form to add one. */
export function PatientListPage() {
  const { t, i18n } = useTranslation();
  const patients = usePatientList();
  useDocumentTitle(t('patients.title'));

  return (
    <>
      <h1>{t('patients.title')}</h1>
      <section aria-labelledby="caseload-title">
        <h2 id="caseload-title">{t('patients.caseload')}</h2>
        {patients.isPending ? <Loading /> : null}
        {patients.isError ? (
          <ServiceProblem error={patients.error} onRetry={() => void patients.refetch()} />
        ) : null}
        {patients.data?.patients.length === 0 ? <p>{t('patients.empty')}</p> : null}
        {patients.data !== undefined && patients.data.patients.length > 0 ? (
          <div className="table-wrapper">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('patients.name')}</th>
                  <th scope="col">{t('patients.birthYear')}</th>
                  <th scope="col">{t('patients.latestSbt')}</th>
                </tr>
              </thead>
              <tbody>
                {patients.data.patients.map((patient) => (
                  <tr key={patient.id}>
                    <th scope="row">
                      <Link to={patientPath(patient.id)}>
                        {patient.givenName} {patient.familyName}
                      </Link>
                    </th>
                    <td>{patient.birthYear ?? t('patients.noBirthYear')}</td>
                    <td>
                      {patient.latestSbt === null ? (
                        t('patients.noResponse')
                      ) : (
                        <>
                          <RiskTag risk={patient.latestSbt.scores.risk} />{' '}
                          <span className="muted">
                            {formatDate(patient.latestSbt.submittedAt, i18n.language)}
                          </span>
                        </>
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
