// Canary: proves that eslint.config.js enforces the dependency table of docs/architecture.md.
// Each case writes a small file into a package's src/, lints it with the project's real
// configuration, and removes it again.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Canary {
  readonly name: string;
  readonly pkg: string;
  readonly source: string;
  /** The rule that must fire, or null when the file must pass the boundary rules. */
  readonly rule: string | null;
}

const CANARIES: readonly Canary[] = [
  {
    name: 'core importing node:fs',
    pkg: 'core',
    source: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'core importing db',
    pkg: 'core',
    source: "import { schema } from '@workup/db';\nexport const tables = schema;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'core reading the clock',
    pkg: 'core',
    source: 'export const stamp = (): number => Date.now();\n',
    rule: 'no-restricted-syntax',
  },
  {
    name: 'core reading the environment',
    pkg: 'core',
    source: 'export const home = (): unknown => process.env;\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'web importing server',
    pkg: 'web',
    source: "import { createApp } from '@workup/server';\nexport const app = createApp;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'server deep-importing core',
    pkg: 'server',
    source:
      "import { scoreSbt } from '@workup/core/src/instruments/sbt/score';\nexport const score = scoreSbt;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'server importing the testkit',
    pkg: 'server',
    source: "import { FakeClock } from '@workup/testkit';\nexport const clock = FakeClock;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'core importing contracts (allowed)',
    pkg: 'core',
    source:
      "import { SbtRiskSchema } from '@workup/contracts';\nexport const risk = SbtRiskSchema;\n",
    rule: null,
  },
];

const BOUNDARY_RULES = new Set([
  'no-restricted-imports',
  'no-restricted-syntax',
  'no-restricted-globals',
]);

describe('lint enforces the package boundaries (canary)', () => {
  const tag = randomBytes(4).toString('hex');
  const files = CANARIES.map((canary, index) =>
    join(ROOT, 'packages', canary.pkg, 'src', `lint-canary-${tag}-${index}.ts`),
  );
  let results: ESLint.LintResult[] = [];

  before(async () => {
    CANARIES.forEach((canary, index) => {
      writeFileSync(files[index] ?? '', canary.source);
    });
    try {
      results = await new ESLint({ cwd: ROOT }).lintFiles(files);
    } finally {
      for (const file of files) rmSync(file, { force: true });
    }
  });

  after(() => {
    for (const file of files) rmSync(file, { force: true });
  });

  CANARIES.forEach((canary, index) => {
    it(canary.rule ? `fails ${canary.name}` : `passes ${canary.name}`, () => {
      const result = results.find((r) => r.filePath === files[index]);
      assert.ok(result, 'the file was linted');
      const fired = result.messages
        .filter((message) => message.ruleId !== null && BOUNDARY_RULES.has(message.ruleId))
        .map((message) => message.ruleId);
      const fatal = result.messages.filter((message) => message.fatal);
      assert.deepEqual(fatal, [], 'the file parses');
      if (canary.rule)
        assert.ok(
          fired.includes(canary.rule),
          `expected ${canary.rule}, got ${JSON.stringify(result.messages)}`,
        );
      else assert.deepEqual(fired, []);
    });
  });
});
