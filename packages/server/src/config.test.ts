import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config';

const root = new URL('../../../', import.meta.url);

describe('loadConfig', () => {
  it('runs on embedded PGlite in ./data on port 8080 with nothing set', () => {
    const config = loadConfig({});
    assert.equal(config.port, 8080);
    assert.equal(config.host, '127.0.0.1');
    assert.deepEqual(config.database, { kind: 'pglite', dataDir: config.dataDir });
    assert.match(config.dataDir, /\/data$/);
    assert.equal(config.publicUrl, 'http://localhost:8080');
    assert.equal(config.cookieSecure, false);
    assert.equal(config.demoData, true);
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://workup@db:5432/workup' });
    assert.deepEqual(config.database, {
      kind: 'postgres',
      url: 'postgres://workup@db:5432/workup',
    });
  });

  it('treats empty variables as unset and ignores unrelated ones', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', HOME: '/root' });
    assert.equal(config.port, 8080);
    assert.equal(config.database.kind, 'pglite');
  });

  it('uses secure cookies behind an https PUBLIC_URL', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://workup.example.org/' });
    assert.equal(config.publicUrl, 'https://workup.example.org');
    assert.equal(config.cookieSecure, true);
  });

  it('requires TOTP_KEY with TOTP_REQUIRED and takes 32 bytes of base64', () => {
    assert.throws(
      () => loadConfig({ TOTP_REQUIRED: 'true' }),
      (error: unknown) =>
        error instanceof ConfigError && (error.problems[0] ?? '').startsWith('TOTP_KEY'),
    );
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = loadConfig({ TOTP_REQUIRED: 'true', TOTP_KEY: key });
    assert.equal(config.totpRequired, true);
    assert.deepEqual(config.totpKey, Buffer.alloc(32, 7));
    assert.equal(loadConfig({}).totpKey, null);
    assert.throws(
      () => loadConfig({ TOTP_KEY: Buffer.alloc(16).toString('base64') }),
      (error: unknown) =>
        error instanceof ConfigError && (error.problems[0] ?? '').startsWith('TOTP_KEY'),
    );
  });

  it('names every bad variable at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(
          error.problems.map((problem) => problem.split(':')[0]),
          ['PORT', 'DATABASE_URL', 'LOG_LEVEL'],
        );
        return true;
      },
    );
  });
});

describe('configuration documentation', () => {
  it('.env.example lists every variable loadConfig reads', () => {
    const example = readFileSync(new URL('.env.example', root), 'utf8');
    const listed = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]);
    const serverVariables = listed.filter((name) => CONFIG_VARIABLES.includes(name ?? ''));
    assert.deepEqual([...serverVariables].sort(), [...CONFIG_VARIABLES].sort());
  });

  it("the README's configuration table lists every variable", () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    for (const name of CONFIG_VARIABLES) assert.match(readme, new RegExp(`\\| \`${name}\` \\|`));
  });
});
