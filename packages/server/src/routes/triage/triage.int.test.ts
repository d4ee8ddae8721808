import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, it } from 'node:test';
import { ProblemSchema, TriageResultSchema, type TriageInput } from '@workup/contracts';
import {
  createTestApp,
  describeEachDatabase,
  openTestDatabase,
  signInStaff,
  type TestApp,
} from '@workup/testkit';

/** The first vignette of the triage suite: saddle numbness, low-risk STarT Back. */
const vignette = JSON.parse(
  readFileSync(
    new URL('../../../../core/src/triage/vignettes/01-cauda-equina-saddle.json', import.meta.url),
    'utf8',
  ),
) as { input: TriageInput; expected: { urgency: string; plan: string[] } };

describeEachDatabase('triage over HTTP', (getDatabase) => {
  let harness: TestApp;
  let session: Awaited<ReturnType<typeof signInStaff>>;

  before(async () => {
    harness = await createTestApp(getDatabase());
    session = await signInStaff(harness);
  });

  const post = (payload: unknown, withCsrf = true) =>
    harness.app.inject({
      method: 'POST',
      url: '/api/v1/triage',
      headers: {
        cookie: session.cookie,
        ...(withCsrf ? { 'x-csrf-token': session.csrfToken } : {}),
      },
      payload: payload as Record<string, unknown>,
    });

  it('gives the flags, urgency and plan of the default pathway, with reasons', async () => {
    const response = await post(vignette.input);
    assert.equal(response.statusCode, 200, response.body);
    const result = TriageResultSchema.parse(response.json());
    assert.equal(result.urgency, vignette.expected.urgency);
    assert.deepEqual(
      result.plan.map((item) => item.code),
      vignette.expected.plan,
    );
    assert.equal(result.plan[0]?.code, 'emergency_referral', 'the referral leads');
    assert.equal(result.pathway.id, 'workup-default');
    assert.match(result.pathway.hash, /^sha256:[0-9a-f]{64}$/);
    for (const item of result.plan) assert.ok(item.because.length > 0, `${item.code} has a reason`);
  });

  it('answers a code out of range with 422 and its path', async () => {
    const bad = structuredClone(vignette.input);
    const responses = bad.responses as Record<string, Record<string, number>>;
    responses.sbt = { ...responses.sbt, '9': 7 };
    const response = await post(bad);
    assert.equal(response.statusCode, 422, response.body);
    const problem = ProblemSchema.parse(response.json());
    assert.deepEqual(problem.errors?.[0]?.path.slice(0, 3), ['responses', 'sbt', '9']);
  });

  it('needs a signed-in staff member and the CSRF token', async () => {
    const anonymous = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/triage',
      payload: vignette.input as unknown as Record<string, unknown>,
    });
    assert.equal(anonymous.statusCode, 401);
    assert.equal((await post(vignette.input, false)).statusCode, 403);
  });
});

it('refuses to start with a pathway file that does not check, naming the problem', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'workup-pathway-'));
  const database = await openTestDatabase('pglite');
  try {
    const file = join(dir, 'pathway.json');
    writeFileSync(file, JSON.stringify({ id: 'broken' }));
    await assert.rejects(
      createTestApp(database, { env: { PATHWAY_FILE: file } }),
      (error: Error) => error.message.includes('PATHWAY_FILE') && error.message.includes(file),
    );
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
