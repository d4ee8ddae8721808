import { useTranslation } from 'react-i18next';
import { LinkProblemPage } from './link-problem-page';
import { LoadedQuestionnaire } from './loaded-questionnaire';
import { PatientLayout } from './patient-layout';
import { currentRespondToken } from './respond-token';

/** `/q`: the patient's questionnaire, opened from the link their clinician sent. */
export function RespondRoute() {
  const { t } = useTranslation();
  const token = currentRespondToken();
  if (token === null) {
    return (
      <PatientLayout title={t('common.appName')}>
        <LinkProblemPage problem="invalid_link" />
      </PatientLayout>
    );
  }
  return <LoadedQuestionnaire token={token} />;
}
