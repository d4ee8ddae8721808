// bench/submit: questionnaire submissions end to end (validate, score, store, audit) through
// the real server process on PostgreSQL, at 50 and 200 concurrent clients, beside the ceiling
// of raw single-row INSERTs into the same PostgreSQL server measured in the same run.
// Prints JSON. Usage: npm run bench:submit [-- --clients 50,200 --per-client 20]
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  PatientSummarySchema,
  QuestionnaireLinkSchema,
  SessionInfoSchema,
} from '@workup/contracts';
import { createPostgresTestDatabase, freePort, spawnServer, waitForOutput } from '@workup/testkit';
import { runConcurrently, type RunSummary } from '../lib/latency';
import { benchPostgres } from '../lib/postgres';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50,200' },
    'per-client': { type: 'string', default: '20' },
  },
});
const levels = values.clients.split(',').map(Number);
const perClient = Number(values['per-client']);
if (levels.some((level) => !Number.isInteger(level) || level < 1) || !(perClient >= 1)) {
  process.stderr.write('usage: bench/submit/run.ts [--clients 50,200] [--per-client 20]\n');
  process.exit(2);
}

const ANSWERS = { '1': 1, '2': 0, '3': 1, '4': 0, '5': 1, '6': 1, '7': 0, '8': 1, '9': 3 };
const log = (text: string) => process.stderr.write(`${text}\n`);

const postgres = await benchPostgres();
const scratch = await createPostgresTestDatabase(postgres.url);
const port = await freePort();
const base = `http://127.0.0.1:${String(port)}`;
const server = spawnServer({
  DATABASE_URL: scratch.url,
  PORT: String(port),
  PUBLIC_URL: base,
  LOG_LEVEL: 'warn',
});

try {
  await waitForOutput(server, /workup is running/);
  const login = /e-mail:\s+(\S+)\s+password:\s+(\S+)/.exec(server.stdout());
  if (!login) throw new Error('no demo login printed');
  const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: login[1], password: login[2] }),
  });
  const cookie = (signIn.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const { csrfToken } = SessionInfoSchema.parse(await signIn.json());
  const staffHeaders = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

  /** Patients with one open STarT Back link each, made through the API. */
  const makeLinks = async (count: number): Promise<string[]> => {
    const tokens: string[] = [];
    await runConcurrently(
      Array.from({ length: count }, (_, index) => index),
      16,
      async (index) => {
        const created = await fetch(`${base}/api/v1/patients`, {
          method: 'POST',
          headers: staffHeaders,
          body: JSON.stringify({ givenName: 'Bench', familyName: `Patient${String(index)}` }),
        });
        const patient = PatientSummarySchema.parse(await created.json());
        const linked = await fetch(`${base}/api/v1/patients/${patient.id}/questionnaire-links`, {
          method: 'POST',
          headers: staffHeaders,
          body: JSON.stringify({ instrument: 'sbt' }),
        });
        tokens.push(new URL(QuestionnaireLinkSchema.parse(await linked.json()).url).hash.slice(1));
        return true;
      },
    );
    return tokens;
  };

  // As many connections as clients, but within the server's max_connections (the workup
  // server holds its own pool on the same server): more would fail rather than queue.
  const probe = new pg.Client({ connectionString: scratch.url });
  await probe.connect();
  const maxConnections = Number(
    (await probe.query<{ max_connections: string }>('show max_connections')).rows[0]
      ?.max_connections ?? 100,
  );
  await probe.end();
  const rawConnections = Math.max(1, Math.min(Math.max(...levels), maxConnections - 30));
  const raw = new pg.Pool({ connectionString: scratch.url, max: rawConnections });
  await raw.query(
    'create table bench_raw (id bigserial primary key, answers jsonb not null, created_at timestamptz not null default now())',
  );

  const results: {
    clients: number;
    submit: RunSummary;
    rawInsert: RunSummary;
    submitToRawThroughput: number;
  }[] = [];
  for (const clients of levels) {
    const total = clients * perClient;
    log(`${String(clients)} clients: preparing ${String(total)} links…`);
    const tokens = await makeLinks(total);
    log(`${String(clients)} clients: submitting…`);
    const submit = await runConcurrently(tokens, clients, async (token) => {
      const response = await fetch(`${base}/api/v1/respond`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ answers: ANSWERS }),
      });
      await response.arrayBuffer();
      return response.status === 201;
    });
    log(`${String(clients)} clients: raw INSERTs…`);
    const rawInsert = await runConcurrently(
      Array.from({ length: total }, (_, index) => index),
      clients,
      async () => {
        await raw.query('insert into bench_raw (answers) values ($1)', [JSON.stringify(ANSWERS)]);
        return true;
      },
    );
    results.push({
      clients,
      submit,
      rawInsert,
      submitToRawThroughput: Number(
        (submit.throughputPerSecond / rawInsert.throughputPerSecond).toFixed(3),
      ),
    });
  }
  const version = (await raw.query<{ server_version: string }>('show server_version')).rows[0];
  await raw.end();
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'submit',
        what: 'POST /api/v1/respond end to end (validate, score, store, audit) on one server process',
        reference: 'single-row INSERTs of the same answers JSON into the same PostgreSQL server',
        postgres: {
          version: version?.server_version ?? null,
          origin: postgres.origin,
          maxConnections,
          rawInsertConnections: rawConnections,
        },
        machine: { cpus: availableParallelism(), node: process.version },
        perClient,
        levels: results,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  await scratch.drop();
  postgres.stop();
}
