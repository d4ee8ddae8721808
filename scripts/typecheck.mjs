// Type-checks every project: sources on their own (without Node's types where a package must
// not use Node) and sources together with their tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const projects = ['tsconfig.json'];
for (const name of readdirSync('packages').sort()) {
  for (const file of ['tsconfig.json', 'tsconfig.src.json']) {
    const path = join('packages', name, file);
    if (existsSync(path)) projects.push(path);
  }
}

let failed = 0;
for (const project of projects) {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], {
    stdio: 'inherit',
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    console.log(`typecheck ok   ${project} (${seconds} s)`);
  } else {
    failed += 1;
    console.log(`typecheck FAIL ${project}`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
