import { z } from 'zod';

export const DATABASE_KINDS = ['pglite', 'postgres'] as const;

/**
 * How safe an acknowledged write is:
 * - `memory`: in-memory database, lost when the process ends (tests only);
 * - `local-disk`: embedded PGlite on this machine's disk, one process;
 * - `synchronous`: PostgreSQL with fsync and synchronous_commit on;
 * - `relaxed`: PostgreSQL with fsync or synchronous_commit off (a crash may lose recent commits).
 */
export const DURABILITY_LEVELS = ['memory', 'local-disk', 'synchronous', 'relaxed'] as const;

export const DurabilitySchema = z.enum(DURABILITY_LEVELS);
export type Durability = z.infer<typeof DurabilitySchema>;

export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.object({
    kind: z.enum(DATABASE_KINDS),
    durability: DurabilitySchema,
  }),
});
export type Health = z.infer<typeof HealthSchema>;
