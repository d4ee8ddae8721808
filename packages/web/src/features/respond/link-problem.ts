import { ApiError } from '../../api-client';

/** Why a questionnaire link cannot be used, each with its own page. */
export const LINK_PROBLEMS = [
  'invalid_link',
  'link_expired',
  'already_submitted',
  'unavailable',
] as const;
export type LinkProblem = (typeof LINK_PROBLEMS)[number];

/**
 * The page for a failed respond call: the server's codes for a bad, expired or used link, and
 * "unavailable" for anything else (network, server errors). Null for a validation error, which
 * the form shows itself.
 */
export function linkProblemOf(error: unknown): LinkProblem | null {
  if (!(error instanceof ApiError)) return 'unavailable';
  if (error.code === 'validation_failed') return null;
  if (error.code === 'link_expired' || error.code === 'already_submitted') return error.code;
  if (error.code === 'invalid_link' || error.status === 401) return 'invalid_link';
  return 'unavailable';
}
