// Rewrites docs/instruments.md from the instrument registry (npm run docs:instruments).
import { writeFileSync } from 'node:fs';
import { INSTRUMENTS, instrumentsDoc } from '@workup/core';

const target = new URL('../docs/instruments.md', import.meta.url);
writeFileSync(target, instrumentsDoc([...INSTRUMENTS.values()]));
process.stdout.write(`wrote ${target.pathname} (${String(INSTRUMENTS.size)} instruments)\n`);
