import type { Db } from '@workup/db';
import type { Config } from './config';
import type { Clock } from './services/clock';
import type { LoadedPathway } from '@workup/core';
import type { ContentPackStore } from './services/content-packs';
import type { ScryptParams } from './services/passwords';

/** What route plugins need, passed in by createApp (no module singletons). */
export interface RouteContext {
  readonly config: Config;
  readonly db: Db;
  readonly clock: Clock;
  readonly passwordParams: ScryptParams;
  readonly contentPacks: ContentPackStore;
  /** The flow chart triage uses, loaded and checked at start-up. */
  readonly pathway: LoadedPathway;
}
