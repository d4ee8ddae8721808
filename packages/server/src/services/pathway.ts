import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPathway, type LoadedPathway } from '@workup/core';
import { ConfigError } from '../config';

/** The flow chart shipped with workup (pathways/workup-default.v1.json). */
export const DEFAULT_PATHWAY_FILE = fileURLToPath(
  new URL('../../../../pathways/workup-default.v1.json', import.meta.url),
);

/**
 * Reads and checks the pathway once, at start-up: a site's own flow chart (`PATHWAY_FILE`) or
 * the default. A file that does not parse or refers to unknown instruments, items or scores
 * stops the server with every problem named, rather than triaging with half a flow chart.
 */
export function loadPathwayFile(file: string | null): LoadedPathway {
  const path = file ?? DEFAULT_PATHWAY_FILE;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError([
      `PATHWAY_FILE: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  const outcome = loadPathway(raw);
  if (!outcome.ok) {
    throw new ConfigError(
      outcome.issues.map(
        (issue) => `PATHWAY_FILE ${path}: ${issue.path.join('.') || '(file)'}: ${issue.message}`,
      ),
    );
  }
  return outcome.pathway;
}
