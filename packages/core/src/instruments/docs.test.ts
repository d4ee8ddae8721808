import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { instrumentsDoc } from './docs';
import { INSTRUMENTS } from './registry';

it('docs/instruments.md is the page generated from the registry (npm run docs:instruments)', () => {
  const committed = readFileSync(
    new URL('../../../../docs/instruments.md', import.meta.url),
    'utf8',
  );
  assert.equal(committed, instrumentsDoc([...INSTRUMENTS.values()]));
});
