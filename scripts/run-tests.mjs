// Runs every test with node's test runner through tsx: unit tests (`*.test.ts`), database and
// HTTP tests (`*.int.test.ts`) and browser journeys (`packages/web/e2e/*.spec.ts`).
// Usage: node scripts/run-tests.mjs [--no-browser] [path filter ...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const noBrowser = args.includes('--no-browser');
const filters = args.filter((arg) => !arg.startsWith('--'));

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  /** @type {string[]} */
  const found = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...walk(path));
    else found.push(path);
  }
  return found;
}

const files = walk('packages')
  .map((path) => relative('.', path))
  .filter(
    (path) =>
      /\.test\.tsx?$/.test(path) || (!noBrowser && /^packages\/web\/e2e\/.+\.spec\.ts$/.test(path)),
  )
  .filter((path) => filters.length === 0 || filters.some((filter) => path.includes(filter)))
  .sort();

if (files.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
);
process.exit(result.status ?? 1);
