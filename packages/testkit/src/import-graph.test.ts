// No import cycles anywhere in the workspace (docs/architecture.md), checked on the run-time
// import graph of every package's sources.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findCycles, runtimeImports, workspaceImportGraph } from './import-graph';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('import cycles', () => {
  it('finds a cycle when there is one, and each cycle once', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    assert.deepEqual(findCycles(graph), [['a', 'b', 'c'], ['e']]);
    assert.deepEqual(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
      [],
    );
  });

  it('reads run-time imports and re-exports, not type-only ones', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "export { c } from './c';",
      "export type { D } from './d';",
      "export * from '@workup/core';",
    ].join('\n');
    assert.deepEqual(runtimeImports('x.ts', text), ['./a', './c', '@workup/core']);
  });

  it('there are none in the workspace', () => {
    const graph = workspaceImportGraph(ROOT);
    assert.ok(graph.size > 50, `read only ${graph.size} files`);
    const cycles = findCycles(graph);
    assert.deepEqual(cycles, [], cycles.map((cycle) => cycle.join(' -> ')).join('\n'));
  });
});
