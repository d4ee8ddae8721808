import {
  CaseloadSchema,
  CSRF_HEADER,
  DashboardSchema,
  OutboxListSchema,
  DraftSchema,
  EpisodeListSchema,
  PlanComponentSchema,
  PlanListSchema,
  PlanSchema,
  ProtocolSchema,
  RedFlagTaskListSchema,
  RedFlagTaskSchema,
  SessionSchema,
  IDEMPOTENCY_KEY_HEADER,
  InstrumentDetailSchema,
  PatientDetailSchema,
  PatientListSchema,
  PatientSummarySchema,
  ProblemSchema,
  QuestionnaireFormSchema,
  QuestionnaireLinkSchema,
  SessionInfoSchema,
  SessionStateSchema,
  SubmitAnswersResponseSchema,
  CreatedEmployerLinkSchema,
  EligibilityCheckSchema,
  EmployerLinkSchema,
  EmployerMeetingPageSchema,
  MeetingListSchema,
  MeetingPreviewSchema,
  MeetingSchema,
  NotificationListSchema,
  PatientSharingPageSchema,
  PatientTimelineSchema,
  ReferralNotificationRecordSchema,
  ReferralQueueSchema,
  SickLeaveListSchema,
  SickLeavePeriodRecordSchema,
  VocationalReferralListSchema,
  VocationalReferralSchema,
} from '@workup/contracts';
import type {
  CdmStep,
  CreateEmployerLinkRequest,
  CreateMeetingRequest,
  CreateReferralRequest,
  CreatedEmployerLink,
  EligibilityCheck,
  EligibilityCheckRequest,
  EmployerLink,
  EmployerMeetingPage,
  Meeting,
  MeetingList,
  MeetingPreview,
  NotificationList,
  CreatePatientLinkRequest,
  PatientSharingPage,
  PatientTimeline,
  RecordReferralEventRequest,
  RecordSharingRequest,
  RecordSickLeaveRequest,
  ReferralNotificationRecord,
  ReferralQueue,
  ReferralQueueQuery,
  SickLeaveList,
  SickLeavePeriodRecord,
  VocationalReferral,
  VocationalReferralList,
  Caseload,
  CaseloadQuery,
  Dashboard,
  OutboxMessage,
  CloseTaskRequest,
  CreateSessionRequest,
  DecideComponentRequest,
  EpisodeList,
  Plan,
  PlanComponent,
  PlanList,
  Protocol,
  RedFlagTask,
  RedFlagTaskList,
  Session,
  CreateLinkRequest,
  CreatePatientRequest,
  Draft,
  InstrumentDetail,
  PatientDetail,
  PatientList,
  PatientSummary,
  QuestionnaireForm,
  QuestionnaireLink,
  Responses,
  SessionInfo,
  SignInRequest,
  SubmitAnswersRequest,
  SubmitAnswersResponse,
} from '@workup/contracts';

/**
 * Codes the client itself raises, next to the server's problem codes: the server could not be
 * reached, or it answered with something that is not what the contract promises.
 */
export const CLIENT_ERROR_CODES = ['network_error', 'invalid_response'] as const;

/** Bad fields of a request, keyed by the dotted path of each field (`answers.9`). */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * The one error every API call throws. Screens branch on `code` (never on the message) and map
 * it to a localised text; `fieldErrors` holds the server's validation messages by field path.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldErrors = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Whether `error` is an `ApiError` with one of the given codes. */
export function isApiError(error: unknown, ...codes: readonly string[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/** The key under which a field's error is kept: its path joined with dots. */
export function fieldKey(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

/** Turns an error response's status and parsed body into an `ApiError`. */
export function problemToApiError(status: number, body: unknown): ApiError {
  const parsed = ProblemSchema.safeParse(body);
  if (!parsed.success) {
    return new ApiError(status, 'invalid_response', `Unexpected error response (HTTP ${status})`);
  }
  const problem = parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const key = fieldKey(error.path);
    fieldErrors[key] ??= error.message;
  }
  return new ApiError(status, problem.code, problem.detail ?? problem.title, fieldErrors);
}

/** The part of a zod schema the client needs; keeps the client independent of zod itself. */
export interface ResponseSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: unknown };
}

/** `fetch`, or a fake of it in tests. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

const defaultFetch: FetchLike = (input, init) => fetch(input, init);

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // Not JSON (e.g. a proxy's HTML error page): the caller reports it as an invalid response.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

async function send(fetchFn: FetchLike, path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(path, init);
  } catch (cause) {
    throw new ApiError(0, 'network_error', 'The server could not be reached', {}, { cause });
  }
  if (!response.ok) throw problemToApiError(response.status, await readJson(response));
  return response;
}

async function parseBody<T>(response: Response, schema: ResponseSchema<T>): Promise<T> {
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'invalid_response',
      'The server answered with an unexpected body',
      {},
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

/** Calls of the signed-in staff member, authenticated by the session cookie. */
export interface StaffApi {
  /** The current session, or null when nobody is signed in. */
  getSession(): Promise<SessionInfo | null>;
  signIn(request: SignInRequest): Promise<SessionInfo>;
  signOut(): Promise<void>;
  listPatients(): Promise<PatientList>;
  createPatient(request: CreatePatientRequest): Promise<PatientSummary>;
  getPatient(patientId: string): Promise<PatientDetail>;
  createQuestionnaireLink(
    patientId: string,
    request: CreateLinkRequest,
  ): Promise<QuestionnaireLink>;
  /** An instrument in the words patients see in `language` (content pack or paraphrase). */
  getInstrument(instrument: string, language: string): Promise<InstrumentDetail>;
  /** The caseload: red flags first, filtered. */
  getCaseload(query: CaseloadQuery): Promise<Caseload>;
  listPlans(patientId: string): Promise<PlanList>;
  getPlan(patientId: string, planId: string): Promise<Plan>;
  decideComponent(
    patientId: string,
    planId: string,
    code: string,
    request: DecideComponentRequest,
  ): Promise<PlanComponent>;
  listProtocol(patientId: string): Promise<Protocol>;
  listEpisodes(patientId: string): Promise<EpisodeList>;
  recordSession(patientId: string, request: CreateSessionRequest): Promise<Session>;
  listTasks(patientId: string): Promise<RedFlagTaskList>;
  acknowledgeTask(patientId: string, taskId: string): Promise<RedFlagTask>;
  closeTask(patientId: string, taskId: string, request: CloseTaskRequest): Promise<RedFlagTask>;
  /** Follow-up completion per unit and timepoint, with the overdue list. */
  getFollowupDashboard(): Promise<Dashboard>;
  /** Messages the outbox transport kept (development and tests), newest first. */
  listOutbox(): Promise<{ messages: OutboxMessage[] }>;

  // Return to work (issue 7): sick leave and the timeline
  listSickLeave(patientId: string): Promise<SickLeaveList>;
  recordSickLeave(
    patientId: string,
    request: RecordSickLeaveRequest,
  ): Promise<SickLeavePeriodRecord>;
  removeSickLeave(
    patientId: string,
    periodId: string,
    reason: string,
  ): Promise<SickLeavePeriodRecord>;
  getTimeline(patientId: string): Promise<PatientTimeline>;

  // Vocational advice referrals and the referrer's notifications
  checkVocationalEligibility(
    patientId: string,
    request: EligibilityCheckRequest,
  ): Promise<EligibilityCheck>;
  listReferrals(patientId: string): Promise<VocationalReferralList>;
  createReferral(patientId: string, request: CreateReferralRequest): Promise<VocationalReferral>;
  getReferral(patientId: string, referralId: string): Promise<VocationalReferral>;
  recordReferralEvent(
    patientId: string,
    referralId: string,
    request: RecordReferralEventRequest,
  ): Promise<VocationalReferral>;
  /** The adviser's referral inbox, caseload or closed referrals across their units. */
  getReferralQueue(query: ReferralQueueQuery): Promise<ReferralQueue>;
  listNotifications(): Promise<NotificationList>;
  markNotificationRead(notificationId: string): Promise<ReferralNotificationRecord>;

  // Convergence Dialogue Meetings
  listMeetings(patientId: string): Promise<MeetingList>;
  createMeeting(patientId: string, request: CreateMeetingRequest): Promise<Meeting>;
  getMeeting(patientId: string, meetingId: string): Promise<Meeting>;
  recordMeetingStep(
    patientId: string,
    meetingId: string,
    step: CdmStep,
    request: unknown,
  ): Promise<Meeting>;
  recordSharing(
    patientId: string,
    meetingId: string,
    request: RecordSharingRequest,
  ): Promise<Meeting>;
  revokeSharing(patientId: string, meetingId: string): Promise<Meeting>;
  getEmployerPreview(patientId: string, meetingId: string): Promise<MeetingPreview>;
  createEmployerLink(
    patientId: string,
    meetingId: string,
    request: CreateEmployerLinkRequest,
  ): Promise<CreatedEmployerLink>;
  revokeEmployerLink(patientId: string, meetingId: string, linkId: string): Promise<EmployerLink>;
  /** A link for the patient to choose what the employer sees (`/a#<token>`, shown once). */
  createPatientLink(
    patientId: string,
    meetingId: string,
    request: CreatePatientLinkRequest,
  ): Promise<CreatedEmployerLink>;
  revokePatientLink(patientId: string, meetingId: string, linkId: string): Promise<EmployerLink>;
}

const API = '/api/v1';

const patientPath = (patientId: string) => `/patients/${encodeURIComponent(patientId)}`;

/**
 * A client for the staff API. It remembers the session's CSRF token and sends it with every
 * change, as the server requires of cookie-authenticated requests.
 */
export function createStaffApi(fetchFn: FetchLike = defaultFetch): StaffApi {
  let csrfToken: string | null = null;

  const get = async <T>(path: string, schema: ResponseSchema<T>): Promise<T> => {
    const response = await send(fetchFn, `${API}${path}`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    return parseBody(response, schema);
  };

  const post = (
    path: string,
    body: unknown,
    method: 'POST' | 'PUT' = 'POST',
  ): Promise<Response> => {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/json',
    };
    if (csrfToken !== null) headers[CSRF_HEADER] = csrfToken;
    return send(fetchFn, `${API}${path}`, {
      method,
      credentials: 'same-origin',
      headers,
      body: JSON.stringify(body ?? {}),
    });
  };

  const remember = (session: SessionInfo): SessionInfo => {
    csrfToken = session.csrfToken;
    return session;
  };

  return {
    async getSession() {
      const { session } = await get('/auth/state', SessionStateSchema);
      if (session === null) {
        csrfToken = null;
        return null;
      }
      return remember(session);
    },
    async signIn(request) {
      return remember(await parseBody(await post('/auth/sign-in', request), SessionInfoSchema));
    },
    async signOut() {
      await post('/auth/sign-out', {});
      csrfToken = null;
    },
    listPatients() {
      return get('/patients', PatientListSchema);
    },
    async createPatient(request) {
      return parseBody(await post('/patients', request), PatientSummarySchema);
    },
    getPatient(patientId) {
      return get(`/patients/${encodeURIComponent(patientId)}`, PatientDetailSchema);
    },
    async createQuestionnaireLink(patientId, request) {
      const path = `/patients/${encodeURIComponent(patientId)}/questionnaire-links`;
      return parseBody(await post(path, request), QuestionnaireLinkSchema);
    },
    getInstrument(instrument, language) {
      const path = `/instruments/${encodeURIComponent(instrument)}?lang=${encodeURIComponent(language)}`;
      return get(path, InstrumentDetailSchema);
    },
    getCaseload(query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (typeof value === 'string') params.set(key, value);
      }
      const search = params.toString();
      return get(`/caseload${search === '' ? '' : `?${search}`}`, CaseloadSchema);
    },
    listPlans(patientId) {
      return get(`${patientPath(patientId)}/plans`, PlanListSchema);
    },
    getPlan(patientId, planId) {
      return get(`${patientPath(patientId)}/plans/${encodeURIComponent(planId)}`, PlanSchema);
    },
    async decideComponent(patientId, planId, code, request) {
      const path = `${patientPath(patientId)}/plans/${encodeURIComponent(planId)}/components/${encodeURIComponent(code)}`;
      return parseBody(await post(path, request, 'PUT'), PlanComponentSchema);
    },
    listProtocol(patientId) {
      return get(`${patientPath(patientId)}/protocol`, ProtocolSchema);
    },
    listEpisodes(patientId) {
      return get(`${patientPath(patientId)}/episodes`, EpisodeListSchema);
    },
    async recordSession(patientId, request) {
      return parseBody(
        await post(`${patientPath(patientId)}/protocol/sessions`, request),
        SessionSchema,
      );
    },
    listTasks(patientId) {
      return get(`${patientPath(patientId)}/tasks`, RedFlagTaskListSchema);
    },
    async acknowledgeTask(patientId, taskId) {
      const path = `${patientPath(patientId)}/tasks/${encodeURIComponent(taskId)}/acknowledgement`;
      return parseBody(await post(path, {}), RedFlagTaskSchema);
    },
    async closeTask(patientId, taskId, request) {
      const path = `${patientPath(patientId)}/tasks/${encodeURIComponent(taskId)}/closure`;
      return parseBody(await post(path, request), RedFlagTaskSchema);
    },
    getFollowupDashboard() {
      return get('/followup/dashboard', DashboardSchema);
    },
    listOutbox() {
      return get('/outbox', OutboxListSchema);
    },

    listSickLeave(patientId) {
      return get(`${patientPath(patientId)}/sick-leave`, SickLeaveListSchema);
    },
    async recordSickLeave(patientId, request) {
      return parseBody(
        await post(`${patientPath(patientId)}/sick-leave`, request),
        SickLeavePeriodRecordSchema,
      );
    },
    async removeSickLeave(patientId, periodId, reason) {
      const path = `${patientPath(patientId)}/sick-leave/${encodeURIComponent(periodId)}/removal`;
      return parseBody(await post(path, { reason }), SickLeavePeriodRecordSchema);
    },
    getTimeline(patientId) {
      return get(`${patientPath(patientId)}/timeline`, PatientTimelineSchema);
    },

    async checkVocationalEligibility(patientId, request) {
      const path = `${patientPath(patientId)}/vocational-eligibility`;
      return parseBody(await post(path, request), EligibilityCheckSchema);
    },
    listReferrals(patientId) {
      return get(`${patientPath(patientId)}/vocational-referrals`, VocationalReferralListSchema);
    },
    async createReferral(patientId, request) {
      return parseBody(
        await post(`${patientPath(patientId)}/vocational-referrals`, request),
        VocationalReferralSchema,
      );
    },
    getReferral(patientId, referralId) {
      const path = `${patientPath(patientId)}/vocational-referrals/${encodeURIComponent(referralId)}`;
      return get(path, VocationalReferralSchema);
    },
    async recordReferralEvent(patientId, referralId, request) {
      const path = `${patientPath(patientId)}/vocational-referrals/${encodeURIComponent(referralId)}/events`;
      return parseBody(await post(path, request), VocationalReferralSchema);
    },
    getReferralQueue(query) {
      return get(
        `/vocational-referrals?view=${encodeURIComponent(query.view)}`,
        ReferralQueueSchema,
      );
    },
    listNotifications() {
      return get('/notifications', NotificationListSchema);
    },
    async markNotificationRead(notificationId) {
      const path = `/notifications/${encodeURIComponent(notificationId)}/read`;
      return parseBody(await post(path, {}), ReferralNotificationRecordSchema);
    },

    listMeetings(patientId) {
      return get(`${patientPath(patientId)}/cdm-meetings`, MeetingListSchema);
    },
    async createMeeting(patientId, request) {
      return parseBody(
        await post(`${patientPath(patientId)}/cdm-meetings`, request),
        MeetingSchema,
      );
    },
    getMeeting(patientId, meetingId) {
      return get(meetingPath(patientId, meetingId), MeetingSchema);
    },
    async recordMeetingStep(patientId, meetingId, step, request) {
      const path = `${meetingPath(patientId, meetingId)}/steps/${encodeURIComponent(step)}`;
      return parseBody(await post(path, request, 'PUT'), MeetingSchema);
    },
    async recordSharing(patientId, meetingId, request) {
      return parseBody(
        await post(`${meetingPath(patientId, meetingId)}/sharing`, request),
        MeetingSchema,
      );
    },
    async revokeSharing(patientId, meetingId) {
      return parseBody(
        await post(`${meetingPath(patientId, meetingId)}/sharing/revocation`, {}),
        MeetingSchema,
      );
    },
    getEmployerPreview(patientId, meetingId) {
      return get(`${meetingPath(patientId, meetingId)}/employer-preview`, MeetingPreviewSchema);
    },
    async createEmployerLink(patientId, meetingId, request) {
      return parseBody(
        await post(`${meetingPath(patientId, meetingId)}/employer-links`, request),
        CreatedEmployerLinkSchema,
      );
    },
    async revokeEmployerLink(patientId, meetingId, linkId) {
      const path = `${meetingPath(patientId, meetingId)}/employer-links/${encodeURIComponent(linkId)}/revocation`;
      return parseBody(await post(path, {}), EmployerLinkSchema);
    },
    async createPatientLink(patientId, meetingId, request) {
      return parseBody(
        await post(`${meetingPath(patientId, meetingId)}/patient-links`, request),
        CreatedEmployerLinkSchema,
      );
    },
    async revokePatientLink(patientId, meetingId, linkId) {
      const path = `${meetingPath(patientId, meetingId)}/patient-links/${encodeURIComponent(linkId)}/revocation`;
      return parseBody(await post(path, {}), EmployerLinkSchema);
    },
  };
}

const meetingPath = (patientId: string, meetingId: string) =>
  `${patientPath(patientId)}/cdm-meetings/${encodeURIComponent(meetingId)}`;

/** A client for an employer's meeting link, authenticated by the link's token only. */
export interface EmployerApi {
  getMeeting(): Promise<EmployerMeetingPage>;
}

export function createEmployerApi(token: string, fetchFn: FetchLike = defaultFetch): EmployerApi {
  return {
    async getMeeting() {
      const response = await send(fetchFn, `${API}/employer/meeting`, {
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        headers: { accept: 'application/json', authorization: `Bearer ${token}` },
      });
      return parseBody(response, EmployerMeetingPageSchema);
    },
  };
}

/** Calls of a patient answering a questionnaire, authenticated by the link's token only. */
export interface RespondApi {
  /** The form in `language` where the site has the licensed wording; else workup's own. */
  getForm(language?: string): Promise<QuestionnaireForm>;
  /** The answers saved earlier through this link, on any device. */
  getDraft(): Promise<Draft>;
  /** Saves the answers so far by instrument, replacing the earlier draft. */
  saveDraft(responses: Responses): Promise<Draft>;
  /**
   * Sends the answers. `idempotencyKey` makes a retry (after a lost connection) return the
   * first answer instead of a conflict.
   */
  submitAnswers(
    request: SubmitAnswersRequest,
    idempotencyKey?: string,
  ): Promise<SubmitAnswersResponse>;
}

/** A client for the patient's questionnaire link. It never sends cookies or a referrer. */
export function createRespondApi(token: string, fetchFn: FetchLike = defaultFetch): RespondApi {
  const base: RequestInit = { credentials: 'omit', referrerPolicy: 'no-referrer' };
  const authorization = `Bearer ${token}`;
  const sendJson = (method: 'PUT' | 'POST', path: string, body: unknown, extra = {}) =>
    send(fetchFn, `${API}${path}`, {
      ...base,
      method,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization,
        ...extra,
      },
      body: JSON.stringify(body),
    });
  return {
    async getForm(language) {
      const query = language === undefined ? '' : `?lang=${encodeURIComponent(language)}`;
      const response = await send(fetchFn, `${API}/respond${query}`, {
        ...base,
        headers: { accept: 'application/json', authorization },
      });
      return parseBody(response, QuestionnaireFormSchema);
    },
    async getDraft() {
      const response = await send(fetchFn, `${API}/respond/draft`, {
        ...base,
        headers: { accept: 'application/json', authorization },
      });
      return parseBody(response, DraftSchema);
    },
    async saveDraft(responses) {
      return parseBody(await sendJson('PUT', '/respond/draft', { responses }), DraftSchema);
    },
    async submitAnswers(request, idempotencyKey) {
      const extra =
        idempotencyKey === undefined ? {} : { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey };
      return parseBody(
        await sendJson('POST', '/respond', request, extra),
        SubmitAnswersResponseSchema,
      );
    },
  };
}

/** A client for the patient's approval link (what the employer sees), by the link's token only. */
export interface SharingApi {
  getPage(): Promise<PatientSharingPage>;
  /** The patient's decisions, item by item; items not named keep their decision. */
  recordDecisions(decisions: { itemId: string; share: boolean }[]): Promise<PatientSharingPage>;
  /** The patient withdraws every decision: the employer then sees the meeting's dates only. */
  revoke(): Promise<PatientSharingPage>;
}

export function createSharingApi(token: string, fetchFn: FetchLike = defaultFetch): SharingApi {
  const base: RequestInit = { credentials: 'omit', referrerPolicy: 'no-referrer' };
  const authorization = `Bearer ${token}`;
  const postJson = async (path: string, body: unknown) =>
    parseBody(
      await send(fetchFn, `${API}${path}`, {
        ...base,
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json', authorization },
        body: JSON.stringify(body),
      }),
      PatientSharingPageSchema,
    );
  return {
    async getPage() {
      const response = await send(fetchFn, `${API}/sharing`, {
        ...base,
        headers: { accept: 'application/json', authorization },
      });
      return parseBody(response, PatientSharingPageSchema);
    },
    recordDecisions(decisions) {
      return postJson('/sharing', { decisions });
    },
    revoke() {
      return postJson('/sharing/revocation', {});
    },
  };
}
