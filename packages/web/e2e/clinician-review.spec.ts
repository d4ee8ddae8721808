import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectConsoleErrors, launchBrowserOrSkip, startTestServer } from '@workup/testkit';
import {
  addPatient,
  assertNoAxeViolations,
  BASELINE_ANSWERS,
  heading,
  issueBaselineLink,
  screenshot,
  signIn,
  submitBaselineByApi,
} from './helpers';

test('a clinician reviews a baseline, changes a plan component with a reason and records a session', async (t) => {
  const browser = await launchBrowserOrSkip(t);
  if (browser === null) return;
  const server = await startTestServer();
  t.after(async () => {
    await browser.close();
    await server.close();
  });

  const staff = await signIn(browser, server.baseUrl, server.clinician);
  const console = collectConsoleErrors(staff);
  await addPatient(staff, { givenName: 'Ines', familyName: 'Dahl', birthYear: '1980' });
  const link = await issueBaselineLink(staff);
  // The QR code of the link is drawn next to it.
  await staff.getByRole('img', { name: 'QR code to scan with a phone camera' }).waitFor();
  await submitBaselineByApi(link, BASELINE_ANSWERS);

  await staff.reload();
  await heading(staff, /Ines Dahl/);

  // The latest scores with their interpretation.
  const results = staff.getByRole('region', { name: 'Latest scores' });
  const odi = results.getByRole('row', { name: /Oswestry Disability Index/ });
  assert.match(await odi.innerText(), /28\.9 %/);
  assert.match(await odi.innerText(), /Moderate disability/);
  assert.match(
    await results.getByRole('row', { name: /STarT Back Screening Tool/ }).innerText(),
    /High risk/,
  );

  // The flag profile with its evidence.
  const flags = staff.getByRole('region', { name: 'Flag profile' });
  await flags.getByText(/High risk on STarT Back/).waitFor();
  await flags.getByText('Why: the evidence').first().click();
  await screenshot(staff, 'clinician-review');
  await assertNoAxeViolations(staff, 'patient page after a baseline');

  // Change one component: a reason is required.
  const plan = staff.getByRole('region', { name: 'Plan' });
  // The default pathway's title of `education` (pathways/workup-default.v1.json).
  const educationTitle = 'Explanation of back pain and reassurance, with the booklet';
  await plan.getByRole('heading', { name: educationTitle }).waitFor();
  await plan.getByText(`Decide: ${educationTitle}`).click();
  const decision = plan.getByRole('group', { name: `Decision on ${educationTitle}` });
  await decision.getByRole('radio', { name: 'Changed' }).check();
  await plan.getByRole('button', { name: 'Save decision' }).first().click();
  await plan.getByText('Give a reason to change or decline').waitFor();
  await assertNoAxeViolations(staff, 'plan decision with an error');
  await plan.getByRole('textbox', { name: 'Reason' }).first().fill('A group session instead');
  await plan.getByRole('button', { name: 'Save decision' }).first().click();
  const state = plan
    .getByRole('listitem')
    .filter({ has: staff.getByRole('heading', { name: educationTitle }) })
    .locator('.component__state');
  await state.getByText('A group session instead', { exact: false }).waitFor();
  assert.match(await state.innerText(), /Changed: A group session instead/);

  // Fast entry of the session: the changed component and one more measure.
  const session = staff.getByRole('region', { name: 'Record a treatment session' });
  await session.getByRole('checkbox', { name: new RegExp(educationTitle) }).check();
  await session.getByRole('checkbox', { name: /^Physiotherapy with exercise/ }).check();
  await session.getByRole('textbox', { name: 'Note' }).fill('First visit');
  await session.getByRole('button', { name: 'Record session' }).click();
  await session.getByText('Session recorded: 2 measures.').waitFor();
  const protocol = session.getByRole('table', { name: 'Treatment protocol' });
  await protocol.getByText('First visit').first().waitFor();
  assert.equal(await protocol.getByRole('row').count(), 3, 'a header and two measures');
  await plan
    .getByText(/delivered/)
    .first()
    .waitFor();
  await screenshot(staff, 'clinician-session');
  await assertNoAxeViolations(staff, 'patient page after a session');

  // The printed summary for the record: the findings without the controls.
  await staff.emulateMedia({ media: 'print' });
  assert.equal(await staff.getByRole('button', { name: 'Print summary' }).isVisible(), false);
  assert.equal(await session.getByRole('button', { name: 'Record session' }).isVisible(), false);
  assert.equal(await plan.getByRole('heading', { name: educationTitle }).isVisible(), true);
  assert.equal(await protocol.isVisible(), true);
  await screenshot(staff, 'clinician-print');
  await staff.emulateMedia({ media: 'screen' });

  // The caseload shows the patient with their flags and risk group.
  await staff.getByRole('link', { name: 'All patients' }).click();
  await heading(staff, 'Patients');
  const row = staff.getByRole('row', { name: /Ines Dahl/ });
  await row.getByText('High risk', { exact: true }).waitFor();
  await row.getByText('Yellow', { exact: true }).waitFor();
  await staff.getByLabel('Risk group (STarT Back or ÖMPSQ)').selectOption('low');
  await staff.getByRole('button', { name: 'Filter' }).click();
  await staff.getByText('No patients match these filters.').waitFor();
  await assertNoAxeViolations(staff, 'caseload with filters');

  assert.deepEqual(console.errors, [], 'no console errors in the clinician browser');
});
