import type { Draft, QuestionnaireForm } from '@workup/contracts';
import { useEffect, useState } from 'react';
import type { RespondApi } from '../../api-client';

export type FormState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly form: QuestionnaireForm; readonly draft: Draft }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * Loads the questionnaires behind the link and the answers saved earlier through it (on this
 * or another device), together. Plain React state rather than TanStack Query keeps the
 * patient's bundle small; `attempt` changes to load again.
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
    Promise.all([api.getForm(language), api.getDraft()]).then(
      ([form, draft]) => {
        if (current) setState({ status: 'ready', form, draft });
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
