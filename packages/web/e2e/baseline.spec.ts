import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectConsoleErrors, launchBrowserOrSkip, startTestServer } from '@workup/testkit';
import type { Browser } from 'playwright-core';
import {
  addPatient,
  answerCurrentQuestion,
  assertNoAxeViolations,
  BASELINE_ANSWERS,
  countScriptBytes,
  currentQuestion,
  heading,
  issueBaselineLink,
  PATIENT_JS_BUDGET_BYTES,
  screenshot,
  signIn,
} from './helpers';

/** A phone: 375 × 667 CSS pixels, touch, no cookies of the clinician's. */
async function phone(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 667 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  return {
    context,
    page,
    console: collectConsoleErrors(page),
    scriptBytes: countScriptBytes(page),
  };
}

test('a patient answers the whole baseline on a phone, leaving and resuming once', async (t) => {
  const browser = await launchBrowserOrSkip(t);
  if (browser === null) return;
  const server = await startTestServer();
  t.after(async () => {
    await browser.close();
    await server.close();
  });

  const staff = await signIn(browser, server.baseUrl, server.clinician);
  await addPatient(staff, { givenName: 'Ines', familyName: 'Dahl', birthYear: '1980' });
  const link = await issueBaselineLink(staff);

  // First sitting: STarT Back, ÖMPSQ-10 and the ODI, checking the kinds of page on the way.
  const first = await phone(browser);
  await first.page.goto(link);
  await heading(first.page, 'Back pain has spread down one or both legs');
  assert.equal(new URL(first.page.url()).hash, '', 'the token is cleared from the address bar');
  await first.page.getByText('Part 1 of 8:').waitFor();
  await first.page.getByText(/Question 1 of \d+/).waitFor();
  await screenshot(first.page, 'baseline-choice-375');
  await assertNoAxeViolations(first.page, 'choice question');

  const seen = new Set<string>();
  const answerUntil = async (page: typeof first.page, stop: (where: string) => boolean) => {
    for (;;) {
      const where = currentQuestion(page);
      const id = where === null ? 'check' : `${where.instrument}.${where.key}`;
      if (stop(id)) return id;
      if (where === null) return id;
      if (id === 'ompsq10.2') {
        await screenshot(page, 'baseline-scale-375');
        await assertNoAxeViolations(page, 'numeric scale 0-10');
        // A scale is a radio group: the keyboard moves along it.
        await page.getByRole('radio', { name: '5', exact: true }).focus();
        await page.keyboard.press('ArrowRight');
        assert.equal(await page.getByRole('radio', { name: '6', exact: true }).isChecked(), true);
      }
      if (id === 'odi.8') {
        await assertNoAxeViolations(page, 'optional question');
      }
      seen.add(id);
      await answerCurrentQuestion(page, BASELINE_ANSWERS);
    }
  };
  await answerUntil(first.page, (id) => id.startsWith('eq5d3l.'));
  // The answers are saved through the link before the patient leaves.
  await first.page.getByText('Your answers are saved').waitFor();
  const firstBytes = await first.scriptBytes();
  assert.ok(
    firstBytes <= PATIENT_JS_BUDGET_BYTES,
    `patient route downloads ${String(firstBytes)} bytes of gzipped JavaScript`,
  );
  t.diagnostic(`patient route JavaScript: ${(firstBytes / 1024).toFixed(1)} kB gzipped`);
  assert.deepEqual(first.console.errors, [], 'no console errors in the first sitting');
  await first.context.close();

  // Later, on another device: the link opens where the patient left off.
  const second = await phone(browser);
  await second.page.goto(link);
  await heading(second.page, 'Mobility: getting about');
  assert.equal(currentQuestion(second.page)?.instrument, 'eq5d3l');
  await second.page.getByText('Part 4 of 8:').waitFor();
  await second.page.getByRole('link', { name: 'Back' }).click();
  await heading(second.page, 'Travelling');
  assert.equal(
    await second.page.getByRole('radio', { name: 'Anywhere, but it hurts more' }).isChecked(),
    true,
    'the answers of the first sitting are there',
  );
  await second.page.getByRole('button', { name: 'Continue' }).click();

  await answerUntil(second.page, (id) => id === 'eq5d3l.VAS');
  // The health rating 0-100 is a number field with its limits; a number out of range is refused.
  const vas = second.page.getByRole('spinbutton', { name: 'Your own rating of your health today' });
  assert.equal(await vas.getAttribute('min'), '0');
  assert.equal(await vas.getAttribute('max'), '100');
  await vas.fill('130');
  await second.page.getByRole('button', { name: 'Continue' }).click();
  await second.page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await second.page.getByRole('link', { name: 'Enter a number of 100 or less' }).waitFor();
  await screenshot(second.page, 'baseline-number-error-375');
  await assertNoAxeViolations(second.page, 'number field with an error');

  await answerUntil(second.page, (id) => id === 'check');
  assert.ok(seen.has('work.job_satisfaction'), 'the job questions are asked of someone with a job');
  assert.ok(!seen.has('red_flags.axspa_psoriasis'), 'the SpA criteria only behind their gate');

  await heading(second.page, 'Check your answers');
  await second.page.getByRole('heading', { level: 2, name: 'Oswestry Disability Index' }).waitFor();
  await second.page.getByText('Left out (does not apply)').waitFor();
  await second.page.getByText('20 days').waitFor();
  await screenshot(second.page, 'baseline-check-375');
  await assertNoAxeViolations(second.page, 'check-your-answers page');

  await second.page.getByRole('button', { name: 'Submit answers' }).click();
  await heading(second.page, 'Thank you');
  await second.page.getByRole('heading', { name: 'What you can do now' }).waitFor();
  await second.page.getByText('Keep moving.').waitFor();
  const done = await second.page.locator('main').innerText();
  assert.doesNotMatch(done, /risk|score|psychosocial/i, 'no scores or flags for the patient');
  await screenshot(second.page, 'baseline-done-375');
  await assertNoAxeViolations(second.page, 'done page with advice');
  assert.deepEqual(second.console.errors, [], 'no console errors in the second sitting');

  // The clinician sees the result.
  await staff.reload();
  await heading(staff, /Ines Dahl/);
  assert.match(await staff.locator('.score-list').first().innerText(), /Total score\s+6 of 9/);
});
