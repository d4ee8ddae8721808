// The follow-up part of the configuration and the transports it selects.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Db } from '@workup/db';
import { ConfigError, loadConfig } from '../config';
import { transportsFor } from './followup';

const clock = { now: () => new Date('2026-03-02T08:00:00Z') };
/** Choosing transports touches no database; sending (not done here) would. */
const noDb = null as unknown as Db;

describe('follow-up configuration', () => {
  it('defaults: outbox for e-mail and SMS, jobs on, 5 s polls, 5 min lease, 8 attempts', () => {
    const { followup } = loadConfig({});
    assert.deepEqual(followup, {
      smtpUrl: null,
      mailFrom: 'workup <no-reply@workup.invalid>',
      sms: { provider: 'outbox' },
      senderName: 'workup',
      language: 'en',
      linkKey: null,
      jobs: { enabled: true, pollMs: 5000, leaseMs: 300_000, maxAttempts: 8 },
    });
    const transports = transportsFor(loadConfig({}), noDb, clock);
    assert.equal(transports.mailer.kind, 'outbox');
    assert.equal(transports.sms.kind, 'outbox');
  });

  it('SMTP_URL selects SMTP; SMS_PROVIDER=46elks needs its user and password', () => {
    const config = loadConfig({
      SMTP_URL: 'smtp://workup:secret@mail.example.org:587',
      SMS_PROVIDER: '46elks',
      SMS_API_USERNAME: 'u123',
      SMS_API_PASSWORD: 'p456',
      SMS_FROM: 'Vardcentral',
      JOBS: 'off',
      JOB_LEASE_SECONDS: '60',
    });
    assert.deepEqual(config.followup.sms, {
      provider: '46elks',
      url: 'https://api.46elks.com/a1/sms',
      username: 'u123',
      password: 'p456',
      from: 'Vardcentral',
    });
    assert.equal(config.followup.jobs.enabled, false);
    assert.equal(config.followup.jobs.leaseMs, 60_000);
    const transports = transportsFor(config, noDb, clock);
    assert.equal(transports.mailer.kind, 'smtp');
    assert.equal(transports.sms.kind, '46elks');
    transports.mailer.close();
    assert.throws(
      () => loadConfig({ SMS_PROVIDER: '46elks' }),
      (error: unknown) =>
        error instanceof ConfigError && (error.problems[0] ?? '').startsWith('SMS_API_USERNAME'),
    );
  });

  it('refuses a bad SMTP URL, sender, language or link key, naming each', () => {
    assert.throws(
      () =>
        loadConfig({
          SMTP_URL: 'http://mail',
          SMS_FROM: 'a sender name that is far too long',
          REMINDER_LANGUAGE: 'de',
          FOLLOWUP_LINK_KEY: Buffer.alloc(16).toString('base64'),
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(
          error.problems.map((problem) => problem.split(':')[0]),
          ['SMTP_URL', 'SMS_FROM', 'REMINDER_LANGUAGE', 'FOLLOWUP_LINK_KEY'],
        );
        return true;
      },
    );
    const key = Buffer.alloc(32, 9);
    assert.deepEqual(
      loadConfig({ FOLLOWUP_LINK_KEY: key.toString('base64') }).followup.linkKey,
      key,
    );
  });
});
