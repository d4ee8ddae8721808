/** Where a patient's questionnaire link opens (`/q#<token>`). */
export const RESPOND_PATH = '/q';

export function isRespondPath(pathname: string): boolean {
  return pathname === RESPOND_PATH || pathname === `${RESPOND_PATH}/`;
}

/** Where an employer's meeting link opens (`/e#<token>`). */
export const EMPLOYER_PATH = '/e';

/** Where the patient's own approval link for a CDM opens (`/a#<token>`). */
export const APPROVAL_PATH = '/a';

export const PATIENTS_PATH = '/patients';
export const SIGN_IN_PATH = '/sign-in';

export function patientPath(patientId: string): string {
  return `${PATIENTS_PATH}/${encodeURIComponent(patientId)}`;
}

/**
 * Where to go after signing in: the `next` parameter when it is a path of this app, else the
 * caseload. Anything that could lead off-site (`//host`, `https://…`, `/\host`) is refused.
 */
export function safeNextPath(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return PATIENTS_PATH;
  }
  if (next === SIGN_IN_PATH || next.startsWith(`${SIGN_IN_PATH}?`)) return PATIENTS_PATH;
  return next;
}
