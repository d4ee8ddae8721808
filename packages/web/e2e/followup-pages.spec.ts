import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CSRF_HEADER } from '@workup/contracts';
import {
  collectConsoleErrors,
  freePort,
  launchBrowserOrSkip,
  spawnServer,
  startTestServer,
  waitForOutput,
} from '@workup/testkit';
import type { APIRequestContext } from 'playwright-core';
import {
  assertNoAxeViolations,
  BASELINE_ANSWERS,
  heading,
  screenshot,
  submitBaselineByApi,
} from './helpers';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the UTC day `days` from today (the schedule below runs in UTC). */
function utcDay(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

/** A POST as the signed-in page would send it: session cookie and CSRF token. */
async function postJson<T>(
  request: APIRequestContext,
  csrf: string,
  path: string,
  data: unknown,
): Promise<T> {
  const response = await request.post(path, { data, headers: { [CSRF_HEADER]: csrf } });
  assert.ok(response.ok(), `${path}: ${String(response.status())} ${await response.text()}`);
  return (await response.json()) as T;
}

test('a clinician sees the empty pages, then completion figures and the overdue list', async (t) => {
  const browser = await launchBrowserOrSkip(t);
  if (browser === null) return;
  const server = await startTestServer();
  t.after(async () => {
    await browser.close();
    await server.close();
  });

  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1280, height: 900 },
  });
  const staff = await context.newPage();
  const consoleErrors = collectConsoleErrors(staff);

  await staff.goto('/sign-in');
  await heading(staff, 'Sign in');
  await staff.getByLabel('Email address').fill(server.clinician.email);
  await staff.getByLabel('Password').fill(server.clinician.password);
  await staff.getByRole('button', { name: 'Sign in' }).click();
  await staff.waitForURL(/\/patients$/);

  // A clinician may read both: the links are in the main navigation.
  const nav = staff.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Follow-up' }).click();
  await staff.waitForURL(/\/follow-up$/);
  await heading(staff, 'Follow-up');
  await staff.getByText('No follow-up yet').waitFor();
  await assertNoAxeViolations(staff, 'follow-up page, empty');

  await nav.getByRole('link', { name: 'Outbox' }).click();
  await staff.waitForURL(/\/outbox$/);
  await heading(staff, 'Outbox');
  await staff.getByText('This is the development transport').waitFor();
  await staff.getByText('The outbox is empty.').waitFor();
  await assertNoAxeViolations(staff, 'outbox page, empty');

  // A schedule with one timepoint (ODI, due 3 days after the target, closing after 30) and a
  // reminder by e-mail on the day the window opens, at midnight UTC.
  const api = staff.request;
  const session = await api.get('/api/v1/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const schedule = await postJson<{ id: string }>(api, csrfToken, '/api/v1/followup/schedules', {
    name: 'Three-day check',
    definition: {
      timeZone: 'UTC',
      timepoints: [
        {
          timepoint: 'baseline',
          offset: { unit: 'days', value: 0 },
          instruments: ['odi'],
          window: { opensBeforeDays: 0, dueAfterDays: 3, closesAfterDays: 30 },
        },
      ],
      reminders: { daysAfterOpening: [0], maxReminders: 1, sendAt: '00:00', channels: ['email'] },
    },
  });
  // Included 10 days ago: due 7 days ago, so 7 days overdue (no reminder sent that late).
  const late = await postJson<{ id: string }>(api, csrfToken, '/api/v1/patients', {
    givenName: 'Karin',
    familyName: 'Berg',
  });
  await postJson(api, csrfToken, `/api/v1/patients/${late.id}/followup`, {
    scheduleId: schedule.id,
    inclusionOn: utcDay(-10),
  });
  // Included today: open, and the day's reminder goes at once to the outbox.
  const today = await postJson<{ id: string }>(api, csrfToken, '/api/v1/patients', {
    givenName: 'Nils',
    familyName: 'Ek',
    email: 'nils.ek@example.invalid',
  });
  await postJson(api, csrfToken, `/api/v1/patients/${today.id}/followup`, {
    scheduleId: schedule.id,
    inclusionOn: utcDay(0),
  });

  await nav.getByRole('link', { name: 'Follow-up' }).click();
  await heading(staff, 'Follow-up');
  const completion = staff.getByRole('table', { name: /Follow-up completion of unit/ });
  const row = completion.getByRole('row', { name: /baseline/ });
  await row.waitFor(); // the heading shows before the figures load
  // Two due (both windows opened), none answered, one overdue, none missed: 0.0 %, no delays.
  assert.deepEqual(await row.getByRole('cell').allTextContents(), [
    '2',
    '0',
    '1',
    '0',
    '0.0%',
    '–',
    '–',
  ]);
  const overdue = staff.getByRole('table', { name: /Overdue questionnaires/ });
  const overdueRows = overdue.getByRole('row');
  assert.equal(await overdueRows.count(), 2, 'a header and one overdue questionnaire');
  const lateRow = overdueRows.nth(1);
  assert.equal(await lateRow.getByRole('cell').last().textContent(), '7');
  await screenshot(staff, 'follow-up');
  await assertNoAxeViolations(staff, 'follow-up page with figures');

  await lateRow.getByRole('link', { name: `Patient ${late.id.slice(0, 8)}` }).click();
  await staff.waitForURL(new RegExp(`/patients/${late.id}$`));
  await heading(staff, /Karin Berg/);

  assert.deepEqual(consoleErrors.errors, []);
});

test('a role the matrix leaves out sees no link and a plain message; a 403 says so', async (t) => {
  const browser = await launchBrowserOrSkip(t);
  if (browser === null) return;
  const server = await startTestServer();
  t.after(async () => {
    await browser.close();
    await server.close();
  });
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1280, height: 900 },
  });
  const staff = await context.newPage();
  const consoleErrors = collectConsoleErrors(staff, [
    { text: 'the server responded with a status of 403', url: /\/api\/v1\/followup\/dashboard$/ },
  ]);
  // The test server has clinicians only: the session as the browser reads it is turned into a
  // vocational adviser's (dashboard yes, outbox no, authorization.ts); the server is unchanged.
  let role = 'clinician';
  await staff.route(/\/api\/v1\/auth\/(session|state|sign-in)$/, async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as Record<string, unknown>;
    const info = ('session' in json ? json.session : json) as { user?: { role: string } } | null;
    if (info?.user !== undefined) info.user.role = role;
    await route.fulfill({ response, json });
  });
  role = 'vocational_adviser';

  await staff.goto('/sign-in');
  await heading(staff, 'Sign in');
  await staff.getByLabel('Email address').fill(server.clinician.email);
  await staff.getByLabel('Password').fill(server.clinician.password);
  await staff.getByRole('button', { name: 'Sign in' }).click();
  await staff.waitForURL(/\/patients$/);
  const nav = staff.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Follow-up' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Outbox' }).count(), 0, 'no outbox link');

  // Typed in the address bar: the page says why, and never asks the server.
  let outboxCalls = 0;
  staff.on('request', (request) => {
    if (request.url().endsWith('/api/v1/outbox')) outboxCalls += 1;
  });
  await staff.goto('/outbox');
  await heading(staff, 'Outbox');
  await staff
    .getByRole('alert')
    .getByText('Your role does not give access to the outbox.')
    .waitFor();
  assert.equal(outboxCalls, 0);
  await assertNoAxeViolations(staff, 'outbox page, not allowed');

  // The server has the last word: a 403 (say the role changed since sign-in) shows as such.
  await staff.route(/\/api\/v1\/followup\/dashboard$/, (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/problem+json',
      json: {
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        code: 'forbidden',
        detail: 'Your role does not allow this.',
      },
    }),
  );
  await nav.getByRole('link', { name: 'Follow-up' }).click();
  await heading(staff, 'Follow-up');
  await staff
    .getByRole('alert')
    .getByText('Your role does not give access to the follow-up dashboard.')
    .waitFor();
  await assertNoAxeViolations(staff, 'follow-up page, forbidden');

  assert.deepEqual(consoleErrors.errors, []);
});

test('the demo clinician reads a reminder in the outbox and sees its answer counted', async (t) => {
  const browser = await launchBrowserOrSkip(t);
  if (browser === null) return;
  // The whole server as `npm start` runs it, with demo data and the job poller (the in-process
  // test server runs no jobs, and reminders reach the outbox only through a job).
  const dataDir = mkdtempSync(join(tmpdir(), 'workup-followup-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${String(port)}`;
  const server = spawnServer({
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'warn',
    JOB_POLL_MS: '200',
  });
  t.after(async () => {
    await browser.close();
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });
  await waitForOutput(server, /workup is running at/, 120_000);
  const login = /e-mail:\s+(\S+)\s+password:\s+(\S+)/.exec(server.stdout());
  assert.ok(login?.[1] !== undefined && login[2] !== undefined, server.stdout());

  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
  });
  const staff = await context.newPage();
  const consoleErrors = collectConsoleErrors(staff);
  await staff.goto('/sign-in');
  await heading(staff, 'Sign in');
  await staff.getByLabel('Email address').fill(login[1]);
  await staff.getByLabel('Password').fill(login[2]);
  await staff.getByRole('button', { name: 'Sign in' }).click();
  await staff.waitForURL(/\/patients$/);

  // A one-timepoint schedule (a name of its own, so the demo's timepoints stay apart) with a
  // reminder by e-mail at midnight UTC on the opening day: enrolled today, it goes at once.
  const api = staff.request;
  const session = await api.get('/api/v1/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const schedule = await postJson<{ id: string }>(api, csrfToken, '/api/v1/followup/schedules', {
    name: 'End-to-end check',
    definition: {
      timeZone: 'UTC',
      timepoints: [
        {
          timepoint: 'e2e_check',
          offset: { unit: 'days', value: 0 },
          instruments: ['odi'],
          window: { opensBeforeDays: 0, dueAfterDays: 3, closesAfterDays: 30 },
        },
      ],
      reminders: { daysAfterOpening: [0], maxReminders: 1, sendAt: '00:00', channels: ['email'] },
    },
  });
  const patient = await postJson<{ id: string }>(api, csrfToken, '/api/v1/patients', {
    givenName: 'Nils',
    familyName: 'Ek',
    email: 'nils.ek@example.invalid',
  });
  await postJson(api, csrfToken, `/api/v1/patients/${patient.id}/followup`, {
    scheduleId: schedule.id,
    inclusionOn: utcDay(0),
  });

  let body = '';
  for (let attempt = 0; attempt < 120 && body === ''; attempt += 1) {
    const listed = (await (await api.get('/api/v1/outbox')).json()) as {
      messages: { to: string; body: string }[];
    };
    body = listed.messages.find((message) => message.to === 'nils.ek@example.invalid')?.body ?? '';
    if (body === '') await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.notEqual(body, '', 'the reminder reached the outbox');

  await staff
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Outbox' })
    .click();
  await heading(staff, 'Outbox');
  await staff.getByText('This is the development transport').waitFor();
  const message = staff.getByRole('listitem').filter({ hasText: 'nils.ek@example.invalid' });
  await message.waitFor();
  await message.getByText('Email', { exact: true }).waitFor();
  await message.getByText('Show message').click();
  assert.equal(await message.locator('pre').textContent(), body, 'the body as it was kept');
  await screenshot(staff, 'outbox');
  await assertNoAxeViolations(staff, 'outbox page with a message');

  // The patient answers through the reminder's link, seconds after it was issued.
  const link = /https?:\/\/\S+\/q#\S+/.exec(body)?.[0];
  assert.ok(link !== undefined, `a link in: ${body}`);
  await submitBaselineByApi(link, { odi: BASELINE_ANSWERS.odi ?? {} });

  await staff
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Follow-up' })
    .click();
  await heading(staff, 'Follow-up');
  const row = staff.getByRole('row', { name: /e2e_check/ });
  await row.waitFor(); // the heading shows before the figures load
  // One due, one answered: 100.0 %; a delay of seconds rounds to 0.00 days.
  assert.deepEqual(await row.getByRole('cell').allTextContents(), [
    '1',
    '1',
    '0',
    '0',
    '100.0%',
    '0.00',
    '0.00',
  ]);
  await screenshot(staff, 'follow-up-demo');
  await assertNoAxeViolations(staff, 'follow-up page with demo data');

  assert.deepEqual(consoleErrors.errors, []);
});
