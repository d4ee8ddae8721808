import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectConsoleErrors, launchBrowserOrSkip, startTestServer } from '@workup/testkit';
import {
  addPatient,
  assertNoAxeViolations,
  BASELINE_ANSWERS,
  heading,
  issueBaselineLink,
  NO_RED_FLAGS,
  screenshot,
  signIn,
  submitBaselineByApi,
} from './helpers';

test('a patient reporting cauda equina symptoms is at the top of the caseload with an alert', async (t) => {
  const browser = await launchBrowserOrSkip(t);
  if (browser === null) return;
  const server = await startTestServer();
  t.after(async () => {
    await browser.close();
    await server.close();
  });

  const staff = await signIn(browser, server.baseUrl, server.clinician);
  const console = collectConsoleErrors(staff);
  // Two patients answer the baseline: Aalto without red flags, Öberg with saddle numbness and
  // new bladder trouble. By name Aalto comes first; by urgency Öberg must.
  await addPatient(staff, { givenName: 'Anna', familyName: 'Aalto', birthYear: '1985' });
  await submitBaselineByApi(await issueBaselineLink(staff), BASELINE_ANSWERS);
  await staff.getByRole('link', { name: 'All patients' }).click();
  await addPatient(staff, { givenName: 'Olof', familyName: 'Öberg', birthYear: '1972' });
  const patientUrl = staff.url();
  await submitBaselineByApi(await issueBaselineLink(staff), {
    ...BASELINE_ANSWERS,
    red_flags: { ...NO_RED_FLAGS, saddle_anaesthesia: 1, bladder_dysfunction: 1 },
  });

  await staff.getByRole('link', { name: 'All patients' }).click();
  await heading(staff, 'Patients');
  const alert = staff.getByRole('alert').filter({ hasText: 'red flag needs action now' });
  await alert.getByRole('heading', { name: '1 red flag needs action now' }).waitFor();
  await alert.getByText(/One of them is an emergency/).waitFor();
  await alert.getByRole('link', { name: 'Olof Öberg' }).waitFor();
  await alert.getByText('cauda equina').waitFor();
  const rows = staff.getByRole('table', { name: 'Patients, red flags first' }).getByRole('row');
  const first = rows.nth(1);
  assert.match(await first.innerText(), /Olof Öberg[\s\S]*Emergency/);
  assert.match(await rows.nth(2).innerText(), /Anna Aalto/);
  await screenshot(staff, 'caseload-red-flag');
  await assertNoAxeViolations(staff, 'caseload with a red-flag alert');

  // The patient's page leads with the task: acknowledge it, then close it with an outcome.
  await alert.getByRole('link', { name: 'Olof Öberg' }).click();
  await staff.waitForURL(patientUrl);
  const tasks = staff.getByRole('region', { name: 'Red flags' });
  await tasks.getByRole('heading', { name: 'Emergency: same-day referral' }).waitFor();
  await assertNoAxeViolations(staff, 'patient page with an open red flag');
  await tasks.getByRole('button', { name: 'Acknowledge' }).click();
  await tasks
    .getByText(/acknowledged/)
    .first()
    .waitFor();
  await tasks.getByRole('button', { name: 'Close with this outcome' }).click();
  await tasks.getByText('Choose the outcome: referred or ruled out').waitFor();
  await tasks.getByRole('radio', { name: 'Referred' }).check();
  await tasks.getByRole('textbox', { name: 'Note (optional)' }).fill('Emergency department, MRI');
  await tasks.getByRole('button', { name: 'Close with this outcome' }).click();
  await tasks.getByText(/Referred/).waitFor();
  await screenshot(staff, 'red-flag-closed');

  await staff.getByRole('link', { name: 'All patients' }).click();
  await heading(staff, 'Patients');
  await staff.getByRole('row', { name: /Olof Öberg/ }).waitFor();
  assert.equal(await staff.getByText('red flag needs action now').count(), 0, 'the alert is gone');
  assert.deepEqual(console.errors, [], 'no console errors in the clinician browser');
});
