export { FakeClock } from './clock';
export { describeEachDatabase, openTestDatabase } from './database';
export type { TestDatabaseKind } from './database';
export { createTestApp, freePort, startTestServer, TEST_SCRYPT, WEB_DIST_DIR } from './app';
export type { TestApp, TestStaff } from './app';
