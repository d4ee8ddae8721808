// Entry point of `npm start`: reads the environment, opens the database, fills an empty one
// with demo data, and serves the API and the web app until SIGINT or SIGTERM.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataDirLockedError, openDatabase } from '@workup/db';
import { createApp } from './app';
import { createJobRunner } from './jobs/followup';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { systemClock } from './services/clock';
import { DEMO_ADVISER_EMAIL, seedDemoData } from './services/demo-data';
import { OWASP_SCRYPT } from './services/passwords';

const webDistDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env, { webDistDir });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      return 2;
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });

  let database;
  try {
    database = await openDatabase(config.database);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`workup: ${error.message}\n`);
      return 1;
    }
    throw error;
  }

  if (config.demoData) {
    const login = await seedDemoData(database.db, {
      now: systemClock.now(),
      passwordParams: OWASP_SCRYPT,
    });
    if (login) {
      // Shown once, on the console only (never through the logger): the database keeps a hash.
      process.stdout.write(
        `\n  Demo data created. Sign in as the demo clinician (shown only this once):\n` +
          `    e-mail:   ${login.email}\n    password: ${login.password}\n` +
          `  The demo vocational adviser signs in as ${DEMO_ADVISER_EMAIL} with the same password.\n\n`,
      );
    }
  }

  const app = await createApp({ config, database, logger });
  await app.listen({ port: config.port, host: config.host });
  // Background jobs (follow-up openings and reminders) from the jobs table; several instances
  // on one PostgreSQL share them without running any twice (docs/followup.md).
  const jobs = config.followup.jobs.enabled
    ? createJobRunner({ config, db: database.db, clock: systemClock, logger })
    : null;
  jobs?.runner.start();
  process.stdout.write(
    `  workup is running at ${config.publicUrl} (database: ${database.kind}` +
      `${config.database.kind === 'pglite' ? ` in ${config.dataDir}` : ''})\n`,
  );

  await new Promise<void>((done) => {
    const stop = () => {
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  logger.info('shutting down');
  await jobs?.runner.stop();
  jobs?.transports.mailer.close();
  await app.close();
  await database.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `workup: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
