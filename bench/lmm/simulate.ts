// Simulated 3-level cluster-randomised trials for bench/lmm: units of 4 to 16 patients
// (string ids), arm by unit, visits 0/3/6/12 months with dropout (missing outcomes and absent
// rows), age and sex, and an outcome with unit, patient and residual variation. Seeded, so a
// size always gives the same file.
import { closeSync, openSync, writeSync } from 'node:fs';
import { createRng } from '@workup/stats';

export const BENCH_FORMULA =
  'y ~ arm * factor(visit) + age + sex + (1 | unit) + (1 | unit:patient)';

/** Writes exactly `rows` data lines (plus the header) to `path`. */
export function writeTrialCsv(path: string, rows: number, seed = 20240917): void {
  const rng = createRng(seed);
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u = 1 - rng();
    const v = rng();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const fd = openSync(path, 'w');
  let buffer = 'unit,patient,arm,visit,age,sex,y\n';
  let written = 0;
  let unit = 0;
  let patient = 0;
  const visits = [0, 3, 6, 12];
  const missing = [0.02, 0.1, 0.18, 0.28];
  while (written < rows) {
    unit += 1;
    const unitId = `U${String(unit).padStart(6, '0')}`;
    const workup = rng() < 0.5;
    const arm = workup ? 'workup' : 'control';
    const unitEffect = 2 * normal();
    const size = 4 + Math.floor(rng() * 13);
    for (let p = 0; p < size && written < rows; p += 1) {
      patient += 1;
      const patientId = `P${String(patient).padStart(7, '0')}`;
      const patientEffect = 4 * normal();
      const age = Math.round((48 + 11 * normal()) * 10) / 10;
      const male = rng() < 0.4;
      for (let k = 0; k < visits.length && written < rows; k += 1) {
        const visit = visits[k] ?? 0;
        if (rng() < 0.04) continue; // an absent row
        const mean =
          40 -
          0.5 * visit -
          (workup ? 1.5 * (visit > 0 ? 1 : 0) + 0.2 * visit : 0) +
          0.1 * (age - 48) +
          (male ? 1.2 : 0);
        const y =
          rng() < (missing[k] ?? 0)
            ? 'NA'
            : (mean + unitEffect + patientEffect + 5 * normal()).toFixed(2);
        buffer += `"${unitId}","${patientId}","${arm}",${visit},${age},"${male ? 'M' : 'F'}",${y}\n`;
        written += 1;
        if (buffer.length > 1 << 20) {
          writeSync(fd, buffer);
          buffer = '';
        }
      }
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
}
