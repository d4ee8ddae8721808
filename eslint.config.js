// ESLint flat config. Besides typescript-eslint's strict, type-aware rules, it enforces the
// dependency table of docs/architecture.md: which package may import which, no deep imports
// into another package, no Node, DOM, clock or randomness in the pure packages. Import cycles
// are checked by packages/testkit/src/import-graph.test.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PACKAGES = ['contracts', 'core', 'stats', 'db', 'server', 'web', 'cli', 'testkit'];

/** Which workspace packages each package may import (docs/architecture.md). */
const ALLOWED = {
  contracts: [],
  core: ['contracts'],
  stats: [],
  db: ['contracts'],
  server: ['contracts', 'core', 'stats', 'db'],
  web: ['contracts', 'core'],
  cli: ['contracts', 'core', 'stats', 'db'],
  testkit: ['contracts', 'core', 'stats', 'db', 'server'],
};

/** Third-party modules a package must not use, beyond other workspace packages. */
const SERVER_SIDE = [
  'fastify',
  'fastify-*',
  '@fastify/*',
  'drizzle-orm',
  'drizzle-orm/*',
  'pg',
  '@electric-sql/*',
  'pino',
];
const UI = ['react', 'react-*'];
const PURE = ['node:*', ...UI, ...SERVER_SIDE, 'commander'];
const FORBIDDEN_MODULES = {
  contracts: PURE,
  core: PURE,
  stats: [...PURE, 'zod'],
  db: [...UI, 'fastify', 'fastify-*', '@fastify/*', 'commander'],
  server: [...UI, 'commander'],
  web: ['node:*', ...SERVER_SIDE],
  cli: [...UI, 'fastify', 'fastify-*', '@fastify/*'],
  testkit: [],
};

/** no-restricted-imports options for one package's source files. */
function boundaries(pkg, { allowTestkit = false } = {}) {
  const forbiddenPackages = PACKAGES.filter(
    (other) =>
      other !== pkg && !ALLOWED[pkg].includes(other) && !(allowTestkit && other === 'testkit'),
  );
  const patterns = [
    {
      group: ['@workup/*/*'],
      message: 'Import another package by its name only; it exports its API from src/index.ts.',
    },
  ];
  if (forbiddenPackages.length > 0) {
    patterns.push({
      group: forbiddenPackages.map((other) => `@workup/${other}`),
      message: `docs/architecture.md: ${pkg} may import only ${ALLOWED[pkg].join(', ') || 'zod'} among the workspace packages.`,
    });
  }
  if (FORBIDDEN_MODULES[pkg].length > 0) {
    patterns.push({
      group: FORBIDDEN_MODULES[pkg],
      message: `docs/architecture.md: ${pkg} must not use this module.`,
    });
  }
  patterns.push({
    group: ['../../*/src/*', '../../../packages/*'],
    message: 'Do not reach into another package by relative path; import it by name.',
  });
  return ['error', { patterns }];
}

const PURE_GLOBALS = [
  'process',
  'window',
  'document',
  'navigator',
  'localStorage',
  'fetch',
  'XMLHttpRequest',
  'setTimeout',
  'setInterval',
  'console',
  'Buffer',
  'require',
].map((name) => ({
  name,
  message: 'Pure packages take time, randomness and I/O as arguments (docs/architecture.md).',
}));
const PURE_SYNTAX = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Pass `now` in; core and stats never read the clock.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Pass `now` in; core and stats never read the clock.',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'Pass a seeded `rng` in; core and stats never use Math.random().',
  },
  {
    selector: "CallExpression[callee.object.name='crypto']",
    message: 'Pass ids and randomness in.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      'packages/db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // node:test's describe/it/test return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: [
                'describe',
                'it',
                'test',
                'suite',
                'before',
                'after',
                'beforeEach',
                'afterEach',
              ],
            },
          ],
        },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // TypeScript checks these files (checkJs), which covers undefined names better.
    files: ['**/*.js', '**/*.mjs'],
    rules: { 'no-undef': 'off' },
  },
  ...PACKAGES.map((pkg) => ({
    files: [`packages/${pkg}/src/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': boundaries(pkg) },
  })),
  ...PACKAGES.map((pkg) => ({
    // Tests may use Node's test runner and the testkit, but still respect the other boundaries.
    files: [`packages/${pkg}/src/**/*.test.{ts,tsx}`, `packages/${pkg}/e2e/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@workup/*/*'], message: 'Import another package by its name only.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['packages/{core,stats,contracts}/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...PURE_GLOBALS],
      'no-restricted-syntax': ['error', ...PURE_SYNTAX],
    },
  },
  {
    files: ['packages/server/src/**/*.ts', 'packages/db/src/**/*.ts', 'packages/cli/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/main.ts', '**/bin.ts', '**/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read the environment only in loadConfig(env) and main.ts.',
        },
        {
          object: 'process',
          property: 'exit',
          message: 'Return an exit code; only bin.ts and main.ts exit.',
        },
      ],
    },
  },
);
