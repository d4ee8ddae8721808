import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BASELINE_INSTRUMENTS } from '@workup/contracts';
import { findInstrument } from '@workup/core';
import { checkAxe, collectConsoleErrors } from '@workup/testkit';
import type { Browser, Locator, Page } from 'playwright-core';

/** The budget for the patient route: JavaScript it downloads, gzipped (issue 6). */
export const PATIENT_JS_BUDGET_BYTES = 200 * 1024;

/** Where to save screenshots for a human to look at; none unless set. */
const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR;

export async function screenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOT_DIR === undefined) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export async function assertNoAxeViolations(page: Page, label: string): Promise<void> {
  const report = await checkAxe(page, label);
  assert.equal(report.summary, '', report.summary);
}

export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** A fresh desktop page in its own context. */
async function desktopPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
  });
  return context.newPage();
}

/** Signs the clinician in on a fresh desktop page and lands on the caseload. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  clinician: { email: string; password: string },
): Promise<Page> {
  const page = await desktopPage(browser, baseUrl);
  await signInOn(page, clinician);
  return page;
}

/**
 * As `signIn`, collecting the page's console errors from its very first load (the sign-in page
 * included): assert `errors.errors` is empty at the end of the test.
 */
export async function signInCollectingErrors(
  browser: Browser,
  baseUrl: string,
  clinician: { email: string; password: string },
): Promise<{ page: Page; errors: { readonly errors: string[] } }> {
  const page = await desktopPage(browser, baseUrl);
  const errors = collectConsoleErrors(page);
  await signInOn(page, clinician);
  return { page, errors };
}

async function signInOn(page: Page, clinician: { email: string; password: string }) {
  await page.goto('/sign-in');
  await heading(page, 'Sign in');
  await page.getByLabel('Email address').fill(clinician.email);
  await page.getByLabel('Password').fill(clinician.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/patients$/);
}

/** The page's visible text. */
export async function bodyText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

/** Fills one item of a CDM step (its text and its category) in `scope`. */
export async function fillItem(
  scope: Locator,
  label: string,
  text: string,
  category: string,
): Promise<void> {
  await scope.getByLabel(label, { exact: true }).fill(text);
  await scope.getByLabel(`Category of ${label}`, { exact: true }).selectOption({ label: category });
}

/** Adds a patient through the form on the caseload and opens their page. */
export async function addPatient(
  staff: Page,
  patient: { givenName: string; familyName: string; birthYear: string },
): Promise<void> {
  await staff.getByLabel('Given name').fill(patient.givenName);
  await staff.getByLabel('Family name').fill(patient.familyName);
  await staff.getByLabel('Birth year (optional)').fill(patient.birthYear);
  await staff.getByRole('button', { name: 'Add patient' }).click();
  await staff.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
  await heading(staff, new RegExp(`${patient.givenName} ${patient.familyName}`));
}

/** Issues a baseline link on the patient's page and reads it from the field. */
export async function issueBaselineLink(staff: Page): Promise<string> {
  await staff.getByRole('button', { name: /Create baseline link/ }).click();
  const field = staff.getByLabel('Link for the patient');
  await field.waitFor();
  const link = await field.inputValue();
  assert.match(link, /\/q#.+/);
  return link;
}

/** Counts the gzipped bytes of every script the page downloads from now on. */
export function countScriptBytes(page: Page): () => Promise<number> {
  const sizes: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      sizes.push(response.body().then((body) => gzipSync(body).length));
    }
  });
  return async () => (await Promise.all(sizes)).reduce((sum, bytes) => sum + bytes, 0);
}

export const NO_RED_FLAGS: Record<string, number> = Object.fromEntries(
  (findInstrument('red_flags')?.definition.items ?? [])
    .map((item) => item.key)
    .filter((key) => !key.startsWith('axspa_') || key === 'axspa_onset_before_45_over_3_months')
    .map((key) => [key, 0]),
);

/**
 * A whole baseline as the patient gives it; `null` is a question left out (ODI section 8).
 * SBT total 6, psychosocial 4: high risk (reference.md §1). ODI 13 of 45 with one section left
 * out: 28.9 %, moderate (reference.md §5).
 */
export const BASELINE_ANSWERS: Record<string, Record<string, number | null>> = {
  sbt: { '1': 1, '2': 1, '3': 0, '4': 0, '5': 1, '6': 1, '7': 1, '8': 0, '9': 3 },
  ompsq10: { '1': 3, '2': 6, '3': 5, '4': 6, '5': 5, '6': 4, '7': 6, '8': 5, '9': 6, '10': 5 },
  odi: { '1': 2, '2': 1, '3': 2, '4': 1, '5': 2, '6': 1, '7': 1, '8': null, '9': 2, '10': 1 },
  eq5d3l: { MO: 1, SC: 1, UA: 2, PD: 2, AD: 1, VAS: 70 },
  pain_nrs: { back: 6, leg: 3 },
  work: {
    employed: 1,
    sick_leave_degree: 50,
    sick_leave_days: 20,
    work_heavy_or_monotonous: 7,
    job_satisfaction: 6,
    supervisor_support: 5,
    modified_duties_possible: 2,
    work_harms_back_belief: 4,
    rtw_expectation: 7,
    employer_contact_consent: 1,
    benefit_or_claim_pending: 0,
  },
  motivation: { importance: 8, confidence: 5, readiness: 7 },
  red_flags: NO_RED_FLAGS,
};

/** The instrument and item of the question on screen, from the address (`?page=odi.3`). */
export function currentQuestion(page: Page): { instrument: string; key: string } | null {
  const value = new URL(page.url()).searchParams.get('page');
  if (value === null || value === 'check') return null;
  const dot = value.indexOf('.');
  return { instrument: value.slice(0, dot), key: value.slice(dot + 1) };
}

/**
 * Answers the question on screen the way a patient would: the option by its words, a scale
 * point by its number, a number field by typing, "skip" for a question left out. Resolves to
 * false on the check-your-answers page.
 */
export async function answerCurrentQuestion(
  page: Page,
  answers: Record<string, Record<string, number | null>>,
): Promise<boolean> {
  await page.locator('#page-heading').waitFor();
  const where = currentQuestion(page);
  if (where === null) return false;
  const item = findInstrument(where.instrument)?.definition.items.find(
    (candidate) => candidate.key === where.key,
  );
  assert.ok(item, `${where.instrument}.${where.key} is an item`);
  await heading(page, item.text);
  const value = answers[where.instrument]?.[where.key];
  assert.ok(value !== undefined, `an answer for ${where.instrument}.${where.key}`);
  if (value === null) {
    await page.getByRole('button', { name: /Skip this question/ }).click();
  } else if (item.kind === 'choice') {
    const label = item.options.find((option) => option.code === value)?.label;
    assert.ok(label !== undefined);
    await page.getByRole('radio', { name: label, exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  } else if (item.max !== null && item.max - item.min <= 10) {
    const end =
      value === item.min ? item.anchors?.min : value === item.max ? item.anchors?.max : undefined;
    const name = end === undefined ? String(value) : `${String(value)} (${end})`;
    await page.getByRole('radio', { name, exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  } else {
    await page.getByRole('spinbutton', { name: item.text }).fill(String(value));
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.waitForURL(
    (url) => url.searchParams.get('page') !== `${where.instrument}.${where.key}`,
  );
  return true;
}

export { BASELINE_INSTRUMENTS };

/** Sends a whole baseline through the link as the patient's browser would, without the pages. */
export async function submitBaselineByApi(
  link: string,
  answers: Record<string, Record<string, number | null>>,
): Promise<void> {
  const url = new URL(link);
  const response = await fetch(`${url.origin}/api/v1/respond`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${url.hash.slice(1)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ responses: answers }),
  });
  assert.equal(response.status, 201, await response.text());
}
