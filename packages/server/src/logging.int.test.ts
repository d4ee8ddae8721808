// Secrets and identifiers never reach the logs (issue 5): a whole journey at LOG_LEVEL=trace,
// including failures, with every log line captured; none may contain a token, a cookie, a CSRF
// token, a password, an e-mail address, a national id, a phone number or a patient's name.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { before, it } from 'node:test';
import { PatientSummarySchema, QuestionnaireLinkSchema } from '@workup/contracts';
import { createTestApp, describeEachDatabase, signInStaff, type TestApp } from '@workup/testkit';

const PERSONNUMMER = '19750312-4821';
const PHONE = '+46 70 123 45 67';
const PATIENT_EMAIL = 'astrid.lindqvist@example.invalid';
const GIVEN = 'Astridina';
const FAMILY = 'Lindqvistberg';
const ANSWERS = { '1': 1, '2': 0, '3': 1, '4': 0, '5': 1, '6': 1, '7': 0, '8': 1, '9': 3 };

describeEachDatabase('log redaction', (getDatabase) => {
  let harness: TestApp;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });

  before(async () => {
    harness = await createTestApp(getDatabase(), {
      logStream: sink,
      env: { LOG_LEVEL: 'trace', PUBLIC_URL: 'https://workup.test' },
    });
  });

  it('keeps tokens, cookies, passwords, e-mail addresses, national ids and names out of every log line', async () => {
    const secrets: string[] = [harness.clinician.email, harness.clinician.password];
    // A failed sign-in logs the attempt, never the address or the password tried.
    const wrongPassword = 'not-the-password-Zq81';
    secrets.push(wrongPassword);
    await harness.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: harness.clinician.email, password: wrongPassword },
    });
    const session = await signInStaff(harness);
    secrets.push(session.rawCookie.value, session.csrfToken);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };

    const created = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers,
      payload: {
        givenName: GIVEN,
        familyName: FAMILY,
        nationalId: { system: 'se_personnummer', value: PERSONNUMMER },
        phone: PHONE,
        email: PATIENT_EMAIL,
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    secrets.push(PERSONNUMMER, PHONE, PATIENT_EMAIL, GIVEN, FAMILY);
    const patient = PatientSummarySchema.parse(created.json());
    assert.equal(
      (await harness.app.inject({ url: `/api/v1/patients/${patient.id}`, headers })).statusCode,
      200,
    );

    const linked = await harness.app.inject({
      method: 'POST',
      url: `/api/v1/patients/${patient.id}/questionnaire-links`,
      headers,
      payload: { instrument: 'sbt' },
    });
    const link = QuestionnaireLinkSchema.parse(linked.json());
    const token = new URL(link.url).hash.slice(1);
    secrets.push(token);
    const bearer = { authorization: `Bearer ${token}` };

    await harness.app.inject({ url: '/api/v1/respond?lang=en', headers: bearer });
    await harness.app.inject({
      method: 'PUT',
      url: '/api/v1/respond/draft',
      headers: bearer,
      payload: { answers: { '1': 1 } },
    });
    const idempotencyKey = 'b7d3c0e2-3a1f-4a8e-9d4b-2f6c1e0a9b77';
    await harness.app.inject({
      method: 'POST',
      url: '/api/v1/respond',
      headers: { ...bearer, 'idempotency-key': idempotencyKey },
      payload: { answers: ANSWERS },
    });
    // Failures log too: a used link, a wrong token in the header and in the query string.
    await harness.app.inject({
      method: 'POST',
      url: '/api/v1/respond',
      headers: bearer,
      payload: { answers: ANSWERS },
    });
    const forged = 'A'.repeat(43);
    secrets.push(forged);
    await harness.app.inject({
      url: '/api/v1/respond',
      headers: { authorization: `Bearer ${forged}` },
    });
    await harness.app.inject({ url: `/api/v1/respond?token=${forged}` });
    await harness.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers });

    const output = lines.join('');
    if (process.env.SHOW_LOGS === '1') process.stdout.write(output);
    assert.ok(lines.length > 10, `the journey was logged (${String(lines.length)} lines)`);
    assert.match(output, /"reqId"|"requestId"/, 'log lines carry the request id');
    for (const secret of secrets) {
      assert.ok(
        !output.includes(secret),
        `a log line contains ${JSON.stringify(secret.slice(0, 4))}…`,
      );
    }
    // E-mail addresses in any form, and a personnummer without its hyphen.
    assert.doesNotMatch(output, /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/);
    assert.ok(!output.includes(PERSONNUMMER.replace('-', '')));
  });
});
