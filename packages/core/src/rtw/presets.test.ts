import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FI_BENEFIT_DEGREES, RTW_PRESET_IDS } from '@workup/contracts';
import { degreeNotAllowedReason, RTW_PRESETS, type PresetFact } from './presets';

const TAGS = ['V2', 'V1', 'U'];

function facts(id: (typeof RTW_PRESET_IDS)[number]): [string, PresetFact<unknown>][] {
  const preset = RTW_PRESETS[id];
  return [
    ['gapDays', preset.gapDays],
    ['degrees', preset.degrees],
    ['dayBasis', preset.dayBasis],
    ...Object.entries(preset.figures),
  ];
}

/** A figure of a preset that must exist. */
function figure(id: (typeof RTW_PRESET_IDS)[number], name: string): number {
  const fact = RTW_PRESETS[id].figures[name];
  assert.ok(fact, `${id}.figures.${name}`);
  return fact.value;
}

describe('rtw presets (reference.md §23)', () => {
  it('has one preset per contract id', () => {
    assert.deepEqual(Object.keys(RTW_PRESETS).sort(), [...RTW_PRESET_IDS].sort());
    for (const id of RTW_PRESET_IDS) assert.equal(RTW_PRESETS[id].id, id);
  });

  it('records every parameter and checkpoint with a reference.md source and a tag', () => {
    for (const id of RTW_PRESET_IDS) {
      for (const [name, fact] of facts(id)) {
        assert.match(fact.source, /reference\.md §(19|23)/, `${id}.${name}`);
        assert.ok(TAGS.includes(fact.tag), `${id}.${name}`);
      }
      for (const checkpoint of RTW_PRESETS[id].checkpoints) {
        assert.match(checkpoint.source, /reference\.md §23/, checkpoint.code);
        assert.ok(TAGS.includes(checkpoint.tag), checkpoint.code);
        assert.ok(checkpoint.code.startsWith(`${id}_`), checkpoint.code);
      }
    }
  });

  it('keeps the figures of reference.md §23.2 and those derived from them (Sweden)', () => {
    const { gapDays, degrees } = RTW_PRESETS.se;
    assert.equal(figure('se', 'employerSickPayDays'), 14);
    assert.equal(figure('se', 'benefitFromDay'), figure('se', 'employerSickPayDays') + 1);
    assert.equal(figure('se', 'certificateFromDay'), 8);
    assert.equal(figure('se', 'employerReportByDay'), 21);
    assert.equal(figure('se', 'rtwPlanByDay'), 30);
    assert.equal(figure('se', 'rtwPlanIfExpectedOverDays'), 60);
    // "within 5 days of the end": the new start is at most 5 days after the last sick day.
    assert.equal(gapDays.value, figure('se', 'registerContinuationWithinDays') - 1);
    assert.deepEqual(degrees.value, { kind: 'set', values: [25, 50, 75, 100] });
  });

  it('keeps the figures of reference.md §23.3 and those derived from them (Norway)', () => {
    const { gapDays, degrees } = RTW_PRESETS.no;
    assert.equal(figure('no', 'employerPeriodDays'), 16);
    assert.equal(figure('no', 'benefitFromDay'), figure('no', 'employerPeriodDays') + 1);
    assert.equal(figure('no', 'certificateFromDay'), figure('no', 'selfCertificationMaxDays') + 1);
    assert.equal(figure('no', 'followUpPlanByDay'), figure('no', 'followUpPlanByWeek') * 7);
    assert.equal(
      figure('no', 'activityRequirementByDay'),
      figure('no', 'activityRequirementByWeek') * 7,
    );
    assert.equal(gapDays.value, figure('no', 'employerPeriodLinkDays') - 1);
    assert.deepEqual(degrees.value, { kind: 'range', min: 20, max: 100 });
    assert.equal(figure('no', 'maxBenefitWeeks'), 52);
  });

  it('keeps the figures of reference.md §23.4 (Finland) and agrees with the import codes', () => {
    const { degrees } = RTW_PRESETS.fi;
    assert.equal(figure('fi', 'waitingPeriodWorkingDays'), 9);
    assert.equal(figure('fi', 'maxAllowanceWorkingDays'), 300);
    assert.equal(figure('fi', 'partialMaxWorkingDays'), 120);
    assert.equal(
      figure('fi', 'partialDegreePercent'),
      (figure('fi', 'partialAllowancePercentOfIncome') /
        figure('fi', 'fullAllowancePercentOfIncome')) *
        100,
    );
    assert.deepEqual(degrees.value, {
      kind: 'set',
      values: Object.values(FI_BENEFIT_DEGREES).sort((a, b) => a - b),
    });
  });

  it('ties checkpoint days to the figures they come from', () => {
    const day = (id: 'se' | 'no' | 'uk', code: string) => {
      const timing = RTW_PRESETS[id].checkpoints.find((rule) => rule.code === code)?.timing;
      return timing?.kind === 'calendar_day' ? timing.day : undefined;
    };
    assert.equal(day('se', 'se_certificate_required'), figure('se', 'certificateFromDay'));
    assert.equal(day('se', 'se_sickness_benefit_starts'), figure('se', 'benefitFromDay'));
    assert.equal(day('se', 'se_employer_report_due'), figure('se', 'employerReportByDay'));
    assert.equal(day('se', 'se_rtw_plan_due'), figure('se', 'rtwPlanByDay'));
    assert.equal(day('no', 'no_certificate_required'), figure('no', 'certificateFromDay'));
    assert.equal(day('no', 'no_sickness_benefit_starts'), figure('no', 'benefitFromDay'));
    assert.equal(day('no', 'no_follow_up_plan_due'), figure('no', 'followUpPlanByDay'));
    assert.equal(day('no', 'no_activity_requirement'), figure('no', 'activityRequirementByDay'));
    assert.equal(day('uk', 'uk_long_term_absence'), figure('uk', 'longTermAbsenceDays'));
  });

  it('allows each preset its degrees only (0 = none always)', () => {
    const allowed = (id: 'se' | 'no' | 'fi' | 'uk', degree: number) =>
      degreeNotAllowedReason(RTW_PRESETS[id], degree) === null;
    assert.deepEqual(
      [0, 20, 25, 40, 50, 75, 100].map((degree) => allowed('se', degree)),
      [true, false, true, false, true, true, true],
    );
    assert.deepEqual(
      [0, 19, 20, 33.33, 99, 100].map((degree) => allowed('no', degree)),
      [true, false, true, true, true, true],
    );
    assert.deepEqual(
      [0, 25, 50, 60, 100].map((degree) => allowed('fi', degree)),
      [true, false, true, false, true],
    );
    assert.deepEqual(
      [0, 1, 33.33, 100].map((degree) => allowed('uk', degree)),
      [true, true, true, true],
    );
  });
});
