import { FLAG_COLOURS, type Condition, type Pathway } from '@workup/contracts';
import { subconditions } from './condition';
import { describeCondition } from './describe';

/** Text safe inside a quoted Mermaid label (entity codes for quotes and angle brackets). */
function label(text: string): string {
  return text.replaceAll('"', '#quot;').replaceAll('<', '#lt;').replaceAll('>', '#gt;');
}

function nodeId(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** Flags a condition reads, definitions expanded. */
function flagsRead(pathway: Pathway, condition: Condition, seen = new Set<string>()): string[] {
  if ('flag' in condition) return [condition.flag];
  if ('def' in condition) {
    if (seen.has(condition.def)) return [];
    seen.add(condition.def);
    const definition = pathway.definitions?.find((entry) => entry.name === condition.def);
    return definition === undefined ? [] : flagsRead(pathway, definition.when, seen);
  }
  return subconditions(condition).flatMap((part) => flagsRead(pathway, part, seen));
}

const FLAG_STYLES = {
  red: 'fill:#fde2e1,stroke:#b42318,color:#7a271a',
  orange: 'fill:#feecdc,stroke:#c4320a,color:#772917',
  yellow: 'fill:#fef7c3,stroke:#a15c07,color:#713b12',
  blue: 'fill:#dbeafe,stroke:#1d4ed8,color:#1e3a8a',
  black: 'fill:#e5e7eb,stroke:#111827,color:#111827',
} as const;

/**
 * The pathway as a Mermaid flow chart, generated from the data alone: each rule (grouped under
 * its `group`) with its condition in words, and arrows to what it does: flags (coloured),
 * urgency, plan components (in plan order) and holds. Dotted arrows show flags that later rules
 * read. Definitions are listed with their conditions. The same pathway always gives the same
 * text, so docs/pathways.md can be checked against it.
 */
export function pathwayMermaid(pathway: Pathway): string {
  const lines: string[] = [
    'flowchart LR',
    `  %% ${pathway.id} ${pathway.version}, generated from the pathway data by workup pathway mermaid; do not edit by hand.`,
  ];
  const groups = new Map<string, number[]>();
  pathway.rules.forEach((rule, index) => {
    const group = rule.group ?? 'Rules';
    groups.set(group, [...(groups.get(group) ?? []), index]);
  });
  const ruleNode = (index: number) => `r${index + 1}`;
  [...groups].forEach(([group, indexes], position) => {
    lines.push(`  subgraph ${nodeId('g', String(position + 1))}["${label(group)}"]`);
    lines.push('    direction TB');
    for (const index of indexes) {
      const rule = pathway.rules[index];
      if (rule === undefined) continue;
      lines.push(
        `    ${ruleNode(index)}{{"${label(`${rule.id}: ${describeCondition(rule.when)}`)}"}}`,
      );
    }
    lines.push('  end');
  });

  if ((pathway.definitions ?? []).length > 0) {
    lines.push('  subgraph definitions["Definitions"]');
    lines.push('    direction TB');
    for (const definition of pathway.definitions ?? []) {
      lines.push(
        `    ${nodeId('d', definition.name)}["${label(`[${definition.name}] = ${describeCondition(definition.when)}`)}"]`,
      );
    }
    lines.push('  end');
  }

  lines.push('  subgraph flags["Flags"]');
  lines.push('    direction TB');
  for (const colour of FLAG_COLOURS) {
    const flags = pathway.flags.filter((flag) => flag.colour === colour);
    if (flags.length === 0) continue;
    lines.push(`    subgraph ${nodeId('flags', colour)}["${colour} flags"]`);
    for (const flag of flags) {
      lines.push(
        `      ${nodeId('f', `${flag.colour}.${flag.code}`)}[/"${label(`${flag.colour}.${flag.code}: ${flag.title}`)}"/]`,
      );
    }
    lines.push('    end');
  }
  lines.push('  end');

  const urgencies = [
    ...new Set(
      pathway.rules.flatMap((rule) =>
        rule.then.flatMap((action) => ('urgency' in action ? [action.urgency] : [])),
      ),
    ),
  ];
  const holds = pathway.rules.some((rule) => rule.then.some((action) => 'hold' in action));
  lines.push('  subgraph urgency["Urgency (the most pressing wins)"]');
  lines.push('    direction TB');
  for (const level of ['emergency', 'urgent', 'soon', 'routine'] as const) {
    if (urgencies.includes(level)) lines.push(`    ${nodeId('u', level)}(["${level}"])`);
  }
  if (holds) lines.push('    hold(["plan waits for the clinician"])');
  lines.push('  end');

  lines.push('  subgraph plan["Plan, in this order"]');
  lines.push('    direction TB');
  for (const component of pathway.components) {
    lines.push(
      `    ${nodeId('c', component.code)}["${label(`${component.code}: ${component.title}`)}"]`,
    );
  }
  lines.push('  end');

  pathway.rules.forEach((rule, index) => {
    for (const action of rule.then) {
      if ('raise' in action) lines.push(`  ${ruleNode(index)} --> ${nodeId('f', action.raise)}`);
      else if ('urgency' in action) {
        lines.push(`  ${ruleNode(index)} --> ${nodeId('u', action.urgency)}`);
      } else if ('add' in action) {
        const text = action.title === undefined ? '' : `|"${label(action.title)}"|`;
        lines.push(`  ${ruleNode(index)} -->${text} ${nodeId('c', action.add)}`);
      } else lines.push(`  ${ruleNode(index)} --> hold`);
    }
  });
  pathway.rules.forEach((rule, index) => {
    for (const ref of [...new Set(flagsRead(pathway, rule.when))]) {
      // A whole colour ("any red flag") links from that colour's box.
      const source = ref.includes('.') ? nodeId('f', ref) : nodeId('flags', ref);
      lines.push(`  ${source} -.-> ${ruleNode(index)}`);
    }
  });

  for (const [colour, style] of Object.entries(FLAG_STYLES)) {
    const ids = pathway.flags
      .filter((flag) => flag.colour === colour)
      .map((flag) => nodeId('f', `${flag.colour}.${flag.code}`));
    if (ids.length > 0) {
      lines.push(`  classDef ${colour} ${style}`);
      lines.push(`  class ${ids.join(',')} ${colour}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
