// One timed run of `workup analyze lmm` (reading the CSV, fitting, Satterthwaite df for every
// coefficient, writing the JSON) in this process, for bench/lmm/run.ts. Usage:
// node --import tsx bench/lmm/ours.ts FILE. Prints JSON: wall and CPU seconds, peak memory, the fit.
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { main } from '@workup/cli';
import { BENCH_FORMULA } from './simulate';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: bench/lmm/ours.ts FILE\n');
  process.exit(2);
}
let stdout = '';
let stderr = '';
const started = performance.now();
const cpuStarted = process.cpuUsage();
const code = await main(['analyze', 'lmm', '--data', file, '--formula', BENCH_FORMULA], {
  stdin: Readable.from([]),
  stdout: { write: (text: string) => (stdout += text) },
  stderr: { write: (text: string) => (stderr += text) },
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
if (code !== 0) {
  process.stderr.write(stderr);
  process.exit(code);
}
const fit = JSON.parse(stdout) as { fixed: { term: string; estimate: number; se: number }[] };
process.stdout.write(
  `${JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    fixed: fit.fixed.map(({ term, estimate, se }) => ({ term, estimate, se })),
  })}\n`,
);
