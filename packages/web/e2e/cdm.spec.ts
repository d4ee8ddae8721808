import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CSRF_HEADER } from '@workup/contracts';
import { collectConsoleErrors, launchBrowserOrSkip, startTestServer } from '@workup/testkit';
import type { Locator, Page } from 'playwright-core';
import {
  addPatient,
  assertNoAxeViolations,
  bodyText,
  fillItem,
  heading,
  screenshot,
  signInCollectingErrors,
} from './helpers';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the UTC day `days` from today (the browser runs in UTC, as `npm test` does). */
function utcDay(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A date as the English pages show it: "3 March 2025". */
function longDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** The employer's statutory deadlines as listed in `scope`: due date and what, in pairs. */
async function assertDeadlines(scope: Locator, expected: readonly string[]): Promise<void> {
  const list = scope.getByRole('list', { name: 'Statutory deadlines for the employer' });
  await list.waitFor();
  const items = await list.getByRole('listitem').allTextContents();
  assert.equal(items.length, expected.length / 2, items.join('\n'));
  items.forEach((item, index) => {
    const [due = '?', what = '?'] = expected.slice(index * 2, index * 2 + 2);
    assert.ok(item.startsWith(due) && item.includes(what), `${item} (expected ${due}, ${what})`);
  });
  const [first = ''] = items;
  assert.match(first, /\(in \d+ days?\)/);
}

const OBSTACLE = 'Lifting parcels above 15 kg at the loading bay';
const HEALTH = 'Sciatica from a disc prolapse at L5';
const RESOURCE = 'A team leader who backs gradual return';
const EMPLOYER_VIEW = 'December is peak season';
const ADJUSTMENT = 'Scanning desk instead of loading for four weeks';
const ACTION_1 = 'Start at the scanning desk, four hours a day';
const ACTION_2 = 'Daily walk in the lunch break';

/** Words that would mean health data reached the employer. */
const NEVER_FOR_EMPLOYER = [/disc prolapse/i, /sciatica/i, /diagnos/i, /\bscore/i, /\bflag/i];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function assertNothingClinical(page: Page, where: string): Promise<void> {
  const text = await bodyText(page);
  for (const pattern of NEVER_FOR_EMPLOYER) {
    assert.doesNotMatch(text, pattern, `${where} shows ${String(pattern)}`);
  }
}

test('a clinician runs a CDM end to end with an employer', async (t) => {
  const browser = await launchBrowserOrSkip(t);
  if (browser === null) return;
  const server = await startTestServer();
  t.after(async () => {
    await browser.close();
    await server.close();
  });

  // -- The clinician signs in and adds a patient.
  const { page: staff, errors: staffErrors } = await signInCollectingErrors(
    browser,
    server.baseUrl,
    server.clinician,
  );
  await addPatient(staff, { givenName: 'Maja', familyName: 'Lind', birthYear: '1979' });
  const patientUrl = staff.url();
  const patientId = patientUrl.slice(patientUrl.lastIndexOf('/') + 1);

  // Off sick since 10 days ago (the site's preset is Swedish): the statutory deadlines for the
  // employer fall on day 15 (sickness benefit from Försäkringskassan), day 21 (the employer's
  // report) and day 30 (the RTW plan, if the absence is expected to exceed 60 days), i.e. the
  // start + 14, + 20 and + 29 days (reference.md §23.2; docs/rtw.md).
  const sickFrom = utcDay(-10);
  const session = await staff.request.get('/api/v1/auth/session');
  const { csrfToken, user } = (await session.json()) as {
    csrfToken: string;
    user: { displayName: string };
  };
  const sickLeave = await staff.request.post(`/api/v1/patients/${patientId}/sick-leave`, {
    data: { from: sickFrom, to: utcDay(60), degree: 100, source: 'certificate' },
    headers: { [CSRF_HEADER]: csrfToken },
  });
  assert.equal(sickLeave.status(), 201, await sickLeave.text());
  const deadlineTexts = [
    `Due ${longDate(addDays(sickFrom, 14))}`,
    'Sick pay ends; sickness benefit from Försäkringskassan',
    `Due ${longDate(addDays(sickFrom, 20))}`,
    'Employer reports the absence to Försäkringskassan',
    // Day 30, only if the absence is expected to last over 60 days (not known here).
    `Due ${longDate(addDays(sickFrom, 29))}`,
    'Employer’s return-to-work plan due Only if the absence is expected to last more than 60 days.',
  ];

  // -- Start a meeting with the workplace.
  const panel = staff.getByRole('region', { name: 'Convergence Dialogue Meetings' });
  await panel.getByText('No meetings yet.').waitFor();
  await panel.getByLabel("Employer's name").fill('Parcel depot, Västerås');
  await panel.getByLabel('Name the employer knows the patient by (optional)').fill('Ines D.');
  await panel.getByRole('button', { name: 'Start a meeting' }).click();
  await panel.getByRole('heading', { name: 'Meeting with Parcel depot, Västerås' }).waitFor();
  const stepOne = panel.getByRole('region', { name: 'Step 1: patient and clinician' });
  const stepTwo = panel.getByRole('region', { name: 'Step 2: clinician and employer' });
  const stepThree = panel.getByRole('region', { name: 'Step 3: joint meeting' });
  // Later steps are shown but not open yet.
  await stepTwo.getByText('Not yet open: record Step 1: patient and clinician first.').waitFor();
  assert.equal(await stepThree.getByRole('button').count(), 0, 'no form for step 3 yet');

  // -- Step 1: an obstacle, a health item and a resource. An empty category is refused first.
  await stepOne.getByLabel('Obstacle 1', { exact: true }).fill(OBSTACLE);
  await stepOne.getByRole('button', { name: 'Record Step 1: patient and clinician' }).click();
  const summary = stepOne.getByRole('group', { name: 'There is a problem' });
  await summary.getByText('Choose a category for Obstacle 1').waitFor();
  await stepOne
    .getByText('health items are never shown to the employer', { exact: false })
    .first()
    .waitFor();
  await stepOne
    .getByLabel('Category of Obstacle 1', { exact: true })
    .selectOption({ label: 'Work tasks' });
  await stepOne.getByRole('button', { name: 'Add an obstacle' }).click();
  await fillItem(stepOne, 'Obstacle 2', HEALTH, 'Health (never shown to the employer)');
  await fillItem(stepOne, 'Resource 1', RESOURCE, 'Support');
  await stepOne.getByRole('button', { name: 'Record Step 1: patient and clinician' }).click();
  await stepOne.getByRole('status').getByText('Step 1: patient and clinician recorded.').waitFor();

  // -- Step 2: the employer's view and an adjustment (its category comes preset).
  await fillItem(stepTwo, "Employer's point 1", EMPLOYER_VIEW, 'Work demands');
  await stepTwo.getByLabel('Adjustment 1', { exact: true }).fill(ADJUSTMENT);
  await stepTwo.getByRole('button', { name: 'Record Step 2: clinician and employer' }).click();
  await stepTwo.getByRole('status').getByText('Step 2: clinician and employer recorded.').waitFor();

  // -- The patient's approval: share the obstacle and the adjustment, not the resource.
  const approval = panel.getByRole('region', { name: "The patient's approval" });
  const health = approval.getByRole('checkbox', { name: new RegExp(HEALTH) });
  assert.equal(await health.isDisabled(), true, 'a health item cannot be shared');
  await approval.getByText('Health information: never shared').waitFor();
  await approval.getByRole('checkbox', { name: new RegExp(OBSTACLE) }).check();
  await approval.getByRole('checkbox', { name: new RegExp(ADJUSTMENT) }).check();
  const preview = approval.getByRole('region', { name: 'What the employer will see' });
  await preview.getByText('Changes not recorded yet', { exact: false }).waitFor();
  const shownToEmployer = preview.locator('.cdm-preview__page');
  await shownToEmployer.getByText(OBSTACLE).waitFor();
  await shownToEmployer.getByText(ADJUSTMENT).waitFor();
  assert.equal(await shownToEmployer.getByText(RESOURCE).count(), 0);
  assert.equal(await shownToEmployer.getByText(HEALTH).count(), 0);
  const withheld = preview.getByRole('list', { name: 'Kept back from the employer' });
  await withheld.getByText(`Resources for work: ${RESOURCE} (not shared by the patient)`).waitFor();
  await withheld
    .getByText(`Obstacles for work: ${HEALTH} (health information, never shared)`)
    .waitFor();
  await withheld
    .getByText(`The employer's view: ${EMPLOYER_VIEW} (not shared by the patient)`)
    .waitFor();
  await approval.getByRole('button', { name: "Record the patient's choices" }).click();
  await approval.getByText("The patient's choices are recorded.").waitFor();
  // The preview is now the server's, and the decision says when and by whom.
  await preview
    .getByText('Changes not recorded yet', { exact: false })
    .waitFor({ state: 'hidden' });
  await shownToEmployer.getByText(ADJUSTMENT).waitFor();
  // Recorded by staff: the decision names the clinician who recorded it.
  await approval
    .getByText(new RegExp(`^Shared on .+ by ${escapeRegExp(user.displayName)}$`))
    .nth(1)
    .waitFor();
  assert.equal(
    await approval
      .getByText(new RegExp(`^Shared on .+ by ${escapeRegExp(user.displayName)}$`))
      .count(),
    2,
    'the obstacle and the adjustment',
  );
  await approval
    .getByText(new RegExp(`^Kept back on .+ by ${escapeRegExp(user.displayName)}$`))
    .first()
    .waitFor();
  await assertDeadlines(panel, deadlineTexts);
  await screenshot(staff, 'cdm-approval');

  // A recorded step can be corrected; its items keep their ids, so the decisions stand.
  await stepTwo.getByRole('button', { name: 'Correct this step' }).click();
  await stepTwo.getByLabel('Adjustment 1', { exact: true }).fill(`${ADJUSTMENT}, then review`);
  await stepTwo.getByRole('button', { name: 'Save the correction' }).click();
  await stepTwo.getByRole('status').getByText('Step 2: clinician and employer recorded.').waitFor();
  await stepTwo.getByText(`${ADJUSTMENT}, then review`).waitFor();
  await shownToEmployer.getByText(`${ADJUSTMENT}, then review`).waitFor();

  // -- A link for the employer, shown once.
  const links = panel.getByRole('region', { name: 'Link for the employer' });
  await links.getByRole('button', { name: 'Create a link for the employer' }).click();
  await links.getByText('This link is shown once only', { exact: false }).waitFor();
  const link = await links.getByRole('textbox', { name: 'Link for the employer' }).inputValue();
  assert.match(link, /\/e#[A-Za-z0-9_-]{43}$/);
  const token = link.slice(link.indexOf('#') + 1);
  await links
    .getByRole('table', { name: 'Links issued for this meeting' })
    .getByText('Active')
    .waitFor();
  await assertNoAxeViolations(staff, 'the clinician’s meeting view');

  // -- The employer opens it: no cookies, no staff session.
  const employerContext = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1024, height: 800 },
  });
  const employer = await employerContext.newPage();
  const employerErrors = collectConsoleErrors(employer, [
    // The revoked link at the end: the browser logs the 401 it provokes on purpose.
    { text: 'the server responded with a status of 401', url: /\/api\/v1\/employer\/meeting$/ },
    // And the expired link the test stands in for at the very end.
    { text: 'the server responded with a status of 410', url: /\/api\/v1\/employer\/meeting$/ },
  ]);
  await employer.goto(link);
  await heading(employer, /Meeting about return to work/);
  assert.equal(new URL(employer.url()).hash, '', 'the token left the address bar');
  await employer.getByText('Workplace: Parcel depot, Västerås').waitFor();
  // Whose meeting it is, as the patient agreed to be named: the employer can tell it apart.
  await employer.getByText('Employee: Ines D.').waitFor();
  await employer.getByText(OBSTACLE).waitFor();
  await employer.getByText(ADJUSTMENT).waitFor();
  await employer.getByText('This link works until', { exact: false }).waitFor();
  let text = await bodyText(employer);
  assert.equal(text.includes(RESOURCE), false, 'the resource was not shared');
  assert.equal(text.includes(EMPLOYER_VIEW), false, 'the employer view item was not shared');
  await assertNothingClinical(employer, 'the employer page');
  await employer.getByRole('button', { name: 'Print' }).waitFor();
  await assertDeadlines(employer.locator('main'), deadlineTexts);
  await screenshot(employer, 'cdm-employer');
  await assertNoAxeViolations(employer, 'the employer page');

  // The token opens this page only: a staff API refuses it.
  const staffCall = await employerContext.request.get('/api/v1/patients', {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(staffCall.status(), 401, await staffCall.text());

  // -- Back to the clinician: the joint meeting with two actions and a review date.
  await stepThree.getByLabel('What, action 1').fill(ACTION_1);
  await stepThree.getByLabel('Who, action 1').selectOption({ label: 'Employer' });
  await stepThree.getByLabel('By when, action 1').fill(utcDay(7));
  await stepThree.getByRole('button', { name: 'Add an action' }).click();
  await stepThree.getByLabel('What, action 2').fill(ACTION_2);
  await stepThree.getByLabel('Who, action 2').selectOption({ label: 'Patient' });
  await stepThree.getByLabel('By when, action 2').fill(utcDay(14));
  // A review on the day of the meeting is refused before anything is sent.
  await stepThree.getByLabel('Review date').fill(utcDay(0));
  await stepThree.getByRole('button', { name: 'Record Step 3: joint meeting' }).click();
  await stepThree
    .getByRole('group', { name: 'There is a problem' })
    .getByText('The review date must come after the joint meeting.')
    .waitFor();
  await stepThree.getByLabel('Review date').fill(utcDay(28));
  await stepThree.getByRole('button', { name: 'Record Step 3: joint meeting' }).click();
  await stepThree.getByRole('status').getByText('Step 3: joint meeting recorded.').waitFor();
  await panel.getByText('All three steps are recorded.').waitFor();

  // The patient agrees to share the action plan too.
  await approval.getByRole('checkbox', { name: new RegExp(ACTION_1) }).check();
  await approval.getByRole('checkbox', { name: new RegExp(ACTION_2) }).check();
  await approval.getByRole('button', { name: "Record the patient's choices" }).click();
  await approval.getByText("The patient's choices are recorded.").waitFor();
  await preview.getByRole('table', { name: 'Action plan' }).getByText(ACTION_1).waitFor();
  await screenshot(staff, 'cdm-meeting');
  await assertNoAxeViolations(staff, 'the clinician’s meeting view, complete');

  // -- The employer's page, reloaded, shows the action plan.
  await employer.reload();
  await heading(employer, /Meeting about return to work/);
  const plan = employer.getByRole('table', { name: 'Action plan' });
  await plan.getByRole('row', { name: new RegExp(`${ACTION_1}.*Employer`) }).waitFor();
  await plan.getByRole('row', { name: new RegExp(`${ACTION_2}.*Patient`) }).waitFor();
  await employer.getByText('Review', { exact: true }).waitFor();
  await assertNothingClinical(employer, 'the employer page with the plan');

  // -- The printable action plan.
  await panel.getByRole('link', { name: 'Printable action plan' }).click();
  await staff.waitForURL(/\/cdm-meetings\/[0-9a-f-]{36}\/print$/);
  await heading(staff, /Action plan/);
  await staff.getByText('Parcel depot, Västerås').waitFor();
  const printed = staff.getByRole('table', { name: 'Action plan' });
  await printed.getByRole('row', { name: new RegExp(`${ACTION_1}.*Employer`) }).waitFor();
  await printed.getByRole('row', { name: new RegExp(`${ACTION_2}.*Patient`) }).waitFor();
  await staff.getByText(OBSTACLE).waitFor();
  await staff.getByRole('heading', { name: 'Signatures' }).waitFor();
  await staff.getByRole('button', { name: 'Print' }).waitFor();
  text = await bodyText(staff);
  assert.equal(text.includes(RESOURCE), false, 'an item not shared is not printed');
  await assertNothingClinical(staff, 'the printable action plan');
  await staff.emulateMedia({ media: 'print' });
  assert.equal(await staff.locator('.site-header').isVisible(), false, 'no header on paper');
  assert.equal(await staff.getByRole('button', { name: 'Print' }).isVisible(), false);
  await screenshot(staff, 'cdm-print');
  await staff.emulateMedia({ media: 'screen' });
  await assertNoAxeViolations(staff, 'the printable action plan');

  // -- The patient withdraws consent: the employer sees the dates only.
  await staff.goto(patientUrl);
  await approval.getByRole('button', { name: 'Patient withdraws consent' }).click();
  await approval.getByRole('button', { name: 'Confirm: the patient withdraws consent' }).click();
  await approval
    .getByText('Consent withdrawn: the employer now sees the meeting dates only.')
    .waitFor();
  await approval.getByText(/The patient withdrew consent on/).waitFor();
  await employer.reload();
  await heading(employer, /Meeting about return to work/);
  await employer
    .getByText('The employee has not shared any details of this meeting with you.')
    .waitFor();
  text = await bodyText(employer);
  for (const item of [OBSTACLE, ADJUSTMENT, ACTION_1, ACTION_2]) {
    assert.equal(text.includes(item), false, `${item} is gone`);
  }
  await employer.getByText('Joint meeting', { exact: true }).waitFor();
  await employer.getByText('No upcoming statutory deadlines for the employer.').waitFor();
  await screenshot(employer, 'cdm-employer-withdrawn');

  // -- The link is revoked: the employer's page says it is not valid.
  await links.getByRole('button', { name: /^Revoke the link created/ }).click();
  await links.getByText('Link revoked.').waitFor();
  await links
    .getByRole('table', { name: 'Links issued for this meeting' })
    .getByText('Revoked')
    .waitFor();
  await employer.reload();
  await heading(employer, 'This link is not valid');
  await assertNoAxeViolations(employer, 'the employer page, link revoked');

  // An expired link has its own page (the server's 410 stands in for 30 days passing).
  await employer.route(/\/api\/v1\/employer\/meeting$/, (route) =>
    route.fulfill({
      status: 410,
      contentType: 'application/problem+json',
      json: {
        type: 'about:blank',
        title: 'Gone',
        status: 410,
        code: 'link_expired',
        detail: 'This link has expired. Ask the care team for a new one.',
      },
    }),
  );
  await employer.reload();
  await heading(employer, 'This link has expired');
  await employer.getByText('Ask the clinician for a new link', { exact: false }).waitFor();

  // Opened without a token (or with the fragment lost), the page says so and asks nothing.
  const bare = await employerContext.newPage();
  const bareErrors = collectConsoleErrors(bare);
  let employerCalls = 0;
  bare.on('request', (request) => {
    if (request.url().includes('/api/')) employerCalls += 1;
  });
  await bare.goto('/e');
  await heading(bare, 'This link is not valid');
  assert.equal(employerCalls, 0);
  assert.deepEqual(bareErrors.errors, []);

  assert.deepEqual(staffErrors.errors, []);
  assert.deepEqual(employerErrors.errors, []);
});
