import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from src/schema.ts: `npm run db:generate` at the repository root.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema.ts',
  out: './packages/db/migrations',
});
