import type { QuestionnaireForm } from '@workup/contracts';
import { useEffect, useState } from 'react';
import type { RespondApi } from '../../api-client';

export type FormState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly form: QuestionnaireForm }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * Loads the questionnaire behind the link. Plain React state rather than TanStack Query keeps
 * the patient's bundle small; `attempt` changes to load again.
 */
export function useQuestionnaireForm(
  api: RespondApi,
  attempt: number,
  language: string,
): FormState {
  const [state, setState] = useState<FormState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    api.getForm(language).then(
      (form) => {
        if (current) setState({ status: 'ready', form });
      },
      (error: unknown) => {
        if (current) setState({ status: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
  }, [api, attempt, language]);
  return state;
}
