import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { sbtDefinition } from '@workup/core';
import {
  checkAxe,
  collectConsoleErrors,
  launchBrowserOrSkip,
  startTestServer,
} from '@workup/testkit';
import type { Page } from 'playwright-core';

/** Later budget for the patient route: JavaScript it downloads, gzipped. */
const PATIENT_JS_BUDGET_BYTES = 200 * 1024;

/**
 * Answers giving total 6 and psychosocial 4 (items 5, 6, 7 agree; item 9 "very much"), which
 * Keele's rule puts in the high-risk group (reference.md §1).
 */
const ANSWERS = [
  'Agree',
  'Agree',
  'Disagree',
  'Disagree',
  'Agree',
  'Agree',
  'Agree',
  'Disagree',
  'Very much',
];

/** Where to save screenshots for a human to look at; none unless set. */
const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOT_DIR === undefined) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

async function assertNoAxeViolations(page: Page, label: string): Promise<void> {
  const report = await checkAxe(page, label);
  assert.equal(report.summary, '', report.summary);
}

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

function itemText(index: number): string {
  const item = sbtDefinition.items[index];
  assert.ok(item, `STarT Back has an item ${index + 1}`);
  return item.text;
}

test('a clinician sends STarT Back to a patient on a phone and reads the result', async (t) => {
  const browser = await launchBrowserOrSkip(t);
  if (browser === null) return;
  const server = await startTestServer();
  t.after(async () => {
    await browser.close();
    await server.close();
  });

  // The clinician, on a desktop browser.
  const staffContext = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1280, height: 900 },
  });
  const staff = await staffContext.newPage();
  const staffConsole = collectConsoleErrors(staff);

  await staff.goto('/');
  await staff.waitForURL(/\/sign-in\?next=/);
  await heading(staff, 'Sign in');
  await assertNoAxeViolations(staff, 'sign-in page');

  await staff.getByLabel('Email address').fill(server.clinician.email);
  await staff.getByLabel('Password').fill(server.clinician.password);
  await staff.getByRole('button', { name: 'Sign in' }).click();
  await staff.waitForURL(/\/patients$/);
  await heading(staff, 'Patients');
  await assertNoAxeViolations(staff, 'patient list');

  await staff.getByLabel('Given name').fill('Astrid');
  await staff.getByLabel('Family name').fill('Lindqvist');
  await staff.getByLabel('Birth year (optional)').fill('1975');
  await staff.getByRole('button', { name: 'Add patient' }).click();
  await staff.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
  await heading(staff, /Astrid Lindqvist/);

  // No content pack is loaded in the test server: the staff view says patients see paraphrases.
  await staff.getByText("Patients will see workup's own short paraphrase").waitFor();
  await staff.getByRole('button', { name: 'Create STarT Back link' }).click();
  const linkField = staff.getByLabel('Link for the patient');
  await linkField.waitFor();
  const link = await linkField.inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/q#.+/);
  await assertNoAxeViolations(staff, 'patient page with a new link');

  // The patient, on a 320 px wide phone, with no cookies of the clinician's.
  const patientContext = await browser.newContext({
    viewport: { width: 320, height: 640 },
    hasTouch: true,
    isMobile: true,
  });
  const patient = await patientContext.newPage();
  const patientConsole = collectConsoleErrors(patient);
  const scripts: Promise<number>[] = [];
  patient.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      scripts.push(response.body().then((body) => gzipSync(body).length));
    }
  });

  await patient.goto(link);
  await heading(patient, itemText(0));
  assert.equal(new URL(patient.url()).hash, '', 'the token is cleared from the address bar');
  await patient.getByText('Question 1 of 9').waitFor();
  await screenshot(patient, 'patient-question-320');
  await assertNoAxeViolations(patient, 'question page');

  // Continue without an answer: an error summary that links to the options.
  await patient.getByRole('button', { name: 'Continue' }).click();
  await patient.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await assertNoAxeViolations(patient, 'question page with an error');
  await patient.getByRole('link', { name: 'Select an answer' }).click();
  const focused = await patient.evaluate(() => document.activeElement?.getAttribute('type'));
  assert.equal(focused, 'radio', 'the error link moves focus to the first option');

  const answer = async (index: number) => {
    const label = ANSWERS[index];
    assert.ok(label !== undefined);
    await heading(patient, itemText(index));
    await patient.getByText(`Question ${index + 1} of 9`).waitFor();
    await patient.getByRole('radio', { name: label, exact: true }).check();
    await patient.getByRole('button', { name: 'Continue' }).click();
  };

  for (let index = 0; index < 4; index += 1) await answer(index);

  // Back from question 5 to question 4: the answer is still chosen.
  await heading(patient, itemText(4));
  await patient.getByRole('link', { name: 'Back' }).click();
  await heading(patient, itemText(3));
  assert.equal(
    await patient.getByRole('radio', { name: 'Disagree', exact: true }).isChecked(),
    true,
    'going back keeps the answer',
  );
  await patient.getByRole('button', { name: 'Continue' }).click();

  for (let index = 4; index < ANSWERS.length; index += 1) await answer(index);

  await heading(patient, 'Check your answers');
  await patient.getByText('Very much').waitFor();
  await screenshot(patient, 'patient-check-320');
  await assertNoAxeViolations(patient, 'check-your-answers page');

  await patient.getByRole('button', { name: 'Submit answers' }).click();
  await heading(patient, 'Thank you');
  await screenshot(patient, 'patient-done-320');
  await assertNoAxeViolations(patient, 'done page');
  const donePage = await patient.locator('main').innerText();
  assert.doesNotMatch(donePage, /risk|score|\b6\b/i, 'no scores are shown to the patient');

  const scriptBytes = (await Promise.all(scripts)).reduce((sum, bytes) => sum + bytes, 0);
  assert.ok(
    scriptBytes <= PATIENT_JS_BUDGET_BYTES,
    `patient route downloads ${scriptBytes} bytes of gzipped JavaScript (budget ${PATIENT_JS_BUDGET_BYTES})`,
  );
  t.diagnostic(`patient route JavaScript: ${(scriptBytes / 1024).toFixed(1)} kB gzipped`);

  // Back to the clinician: the result is on the patient's page.
  await staff.reload();
  await heading(staff, /Astrid Lindqvist/);
  const result = staff.locator('.score-list');
  await result.waitFor();
  const resultText = await result.innerText();
  assert.match(resultText, /Total score\s+6 of 9/);
  assert.match(resultText, /Psychosocial subscale\s+4 of 5/);
  assert.match(resultText, /Risk group\s+High risk/);
  await staff.getByText(/Psychosocial factors are prominent/).waitFor();
  await screenshot(staff, 'clinician-patient-page');

  await staff.getByRole('link', { name: 'All patients' }).click();
  await heading(staff, 'Patients');
  await staff
    .getByRole('row', { name: /Astrid Lindqvist/ })
    .getByText('High risk')
    .waitFor();

  assert.deepEqual(staffConsole.errors, [], 'no console errors in the clinician browser');
  assert.deepEqual(patientConsole.errors, [], 'no console errors in the patient browser');
});
