import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import {
  InstrumentDetailSchema,
  InstrumentListSchema,
  INSTRUMENT_IDS,
  PatientSummarySchema,
  ProblemSchema,
  QuestionnaireFormSchema,
  QuestionnaireLinkSchema,
  ScoreResultSchema,
} from '@workup/contracts';
import { sbtDefinition } from '@workup/core';
import { listAuditEvents } from '@workup/db';
import {
  createTestApp,
  describeEachDatabase,
  openTestDatabase,
  signInStaff,
  type TestApp,
} from '@workup/testkit';

const MEDIUM = { '1': 1, '2': 0, '3': 1, '4': 0, '5': 1, '6': 1, '7': 0, '8': 0, '9': 3 };

/** A placeholder pack in the shape a licensed site loads (our own words, not Keele's). */
function swedishPack() {
  return {
    format: 'workup-content-pack/1',
    instrument: 'sbt',
    instrumentVersion: sbtDefinition.version,
    language: 'sv',
    title: 'Platshållare',
    licence: { holder: 'Testregionen', reference: 'avtal 2026-17' },
    items: Object.fromEntries(
      sbtDefinition.items.map((item) => [
        item.key,
        {
          text: `Fråga ${item.key}`,
          options:
            item.kind === 'choice'
              ? Object.fromEntries(
                  item.options.map((o) => [String(o.code), `Svar ${String(o.code)}`]),
                )
              : undefined,
        },
      ]),
    ),
  };
}

describeEachDatabase('instruments and live scoring over HTTP', (getDatabase) => {
  let harness: TestApp;
  let session: Awaited<ReturnType<typeof signInStaff>>;
  const packDir = mkdtempSync(join(tmpdir(), 'workup-packs-'));
  writeFileSync(join(packDir, 'sbt.sv.json'), JSON.stringify(swedishPack()));

  before(async () => {
    harness = await createTestApp(getDatabase(), { env: { CONTENT_PACK_DIR: packDir } });
    session = await signInStaff(harness);
  });
  after(() => {
    rmSync(packDir, { recursive: true, force: true });
  });

  const score = (instrument: string, payload: unknown, withCsrf = true) =>
    harness.app.inject({
      method: 'POST',
      url: `/api/v1/score/${instrument}`,
      headers: {
        cookie: session.cookie,
        ...(withCsrf ? { 'x-csrf-token': session.csrfToken } : {}),
      },
      payload: payload as Record<string, unknown>,
    });

  it('scores a response for a live preview, stores and audits nothing', async () => {
    const eventsBefore = (await listAuditEvents(getDatabase().db)).length;
    const response = await score('sbt', { answers: MEDIUM });
    assert.equal(response.statusCode, 200, response.body);
    const result = ScoreResultSchema.parse(response.json());
    assert.deepEqual(result.scores, { total: 5, psychosocial: 3, risk: 'medium' });
    assert.equal((await listAuditEvents(getDatabase().db)).length, eventsBefore);
  });

  it('answers an incomplete response with the missing-data rule', async () => {
    const response = await score('sbt', { answers: { '1': 1 } });
    assert.equal(response.statusCode, 200);
    const result = ScoreResultSchema.parse(response.json());
    assert.equal(result.scores, null);
    assert.match(result.reason ?? '', /all 9 items/);
  });

  it('rejects a code out of range, display text and unknown items with field paths', async () => {
    for (const [answers, path] of [
      [{ ...MEDIUM, '9': 5 }, ['answers', '9']],
      [{ ...MEDIUM, '1': 'Agree' }, ['answers', '1']],
      [{ ...MEDIUM, '10': 1 }, ['answers']],
    ] as const) {
      const response = await score('sbt', { answers });
      assert.equal(response.statusCode, 422, JSON.stringify(answers));
      const problem = ProblemSchema.parse(response.json());
      assert.ok(
        problem.errors?.some((error) =>
          JSON.stringify(error.path).startsWith(JSON.stringify(path).slice(0, -1)),
        ),
        JSON.stringify(problem.errors),
      );
    }
  });

  it('404s an unknown instrument and refuses a value set the instrument lacks', async () => {
    assert.equal((await score('nope', { answers: {} })).statusCode, 404);
    const response = await score('sbt', { answers: MEDIUM, valueSet: 'uk_tto' });
    assert.equal(response.statusCode, 422);
    assert.deepEqual(ProblemSchema.parse(response.json()).errors?.[0]?.path, ['valueSet']);
  });

  it('needs a signed-in staff member and the CSRF token', async () => {
    const anonymous = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/score/sbt',
      payload: { answers: MEDIUM },
    });
    assert.equal(anonymous.statusCode, 401);
    assert.equal((await score('sbt', { answers: MEDIUM }, false)).statusCode, 403);
  });

  it("lists every instrument, with the languages of the site's content packs", async () => {
    const response = await harness.app.inject({
      url: '/api/v1/instruments',
      headers: { cookie: session.cookie },
    });
    assert.equal(response.statusCode, 200);
    const { instruments } = InstrumentListSchema.parse(response.json());
    const ids = instruments.map((instrument) => instrument.id);
    for (const id of ids) assert.ok((INSTRUMENT_IDS as readonly string[]).includes(id));
    const sbt = instruments.find((instrument) => instrument.id === 'sbt');
    assert.deepEqual(sbt?.contentPackLanguages, ['sv']);
  });

  it('says when our paraphrase is in use, and uses the pack where one is loaded', async () => {
    const get = async (query: string) => {
      const response = await harness.app.inject({
        url: `/api/v1/instruments/sbt${query}`,
        headers: { cookie: session.cookie },
      });
      assert.equal(response.statusCode, 200, response.body);
      return InstrumentDetailSchema.parse(response.json());
    };
    const english = await get('');
    assert.equal(english.wording, 'paraphrase');
    assert.equal(english.items[0]?.text, sbtDefinition.items[0]?.text);
    assert.equal(english.cutOffs.length > 0, true);
    const swedish = await get('?lang=sv-SE');
    assert.equal(swedish.wording, 'content-pack');
    assert.equal(swedish.language, 'sv');
    assert.equal(swedish.items[8]?.options[3]?.label, 'Svar 3');
    const norwegian = await get('?lang=nb');
    assert.equal(norwegian.wording, 'paraphrase');
  });

  it("gives a patient's link the pack's wording in their language, else our paraphrase", async () => {
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const created = await harness.app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers,
      payload: { givenName: 'Sara', familyName: 'Berg' },
    });
    const patient = PatientSummarySchema.parse(created.json());
    const linked = await harness.app.inject({
      method: 'POST',
      url: `/api/v1/patients/${patient.id}/questionnaire-links`,
      headers,
      payload: { instrument: 'sbt' },
    });
    const { url } = QuestionnaireLinkSchema.parse(linked.json());
    const authorization = `Bearer ${new URL(url).hash.slice(1)}`;
    const form = async (query: string) => {
      const response = await harness.app.inject({
        url: `/api/v1/respond${query}`,
        headers: { authorization },
      });
      assert.equal(response.statusCode, 200, response.body);
      return QuestionnaireFormSchema.parse(response.json());
    };
    const swedish = await form('?lang=sv');
    assert.equal(swedish.wording, 'content-pack');
    assert.equal(swedish.language, 'sv');
    assert.equal(swedish.items[0]?.text, 'Fråga 1');
    const english = await form('?lang=en');
    assert.equal(english.wording, 'paraphrase');
    assert.equal(english.language, 'en');
    assert.equal(english.items[0]?.text, sbtDefinition.items[0]?.text);
  });

  it('exports an instrument as a FHIR R4 Questionnaire', async () => {
    const response = await harness.app.inject({
      url: '/api/v1/instruments/sbt/fhir',
      headers: { cookie: session.cookie },
    });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/fhir\+json/);
    const body = response.json<{ resourceType: string; url: string; item: unknown[] }>();
    assert.equal(body.resourceType, 'Questionnaire');
    assert.equal(body.item.length, 9);
  });
});

it('refuses to start with a content pack that does not fit its instrument, naming file and field', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'workup-packs-'));
  try {
    const pack = swedishPack();
    delete (pack.items as Record<string, unknown>)['4'];
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(pack));
    writeFileSync(join(dir, 'not-json.json'), '{');
    const database = await openTestDatabase('pglite');
    try {
      await assert.rejects(
        createTestApp(database, { env: { CONTENT_PACK_DIR: dir } }),
        (error: Error) =>
          error.message.includes('broken.json: items.4: missing') &&
          error.message.includes('not-json.json'),
      );
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
