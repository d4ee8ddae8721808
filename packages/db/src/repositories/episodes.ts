import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../database';
import { episodeDiagnoses, episodes } from '../schema';

export type EpisodeRow = typeof episodes.$inferSelect;

export interface DiagnosisCode {
  system: string;
  code: string;
}

export interface EpisodeRecord extends EpisodeRow {
  /** In the order given; the first is the main diagnosis. */
  diagnoses: DiagnosisCode[];
}

async function replaceDiagnoses(db: Db, episodeId: string, diagnoses: readonly DiagnosisCode[]) {
  await db.delete(episodeDiagnoses).where(eq(episodeDiagnoses.episodeId, episodeId));
  if (diagnoses.length === 0) return;
  await db.insert(episodeDiagnoses).values(
    diagnoses.map((diagnosis, position) => ({
      episodeId,
      codeSystem: diagnosis.system,
      code: diagnosis.code,
      position,
    })),
  );
}

/** Creates an episode of care with its diagnosis codes, in one transaction. */
export async function createEpisode(
  db: Db,
  input: {
    patientId: string;
    bodyRegion: string;
    onsetOn: string | null;
    startedOn: string;
    diagnoses: readonly DiagnosisCode[];
    createdBy: string;
    now: Date;
  },
): Promise<EpisodeRecord> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(episodes)
      .values({
        patientId: input.patientId,
        bodyRegion: input.bodyRegion,
        onsetOn: input.onsetOn,
        startedOn: input.startedOn,
        createdBy: input.createdBy,
        createdAt: input.now,
      })
      .returning();
    if (!row) throw new Error('insert into episodes returned no row');
    await replaceDiagnoses(tx, row.id, input.diagnoses);
    return { ...row, diagnoses: input.diagnoses.map(({ system, code }) => ({ system, code })) };
  });
}

/** The patient's episodes with their diagnoses, oldest first. */
export async function listEpisodes(db: Db, patientId: string): Promise<EpisodeRecord[]> {
  const rows = await db
    .select()
    .from(episodes)
    .where(eq(episodes.patientId, patientId))
    .orderBy(asc(episodes.startedOn), asc(episodes.createdAt), asc(episodes.id));
  if (rows.length === 0) return [];
  const codes = await db
    .select()
    .from(episodeDiagnoses)
    .where(
      inArray(
        episodeDiagnoses.episodeId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(episodeDiagnoses.position));
  return rows.map((row) => ({
    ...row,
    diagnoses: codes
      .filter((code) => code.episodeId === row.id)
      .map((code) => ({ system: code.codeSystem, code: code.code })),
  }));
}

/** The episode if it belongs to the patient; null otherwise. */
export async function getEpisode(
  db: Db,
  patientId: string,
  episodeId: string,
): Promise<EpisodeRecord | null> {
  const all = await listEpisodes(db, patientId);
  return all.find((episode) => episode.id === episodeId) ?? null;
}

/** Whether the episode exists and belongs to the patient. */
export async function episodeBelongsTo(
  db: Db,
  patientId: string,
  episodeId: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: episodes.id })
    .from(episodes)
    .where(and(eq(episodes.id, episodeId), eq(episodes.patientId, patientId)))
    .limit(1);
  return rows.length === 1;
}

/** Changes an episode; `diagnoses`, when given, replaces the list. Null if not the patient's. */
export async function updateEpisode(
  db: Db,
  patientId: string,
  episodeId: string,
  changes: {
    bodyRegion?: string;
    onsetOn?: string | null;
    endedOn?: string | null;
    diagnoses?: readonly DiagnosisCode[];
  },
): Promise<EpisodeRecord | null> {
  return db.transaction(async (tx) => {
    if (!(await episodeBelongsTo(tx, patientId, episodeId))) return null;
    const { diagnoses, ...columns } = changes;
    if (Object.keys(columns).length > 0) {
      await tx.update(episodes).set(columns).where(eq(episodes.id, episodeId));
    }
    if (diagnoses !== undefined) await replaceDiagnoses(tx, episodeId, diagnoses);
    return getEpisode(tx, patientId, episodeId);
  });
}
