export { FakeClock } from './clock';
export { createPostgresTestDatabase, describeEachDatabase, openTestDatabase } from './database';
export { SERVER_MAIN, spawnServer, waitForOutput, type ServerProcess } from './server-process';
export type { TestDatabaseKind } from './database';
export {
  createTestApp,
  freePort,
  signInStaff,
  startTestServer,
  TEST_SCRYPT,
  WEB_DIST_DIR,
} from './app';
export type { TestApp, TestStaff } from './app';
export {
  AXE_TAGS,
  DEFAULT_CHROMIUM_PATH,
  checkAxe,
  chromiumPath,
  collectConsoleErrors,
  launchBrowserOrSkip,
} from './browser';
export type { AxeReport, ExpectedConsoleError } from './browser';
