import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';
import axe from 'axe-core';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

/** Where Debian puts Chromium; `CHROMIUM_PATH` points elsewhere. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, headless Chromium in containers and CI (no sandbox, no phoning home). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The WCAG levels every page must pass (A and AA of 2.0, 2.1 and 2.2). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** The Chromium this machine should use. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
}

/**
 * Launches headless Chromium for a browser test. When Chromium is missing the test is skipped
 * with a message saying how to install it, unless `REQUIRE_BROWSER=1` (as in CI), where a
 * missing browser is an error rather than a silent pass.
 */
export async function launchBrowserOrSkip(t: TestContext): Promise<Browser | null> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    const message = `Chromium not found at ${executablePath} (install it with: apt-get install chromium, or set CHROMIUM_PATH)`;
    if (process.env.REQUIRE_BROWSER === '1') {
      throw new Error(`REQUIRE_BROWSER=1 but ${message}`);
    }
    console.log(`skipped: ${message}`);
    t.skip(message);
    return null;
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

interface AxeViolationNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeViolationNode[];
}

/** The result of an axe-core run: the violations and a readable report of them. */
export interface AxeReport {
  readonly violations: readonly AxeViolation[];
  /** Empty when there are no violations; otherwise one paragraph per rule and element. */
  readonly summary: string;
}

function formatViolations(label: string, violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return '';
  const lines = [`${violations.length} accessibility violation(s) on ${label}:`];
  for (const violation of violations) {
    lines.push(`- [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}`);
    lines.push(`  ${violation.helpUrl}`);
    for (const node of violation.nodes) {
      lines.push(`  at ${node.target.map(String).join(' ')}`);
      lines.push(`    ${node.html}`);
      if (node.failureSummary !== undefined) {
        lines.push(`    ${node.failureSummary.replaceAll('\n', '\n    ')}`);
      }
    }
  }
  return lines.join('\n');
}

/**
 * Runs axe-core on the page as it is now, against WCAG 2.2 A and AA. Use as
 * `assert.equal((await checkAxe(page)).summary, '')` so a failure prints every violation.
 */
export async function checkAxe(page: Page, label = page.url()): Promise<AxeReport> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  // Evaluated through the DevTools protocol rather than a <script> tag, so the app's Content
  // Security Policy stays on (and its violations still show) while axe runs.
  if (!loaded) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async (tags) => {
      // This runs in the page, where axe-core has just defined `axe` next to `document`.
      const { axe: runner, document: root } = globalThis as unknown as InPageAxe;
      const results = await runner.run(root, { runOnly: { type: 'tag', values: tags } });
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        helpUrl: violation.helpUrl,
        nodes: violation.nodes.map((node) => ({
          target: node.target.map((part) =>
            typeof part === 'string' ? part : JSON.stringify(part),
          ),
          html: node.html,
          ...(node.failureSummary === undefined ? {} : { failureSummary: node.failureSummary }),
        })),
      }));
    },
    [...AXE_TAGS],
  );
  return { violations, summary: formatViolations(label, violations) };
}

/** The page's globals `checkAxe` uses; typed here because testkit has no DOM types. */
interface InPageAxe {
  document: unknown;
  axe: {
    run(
      context: unknown,
      options: { runOnly: { type: 'tag'; values: string[] } },
    ): Promise<{ violations: AxeViolation[] }>;
  };
}

/** A console error that a test expects, e.g. the browser's own log line for a planned 401. */
export interface ExpectedConsoleError {
  readonly text: string | RegExp;
  /** The resource or script URL the message is about. */
  readonly url?: string | RegExp;
}

function matches(pattern: string | RegExp, value: string): boolean {
  return typeof pattern === 'string' ? value.includes(pattern) : pattern.test(value);
}

/**
 * Collects the page's console errors and uncaught exceptions from now on, except the expected
 * ones. Read `errors` at the end of a test and assert it is empty.
 */
export function collectConsoleErrors(
  page: Page,
  expected: readonly ExpectedConsoleError[] = [],
): { readonly errors: string[] } {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const { url, lineNumber } = message.location();
    const isExpected = expected.some(
      (allowed) =>
        matches(allowed.text, text) && (allowed.url === undefined || matches(allowed.url, url)),
    );
    if (!isExpected) errors.push(`console.error: ${text} (${url}:${lineNumber})`);
  });
  page.on('pageerror', (error) => {
    errors.push(`uncaught: ${error.stack ?? error.message}`);
  });
  return { errors };
}
