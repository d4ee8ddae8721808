import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { PathwayCheckReportSchema, type Pathway } from '@workup/contracts';
import { main } from '../main';
import { CHART_BEGIN, CHART_END } from './pathway';
import { DEFAULT_PATHWAY_FILE } from './triage';

const DOC = new URL('../../../../docs/pathways.md', import.meta.url);

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdin: Readable.from(['']),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

await test('workup pathway', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'workup-pathway-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const defaultPathway = JSON.parse(await readFile(DEFAULT_PATHWAY_FILE, 'utf8')) as Pathway;

  await t.test('check: the default pathway passes, exit 0', async () => {
    const { code, stdout, stderr } = await run(['pathway', 'check', DEFAULT_PATHWAY_FILE]);
    assert.equal(code, 0, stderr);
    const report = PathwayCheckReportSchema.parse(JSON.parse(stdout));
    assert.equal(report.ok, true);
    assert.deepEqual(report.coverage, { combinations: 160, emptyPlans: 0, unreachable: 0 });
  });

  await t.test('check: a pathway with an unreachable rule, exit 1 with the finding', async () => {
    const broken: Pathway = {
      ...defaultPathway,
      rules: [
        ...defaultPathway.rules,
        {
          id: 'never',
          description: 'low and high at once',
          source: 'test',
          when: {
            all: [
              { score: 'sbt.risk', eq: 'low' },
              { score: 'sbt.risk', eq: 'high' },
            ],
          },
          then: [{ add: 'follow_up' }],
        },
      ],
    };
    const file = join(dir, 'broken.json');
    await writeFile(file, JSON.stringify(broken));
    const { code, stdout } = await run(['pathway', 'check', file]);
    assert.equal(code, 1);
    const report = PathwayCheckReportSchema.parse(JSON.parse(stdout));
    assert.equal(report.ok, false);
    assert.deepEqual(
      report.findings.filter((finding) => finding.severity === 'error').map((f) => f.rule),
      ['never'],
    );
  });

  await t.test('check: schema errors are findings; a file that is not JSON is exit 2', async () => {
    const file = join(dir, 'schema.json');
    await writeFile(file, JSON.stringify({ ...defaultPathway, format: 'other' }));
    const schema = await run(['pathway', 'check', file]);
    assert.equal(schema.code, 1);
    assert.deepEqual(PathwayCheckReportSchema.parse(JSON.parse(schema.stdout)).findings[0]?.path, [
      'format',
    ]);
    const text = join(dir, 'text.json');
    await writeFile(text, 'rules:');
    const notJson = await run(['pathway', 'check', text]);
    assert.equal(notJson.code, 2);
    assert.equal(
      (JSON.parse(notJson.stderr) as { error: { code: string } }).error.code,
      'invalid_json',
    );
  });

  await t.test('mermaid: the chart, generated from the data', async () => {
    const { code, stdout } = await run(['pathway', 'mermaid', DEFAULT_PATHWAY_FILE]);
    assert.equal(code, 0);
    assert.match(stdout, /^flowchart LR\n/);
    for (const rule of defaultPathway.rules) assert.ok(stdout.includes(`"${rule.id}: `), rule.id);
    for (const component of defaultPathway.components) {
      assert.ok(stdout.includes(`c_${component.code}[`), component.code);
    }
  });

  await t.test('docs/pathways.md shows the chart of the default pathway as it is now', async () => {
    const doc = await readFile(DOC, 'utf8');
    const begin = doc.indexOf(CHART_BEGIN);
    const end = doc.indexOf(CHART_END);
    assert.ok(begin >= 0 && end > begin, 'docs/pathways.md has the chart markers');
    const { stdout: chart } = await run(['pathway', 'mermaid', DEFAULT_PATHWAY_FILE]);
    assert.equal(
      doc.slice(begin + CHART_BEGIN.length, end),
      `\n\n\`\`\`mermaid\n${chart}\`\`\`\n\n`,
      'docs/pathways.md is out of date: run npx workup pathway mermaid pathways/workup-default.v1.json --doc docs/pathways.md',
    );
  });

  await t.test('mermaid --doc writes between the markers, and only when it changed', async () => {
    const copy = join(dir, 'pathways.md');
    await copyFile(DOC, copy);
    const same = await run(['pathway', 'mermaid', DEFAULT_PATHWAY_FILE, '--doc', copy]);
    assert.deepEqual(JSON.parse(same.stdout), { doc: copy, changed: false });
    await writeFile(copy, `# Mine\n\n${CHART_BEGIN}\nold\n${CHART_END}\n\nAfter.\n`);
    const changed = await run(['pathway', 'mermaid', DEFAULT_PATHWAY_FILE, '--doc', copy]);
    assert.deepEqual(JSON.parse(changed.stdout), { doc: copy, changed: true });
    const text = await readFile(copy, 'utf8');
    assert.match(text, /^# Mine\n\n<!-- pathway-chart:begin/);
    assert.match(text, /```mermaid\nflowchart LR\n/);
    assert.match(text, /<!-- pathway-chart:end -->\n\nAfter\.\n$/);
    await writeFile(copy, '# No markers\n');
    const none = await run(['pathway', 'mermaid', DEFAULT_PATHWAY_FILE, '--doc', copy]);
    assert.equal(none.code, 2);
    assert.equal(
      (JSON.parse(none.stderr) as { error: { code: string } }).error.code,
      'no_chart_markers',
    );
  });
});
