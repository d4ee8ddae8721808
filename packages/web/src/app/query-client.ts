import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api-client';
import { SESSION_QUERY_KEY } from '../features/auth/use-session';

const MAX_RETRIES = 2;

/**
 * The query client of the staff workspace. Client errors (4xx) are not retried; when any call
 * finds the session gone, the session is set to "signed out" and the app goes to sign-in.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error, 'unauthenticated')) client.setQueryData(SESSION_QUERY_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (failureCount, error) =>
          failureCount < MAX_RETRIES &&
          (!isApiError(error) || error.status === 0 || error.status >= 500),
      },
    },
  });
  return client;
}
