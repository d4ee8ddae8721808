import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectConsoleErrors, launchBrowserOrSkip, startTestServer } from '@workup/testkit';
import {
  addPatient,
  assertNoAxeViolations,
  bodyText,
  fillItem,
  heading,
  screenshot,
  signInCollectingErrors,
} from './helpers';

const OBSTACLE = 'Lifting parcels above 15 kg at the loading bay';
/** The health item; its distinctive word must never reach the employer. */
const HEALTH_WORD = 'Spondylolisthesis';
const HEALTH = `${HEALTH_WORD} flares up after long drives`;
const RESOURCE = 'A team leader who backs gradual return';
const ADJUSTMENT = 'Scanning desk instead of loading for four weeks';

const NOTHING_SHARED = 'The employee has not shared any details of this meeting with you.';

test('the patient chooses on their own link what the employer sees, and withdraws it', async (t) => {
  const browser = await launchBrowserOrSkip(t);
  if (browser === null) return;
  const server = await startTestServer();
  t.after(async () => {
    await browser.close();
    await server.close();
  });

  // -- The clinician signs in, adds a patient and starts a meeting.
  const { page: staff, errors: staffErrors } = await signInCollectingErrors(
    browser,
    server.baseUrl,
    server.clinician,
  );
  await addPatient(staff, { givenName: 'Sara', familyName: 'Holm', birthYear: '1984' });

  const panel = staff.getByRole('region', { name: 'Convergence Dialogue Meetings' });
  await panel.getByLabel("Employer's name").fill('Parcel depot, Västerås');
  await panel.getByRole('button', { name: 'Start a meeting' }).click();
  await panel.getByRole('heading', { name: 'Meeting with Parcel depot, Västerås' }).waitFor();

  // -- Steps 1 and 2: an obstacle, a health item, a resource; an adjustment.
  const stepOne = panel.getByRole('region', { name: 'Step 1: patient and clinician' });
  await fillItem(stepOne, 'Obstacle 1', OBSTACLE, 'Work tasks');
  await stepOne.getByRole('button', { name: 'Add an obstacle' }).click();
  await fillItem(stepOne, 'Obstacle 2', HEALTH, 'Health (never shown to the employer)');
  await fillItem(stepOne, 'Resource 1', RESOURCE, 'Support');
  await stepOne.getByRole('button', { name: 'Record Step 1: patient and clinician' }).click();
  await stepOne.getByRole('status').getByText('Step 1: patient and clinician recorded.').waitFor();
  const stepTwo = panel.getByRole('region', { name: 'Step 2: clinician and employer' });
  await stepTwo.getByLabel('Adjustment 1', { exact: true }).fill(ADJUSTMENT);
  await stepTwo.getByRole('button', { name: 'Record Step 2: clinician and employer' }).click();
  await stepTwo.getByRole('status').getByText('Step 2: clinician and employer recorded.').waitFor();

  // -- The patient's own link, shown once with a QR code.
  const patientLinks = panel.getByRole('region', {
    name: 'Send the patient a link to choose for themselves',
  });
  assert.equal(await patientLinks.getByLabel("Days the patient's link is valid").inputValue(), '7');
  // More than 30 days is refused before anything is sent.
  await patientLinks.getByLabel("Days the patient's link is valid").fill('31');
  await patientLinks.getByRole('button', { name: "Create the patient's link" }).click();
  await patientLinks.getByText('Enter a whole number of days from 1 to 30').waitFor();
  await patientLinks.getByLabel("Days the patient's link is valid").fill('7');
  await patientLinks.getByRole('button', { name: "Create the patient's link" }).click();
  await patientLinks.getByText('This link is shown once only', { exact: false }).waitFor();
  const link = await patientLinks
    .getByRole('textbox', { name: "The patient's approval link" })
    .inputValue();
  assert.match(link, /\/a#[A-Za-z0-9_-]{43}$/);
  await patientLinks.getByRole('img', { name: "QR code of the patient's approval link" }).waitFor();
  const patientLinkTable = patientLinks.getByRole('table', {
    name: "The patient's links for this meeting",
  });
  await patientLinkTable.getByText('Active').waitFor();
  await patientLinkTable.getByRole('cell', { name: 'Never' }).waitFor();
  await assertNoAxeViolations(staff, 'the meeting view with the patient’s link');

  // -- The patient opens it on their phone: a new context, no cookies, no staff session.
  const patientContext = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const patient = await patientContext.newPage();
  const patientErrors = collectConsoleErrors(patient, [
    // The revoked link at the end: the browser logs the 401 it provokes on purpose.
    { text: 'the server responded with a status of 401', url: /\/api\/v1\/sharing$/ },
    // And the expired link the test stands in for after it.
    { text: 'the server responded with a status of 410', url: /\/api\/v1\/sharing$/ },
  ]);
  await patient.goto(link);
  await heading(patient, /Choose what your employer sees/);
  assert.equal(new URL(patient.url()).hash, '', 'the token left the address bar');
  await patient.getByText('Workplace: Parcel depot, Västerås').waitFor();
  await patient
    .getByText('You decide what your employer sees. Your health details are never shown.')
    .waitFor();
  const health = patient.getByRole('checkbox', { name: new RegExp(HEALTH_WORD) });
  assert.equal(await health.isDisabled(), true, 'a health item cannot be ticked');
  assert.equal(await health.isChecked(), false);
  await patient.getByText('Never shared: this is about your health.').waitFor();
  const preview = patient.getByRole('region', { name: 'What your employer will see' });
  await preview.getByText(NOTHING_SHARED).waitFor();
  await assertNoAxeViolations(patient, 'the patient’s approval page');

  // Ticking changes the preview at once, before anything is saved.
  await patient.getByRole('checkbox', { name: new RegExp(OBSTACLE) }).check();
  await preview.getByText('Not saved yet', { exact: false }).waitFor();
  await preview.getByRole('listitem').filter({ hasText: OBSTACLE }).waitFor();
  await patient.getByRole('checkbox', { name: new RegExp(ADJUSTMENT) }).check();
  await preview.getByRole('listitem').filter({ hasText: ADJUSTMENT }).waitFor();
  let shown = await preview.innerText();
  assert.equal(shown.includes(RESOURCE), false, 'the resource is not ticked');
  assert.equal(shown.includes(HEALTH_WORD), false, 'the health item is never previewed');
  await screenshot(patient, 'cdm-patient-approval-ticked');
  await patient.getByRole('button', { name: 'Save my choices' }).click();
  await patient
    .getByRole('status')
    .getByText('Your choices are saved. Your employer now sees only what you ticked.')
    .waitFor();
  // The preview is now the server's.
  await preview.getByText('This is what your employer sees now.').waitFor();
  await preview.getByRole('listitem').filter({ hasText: OBSTACLE }).waitFor();
  await preview.getByRole('listitem').filter({ hasText: ADJUSTMENT }).waitFor();
  shown = await preview.innerText();
  assert.equal(shown.includes(RESOURCE), false);
  assert.equal(shown.includes(HEALTH_WORD), false);
  await assertNoAxeViolations(patient, 'the patient’s approval page, saved');
  await screenshot(patient, 'cdm-patient-approval-saved');

  // -- Back to the clinician: the patient's decisions, made on their own link.
  await patientLinks.getByRole('button', { name: "Check for the patient's choices" }).click();
  await patientLinks
    .getByRole('status')
    .getByText("Checked: the approval shows the patient's latest choices.")
    .waitFor();
  const approval = panel.getByRole('region', { name: "The patient's approval" });
  const byPatient = /^Shared on .+ by the patient, on their own link$/;
  await approval.getByText(byPatient).nth(1).waitFor();
  assert.equal(await approval.getByText(byPatient).count(), 2, 'obstacle and adjustment');
  await approval
    .getByText(/^Kept back on .+ by the patient, on their own link$/)
    .first()
    .waitFor();
  assert.equal(
    await approval.getByRole('checkbox', { name: new RegExp(OBSTACLE) }).isChecked(),
    true,
  );
  assert.equal(
    await approval.getByRole('checkbox', { name: new RegExp(ADJUSTMENT) }).isChecked(),
    true,
  );
  assert.equal(
    await approval.getByRole('checkbox', { name: new RegExp(RESOURCE) }).isChecked(),
    false,
  );
  const staffPreview = approval.getByRole('region', { name: 'What the employer will see' });
  const staffShown = staffPreview.locator('.cdm-preview__page');
  await staffShown.getByText(OBSTACLE).waitFor();
  await staffShown.getByText(ADJUSTMENT).waitFor();
  assert.equal(await staffShown.getByText(RESOURCE).count(), 0);
  assert.equal(await staffShown.getByText(HEALTH).count(), 0);
  assert.equal(
    await staffPreview.getByText('Changes not recorded yet', { exact: false }).count(),
    0,
    'the recorded decisions, not a draft',
  );
  assert.equal(
    await patientLinkTable.getByRole('cell', { name: 'Never' }).count(),
    0,
    'the link was opened',
  );
  await screenshot(staff, 'cdm-patient-choices-for-the-clinician');

  // -- The employer's link: the obstacle and the adjustment only.
  const employerLinks = panel.getByRole('region', { name: 'Link for the employer' });
  await employerLinks.getByRole('button', { name: 'Create a link for the employer' }).click();
  const employerLink = await employerLinks
    .getByRole('textbox', { name: 'Link for the employer' })
    .inputValue();
  assert.match(employerLink, /\/e#[A-Za-z0-9_-]{43}$/);
  assert.notEqual(employerLink.slice(employerLink.indexOf('#')), link.slice(link.indexOf('#')));
  const employerContext = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1024, height: 800 },
  });
  const employer = await employerContext.newPage();
  const employerErrors = collectConsoleErrors(employer);
  await employer.goto(employerLink);
  await heading(employer, /Meeting about return to work/);
  await employer.getByText(OBSTACLE).waitFor();
  await employer.getByText(ADJUSTMENT).waitFor();
  let text = await bodyText(employer);
  assert.equal(text.includes(RESOURCE), false, 'the resource was not shared');
  assert.equal(text.includes(HEALTH_WORD), false, 'the health item never reaches the employer');

  // The patient's token opens the patient's page only: neither the employer's nor staff APIs.
  const patientToken = link.slice(link.indexOf('#') + 1);
  for (const path of ['/api/v1/employer/meeting', '/api/v1/patients']) {
    const call = await patientContext.request.get(path, {
      headers: { authorization: `Bearer ${patientToken}` },
    });
    assert.equal(call.status(), 401, `${path}: ${await call.text()}`);
  }

  // -- The patient withdraws everything, after a confirmation.
  await patient.getByRole('button', { name: 'Withdraw everything I shared' }).click();
  await patient.getByText('Withdraw everything? Your employer will then see only').waitFor();
  await patient.getByRole('button', { name: 'Yes, withdraw everything' }).click();
  await patient
    .getByRole('status')
    .getByText('Everything is withdrawn. Your employer now sees only the meeting dates.')
    .waitFor();
  await patient.getByText(/^You withdrew everything on /).waitFor();
  await preview.getByText(NOTHING_SHARED).waitFor();
  assert.equal(
    await patient.getByRole('checkbox', { name: new RegExp(OBSTACLE) }).isChecked(),
    false,
  );
  assert.equal(
    await patient.getByRole('button', { name: 'Withdraw everything I shared' }).count(),
    0,
  );
  await screenshot(patient, 'cdm-patient-approval-withdrawn');

  // The employer sees the dates only.
  await employer.reload();
  await heading(employer, /Meeting about return to work/);
  await employer.getByText(NOTHING_SHARED).waitFor();
  await employer.getByText('Meeting with the employer', { exact: true }).waitFor();
  text = await bodyText(employer);
  for (const item of [OBSTACLE, ADJUSTMENT, RESOURCE, HEALTH_WORD]) {
    assert.equal(text.includes(item), false, `${item} is not shown`);
  }

  // The clinician sees who withdrew.
  await patientLinks.getByRole('button', { name: "Check for the patient's choices" }).click();
  await approval.getByText(/^The patient withdrew consent on their own link on /).waitFor();
  await staffShown.getByText(NOTHING_SHARED).waitFor();

  // -- The clinician revokes the patient's link: the patient's page says it is not valid.
  await patientLinks.getByRole('button', { name: /^Revoke the patient's link created/ }).click();
  await patientLinks.getByRole('status').getByText("The patient's link is revoked.").waitFor();
  await patientLinkTable.getByText('Revoked').waitFor();
  await patient.reload();
  await heading(patient, 'This link is not valid');
  await patient.getByText('Ask your clinician for a new one', { exact: false }).waitFor();
  await assertNoAxeViolations(patient, 'the patient’s approval page, link revoked');

  // An expired link has its own page (the server's 410 stands in for the days passing).
  await patient.route(/\/api\/v1\/sharing$/, (route) =>
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
  await patient.reload();
  await heading(patient, 'This link has expired');
  await patient.getByText('Ask your clinician for a new link', { exact: false }).waitFor();

  // Opened without a token, the page says so and asks the server nothing.
  const bareContext = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 390, height: 844 },
  });
  const bare = await bareContext.newPage();
  const bareErrors = collectConsoleErrors(bare);
  let apiCalls = 0;
  bare.on('request', (request) => {
    if (request.url().includes('/api/')) apiCalls += 1;
  });
  await bare.goto('/a');
  await heading(bare, 'The link is incomplete');
  assert.equal(apiCalls, 0);
  // In Swedish too.
  await bare.getByRole('button', { name: 'Svenska' }).click();
  await heading(bare, 'Länken är ofullständig');
  await bare.getByRole('button', { name: 'English' }).click();
  await heading(bare, 'The link is incomplete');
  await assertNoAxeViolations(bare, 'the approval page without a token');

  assert.deepEqual(staffErrors.errors, []);
  assert.deepEqual(patientErrors.errors, []);
  assert.deepEqual(employerErrors.errors, []);
  assert.deepEqual(bareErrors.errors, []);
});
