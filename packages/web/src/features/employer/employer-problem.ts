import { ApiError } from '../../api-client';

/** Why the employer's page cannot show the meeting, each with its own page. */
export const EMPLOYER_PROBLEMS = ['invalid_link', 'link_expired', 'unavailable'] as const;
export type EmployerProblem = (typeof EMPLOYER_PROBLEMS)[number];

/**
 * The page for a failed load: a wrong or revoked link (401 `invalid_link`), an expired one (410
 * `link_expired`), and "unavailable" for anything else (network, server errors), which can be
 * retried.
 */
export function employerProblemOf(error: unknown): EmployerProblem {
  if (!(error instanceof ApiError)) return 'unavailable';
  if (error.code === 'link_expired' || error.status === 410) return 'link_expired';
  if (error.code === 'invalid_link' || error.status === 401) return 'invalid_link';
  return 'unavailable';
}
