import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../ui/language-switch';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import type { EmployerProblem } from './employer-problem';
import { sessionStorageOrNull } from './employer-token';
import type { TokenEnvironment } from './employer-token';

/**
 * The pages opened from a link without signing in, the employer's (`/e#<token>`) and the
 * patient's approval page (`/a#<token>`): the token is taken from the fragment, the page is
 * loaded with it, and a missing, wrong, expired or unreachable link has its own problem page.
 * No staff code, no TanStack Query: each route stays its own small chunk.
 */

/** Why a link's page cannot be shown: `no_token` only where the page names it apart. */
export type LinkProblem = EmployerProblem | 'no_token';

export type LinkPageState<Page, Problem extends LinkProblem> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly page: Page }
  | { readonly kind: 'problem'; readonly problem: Problem };

/** One kind of link; keep it a module constant, the page loads again when it changes. */
export interface LinkKind<Api, Page, Problem extends LinkProblem> {
  readonly captureToken: (env: TokenEnvironment) => string | null;
  /** The problem page when the address has no token (and this tab kept none). */
  readonly noToken: Problem;
  readonly createApi: (token: string) => Api;
  readonly load: (api: Api) => Promise<Page>;
  /** The problem page for a failed load. */
  readonly problemOf: (error: unknown) => Problem;
}

/**
 * Takes the token out of the address bar once, loads the page with it, and offers a retry and
 * the means to replace the page or show a problem (a save that answers with the page, a link that
 * died meanwhile).
 */
export function useLinkPage<Api, Page, Problem extends LinkProblem>(
  kind: LinkKind<Api, Page, Problem>,
) {
  const [token] = useState(() =>
    kind.captureToken({
      location: window.location,
      history: window.history,
      storage: sessionStorageOrNull(),
    }),
  );
  const api = useMemo(() => (token === null ? null : kind.createApi(token)), [kind, token]);
  const [state, setState] = useState<LinkPageState<Page, Problem>>(
    token === null ? { kind: 'problem', problem: kind.noToken } : { kind: 'loading' },
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (api === null) return;
    let current = true;
    kind.load(api).then(
      (page) => {
        if (current) setState({ kind: 'loaded', page });
      },
      (error: unknown) => {
        if (current) setState({ kind: 'problem', problem: kind.problemOf(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [kind, api, attempt]);

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const showPage = useCallback((page: Page) => {
    setState({ kind: 'loaded', page });
  }, []);
  const showProblem = useCallback((problem: Problem) => {
    setState({ kind: 'problem', problem });
  }, []);
  return { api, state, retry, showPage, showProblem };
}

function ProblemPage<Problem extends LinkProblem>({
  problem,
  text,
  onRetry,
}: {
  problem: Problem;
  text: (t: TFunction, problem: Problem, part: 'title' | 'body') => string;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const title = text(t, problem, 'title');
  useDocumentTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p>{text(t, problem, 'body')}</p>
      {problem === 'unavailable' ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      ) : null}
    </>
  );
}

/**
 * A link's page in its frame (the service's name and the language, nothing of the staff
 * workspace): loading, the problem page, or the page itself.
 */
export function LinkPage<Page, Problem extends LinkProblem>({
  mainClassName,
  state,
  onRetry,
  problemText,
  children,
}: {
  mainClassName: string;
  state: LinkPageState<Page, Problem>;
  onRetry: () => void;
  /** A problem page's title or body. */
  problemText: (t: TFunction, problem: Problem, part: 'title' | 'body') => string;
  children: (page: Page) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <span className="site-header__name">{t('common.appName')}</span>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main-content" className={mainClassName} tabIndex={-1}>
        {state.kind === 'loading' ? <Loading /> : null}
        {state.kind === 'problem' ? (
          <ProblemPage problem={state.problem} text={problemText} onRetry={onRetry} />
        ) : null}
        {state.kind === 'loaded' ? children(state.page) : null}
      </main>
    </>
  );
}
