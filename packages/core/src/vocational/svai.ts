import type { ReferralState, SvaiRiskGroup, SvaiSessionPlan } from '@workup/contracts';

/**
 * Session counts of the Stratified Vocational Advice Intervention (MI-NAV, reference.md §20):
 * low and medium risk 1-2 sessions, high risk 3-4 [V2: OEM 2022 abstract; SJWEH 2025 summary].
 * The risk group comes from the ÖMPSQ-SF and STarT MSK, whose MI-NAV thresholds were not
 * retrievable [U]: the caller decides the group, and a site may change the plan.
 */
export const SVAI_SESSION_PLAN: SvaiSessionPlan = {
  low: { min: 1, max: 2 },
  medium: { min: 1, max: 2 },
  high: { min: 3, max: 4 },
};

export const SVAI_SOURCE = 'reference.md §20 (MI-NAV SVAI) [V2]; risk thresholds [U]';

export type SessionProgress = 'below_plan' | 'within_plan' | 'above_plan';

export interface SvaiSessions {
  readonly riskGroup: SvaiRiskGroup;
  readonly min: number;
  readonly max: number;
  /** Advice sessions held so far: contacts with the patient (steps 1 and 2), not the employer. */
  readonly delivered: number;
  readonly progress: SessionProgress;
  readonly source: string;
}

/** The planned sessions for a risk group. */
export function svaiSessionRange(
  riskGroup: SvaiRiskGroup,
  plan: SvaiSessionPlan = SVAI_SESSION_PLAN,
): { min: number; max: number } {
  return { ...plan[riskGroup] };
}

/** Sessions planned and delivered for a referral (contacts with the employer do not count). */
export function svaiSessions(
  state: ReferralState | null,
  riskGroup: SvaiRiskGroup,
  plan: SvaiSessionPlan = SVAI_SESSION_PLAN,
): SvaiSessions {
  const { min, max } = svaiSessionRange(riskGroup, plan);
  const delivered = state === null ? 0 : state.contacts.filter((c) => c.step !== 3).length;
  const progress = delivered < min ? 'below_plan' : delivered > max ? 'above_plan' : 'within_plan';
  return { riskGroup, min, max, delivered, progress, source: SVAI_SOURCE };
}
