// bench/lmm: `workup analyze lmm` (reading the CSV included) beside R's lme4::lmer on the same
// simulated 3-level trial, at 1k, 10k, 100k and 1M rows, each measured in the same run; R is
// used when Rscript and lme4 are installed (apt-get install r-cran-lme4 r-cran-lmertest), and
// the output says so otherwise. Prints JSON with both times, their ratio, peak memory and the
// largest difference between the two fits' estimates.
// Usage: npm run bench:lmm [-- --sizes 1000,10000,100000,1000000 --dir /tmp/workup-bench-lmm]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_FORMULA, writeTrialCsv } from './simulate';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000,1000000' },
    dir: { type: 'string', default: join(tmpdir(), 'workup-bench-lmm') },
  },
});
const sizes = values.sizes.split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 100)) {
  process.stderr.write('usage: bench/lmm/run.ts [--sizes 1000,10000] [--dir DIR]\n');
  process.exit(2);
}
const log = (text: string) => process.stderr.write(`${text}\n`);
const here = fileURLToPath(new URL('.', import.meta.url));

interface Fixed {
  readonly term: string;
  readonly estimate: number;
  readonly se: number;
}
interface Ours {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly maxRssMB: number;
  readonly fixed: Fixed[];
}
interface R {
  readonly R: string;
  readonly lme4: string;
  readonly readSeconds: number;
  readonly lmerSeconds: number;
  readonly satterthwaiteSeconds: number | null;
  readonly maxRssMB: number;
  readonly fixed: Fixed[];
}

function runJson(command: string, args: string[]): unknown {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed: ${result.stderr || String(result.error)}`,
    );
  }
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as unknown;
}

function rAvailable(): string | null {
  const probe = spawnSync('Rscript', ['-e', 'suppressMessages(library(lme4)); cat("ok")'], {
    encoding: 'utf8',
  });
  if (probe.error !== undefined)
    return 'Rscript not found: apt-get install r-cran-lme4 r-cran-lmertest';
  if (probe.stdout !== 'ok') return 'R package lme4 not installed: apt-get install r-cran-lme4';
  return null;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

mkdirSync(values.dir, { recursive: true });
const rMissing = rAvailable();
if (rMissing !== null) log(`R reference skipped: ${rMissing}`);
const results = [];
for (const rows of sizes) {
  const file = join(values.dir, `trial-${String(rows)}.csv`);
  if (!existsSync(file)) {
    log(`writing ${file}`);
    writeTrialCsv(file, rows);
  }
  log(`${String(rows)} rows: workup analyze lmm`);
  const ours = runJson(process.execPath, ['--import', 'tsx', join(here, 'ours.ts'), file]) as Ours;
  let r: R | null = null;
  if (rMissing === null) {
    log(`${String(rows)} rows: lme4::lmer`);
    r = runJson('Rscript', [join(here, 'lmer.R'), file, BENCH_FORMULA]) as R;
  }
  let maxRelativeDifference: { estimate: number; se: number } | null = null;
  if (r !== null) {
    let estimate = 0;
    let se = 0;
    for (const theirs of r.fixed) {
      const mine = ours.fixed.find((row) => row.term === theirs.term);
      if (mine === undefined) throw new Error(`term ${theirs.term} missing from our fit`);
      estimate = Math.max(
        estimate,
        Math.abs(mine.estimate - theirs.estimate) / Math.abs(theirs.estimate),
      );
      se = Math.max(se, Math.abs(mine.se - theirs.se) / theirs.se);
    }
    maxRelativeDifference = { estimate, se };
  }
  results.push({
    rows,
    ours: {
      seconds: round(ours.seconds),
      cpuSeconds: round(ours.cpuSeconds),
      maxRssMB: round(ours.maxRssMB, 0),
    },
    lme4:
      r === null
        ? null
        : {
            lmerSeconds: round(r.lmerSeconds),
            readSeconds: round(r.readSeconds),
            satterthwaiteSeconds:
              r.satterthwaiteSeconds === null ? null : round(r.satterthwaiteSeconds),
            maxRssMB: round(r.maxRssMB, 0),
          },
    ratioToLmer: r === null ? null : round(ours.seconds / r.lmerSeconds, 4),
    maxRelativeDifference,
  });
}
process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'lmm',
      formula: BENCH_FORMULA,
      measured:
        'ours: workup analyze lmm in one process, from reading the CSV to the JSON (REML, Satterthwaite df for every coefficient); lme4: lmer() alone, after the data are read (fread), plus lmerTest summary() separately',
      node: process.version,
      R: rMissing ?? 'Rscript with lme4',
      results,
    },
    null,
    2,
  )}\n`,
);
