import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createRespondApi } from '../../api-client';
import { Loading } from '../../ui/loading';
import { linkProblemOf } from './link-problem';
import { LinkProblemPage } from './link-problem-page';
import { PatientLayout } from './patient-layout';
import { Questionnaire } from './questionnaire';
import { useQuestionnaireForm } from './use-questionnaire-form';

interface LoadedQuestionnaireProps {
  readonly token: string;
}

/** Loads the form behind the link, then shows its pages or why the link cannot be used. */
export function LoadedQuestionnaire({ token }: LoadedQuestionnaireProps) {
  const { t, i18n } = useTranslation();
  const api = useMemo(() => createRespondApi(token), [token]);
  const [attempt, setAttempt] = useState(0);
  const state = useQuestionnaireForm(api, attempt, i18n.language);

  if (state.status === 'loading') {
    return (
      <PatientLayout title={t('common.appName')}>
        <Loading />
      </PatientLayout>
    );
  }
  if (state.status === 'failed') {
    return (
      <PatientLayout title={t('common.appName')}>
        <LinkProblemPage
          problem={linkProblemOf(state.error) ?? 'unavailable'}
          onRetry={() => {
            setAttempt((count) => count + 1);
          }}
        />
      </PatientLayout>
    );
  }
  const { form } = state;
  return (
    <PatientLayout title={form.questionnaires.length > 1 ? t('respond.setTitle') : form.title}>
      <Questionnaire api={api} token={token} form={form} draft={state.draft} />
    </PatientLayout>
  );
}
