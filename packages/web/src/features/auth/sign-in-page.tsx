import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SignInRequestSchema } from '@workup/contracts';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api-client';
import { safeNextPath } from '../../app/paths';
import { SiteHeader } from '../../app/site-header';
import { useStaffApi } from '../../app/staff-api-context';
import { ErrorSummary } from '../../ui/error-summary';
import type { SummaryError } from '../../ui/error-summary';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { SESSION_QUERY_KEY, useSession } from './use-session';

type Field = 'email' | 'password';

/** Staff sign-in with email and password. */
export function SignInPage() {
  const { t } = useTranslation();
  const api = useStaffApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const session = useSession();
  const next = safeNextPath(searchParams.get('next'));

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);

  const signIn = useMutation({
    mutationFn: () => api.signIn({ email: email.trim(), password }),
    onSuccess: (info) => {
      queryClient.setQueryData(SESSION_QUERY_KEY, info);
      void navigate(next, { replace: true });
    },
  });

  const serverError = signIn.error;
  const summary: SummaryError[] = [];
  if (fieldErrors.email !== undefined)
    summary.push({ message: fieldErrors.email, targetId: 'email' });
  if (fieldErrors.password !== undefined) {
    summary.push({ message: fieldErrors.password, targetId: 'password' });
  }
  if (serverError !== null) {
    if (isApiError(serverError, 'invalid_credentials')) {
      summary.push({ message: t('auth.errors.invalid_credentials'), targetId: 'email' });
    } else if (isApiError(serverError, 'rate_limited')) {
      summary.push({ message: t('auth.errors.rate_limited') });
    } else if (isApiError(serverError, 'network_error')) {
      summary.push({ message: t('common.errors.network_error') });
    } else {
      summary.push({ message: t('common.errors.generic') });
    }
  }

  useDocumentTitle(t('auth.signInTitle'), summary.length > 0);

  if (session.data !== undefined && session.data !== null) return <Navigate to={next} replace />;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.reset();
    setAttempt((count) => count + 1);
    const parsed = SignInRequestSchema.safeParse({ email: email.trim(), password });
    if (!parsed.success) {
      const errors: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'email' || field === 'password') errors[field] = t(`auth.errors.${field}`);
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    signIn.mutate();
  };

  return (
    <>
      <SiteHeader />
      <main id="main-content" className="page page--narrow" tabIndex={-1}>
        <ErrorSummary errors={summary} attempt={attempt} />
        <h1>{t('auth.signInTitle')}</h1>
        <form noValidate onSubmit={submit}>
          <TextField
            id="email"
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            error={fieldErrors.email}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
          />
          <TextField
            id="password"
            label={t('auth.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            error={fieldErrors.password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
          <button type="submit" className="button" disabled={signIn.isPending}>
            {signIn.isPending ? t('auth.signingIn') : t('auth.signIn')}
          </button>
        </form>
      </main>
    </>
  );
}
