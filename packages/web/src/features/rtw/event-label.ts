import {
  CONTACT_MODES,
  DISCHARGE_OUTCOMES,
  REFERRAL_STATUSES,
  SVAI_RISK_GROUPS,
  type TimelineEvent,
} from '@workup/contracts';
import type { TFunction } from 'i18next';
import { rtwEn } from './messages';

type CheckpointCode = keyof typeof rtwEn.checkpoints.codes;

function isCheckpointCode(code: string | null): code is CheckpointCode {
  return code !== null && Object.hasOwn(rtwEn.checkpoints.codes, code);
}

/** A checkpoint's name in the reader's language; core's English description for a new code. */
export function checkpointLabel(t: TFunction, code: string | null, description: string): string {
  return isCheckpointCode(code) ? t(`rtw.checkpoints.codes.${code}`) : description;
}

const humanize = (code: string) => code.replaceAll('_', ' ');

const has = <K extends string>(list: readonly K[], value: unknown): value is K =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

const REFERRAL_CODES = ['referred', 'accepted'] as const;
const CDM_STEPS = ['patient_clinician', 'clinician_employer', 'joint'] as const;

/**
 * What a dated event was, in words: its kind and what the kind carries (the server's
 * `services/rtw.ts`): a degree, a checkpoint's code, a referral's code and risk group, a
 * contact's step and mode, how a referral closed and with what outcome, a meeting's step.
 */
export function eventLabel(t: TFunction, event: TimelineEvent): string {
  const kind = t(`rtw.events.kinds.${event.kind}`);
  const { code, value } = event;
  switch (event.kind) {
    case 'sick_leave_started':
      return typeof value === 'number'
        ? `${kind}: ${t('rtw.events.degree', { degree: value })}`
        : kind;
    case 'checkpoint':
      return `${kind}: ${checkpointLabel(t, code, humanize(code ?? ''))}`;
    case 'referral': {
      const what = has(REFERRAL_CODES, code) ? t(`rtw.events.referralCodes.${code}`) : kind;
      return has(SVAI_RISK_GROUPS, value)
        ? `${what} (${t('rtw.events.riskGroup', {
            group: t(`vocational.refer.riskGroups.${value}`).toLowerCase(),
          })})`
        : what;
    }
    case 'referral_contact': {
      const parts = [
        typeof value === 'number' ? t('rtw.events.step', { step: value }) : null,
        has(CONTACT_MODES, code) ? t(`vocational.referrals.modes.${code}`).toLowerCase() : null,
      ].filter((part) => part !== null);
      return parts.length === 0 ? kind : `${kind}: ${parts.join(', ')}`;
    }
    case 'referral_closed': {
      const parts = [
        has(REFERRAL_STATUSES, code) ? t(`vocational.referrals.statuses.${code}`) : null,
        has(DISCHARGE_OUTCOMES, value) ? t(`vocational.referrals.outcomes.${value}`) : null,
      ].filter((part) => part !== null);
      return parts.length === 0 ? kind : `${kind}: ${parts.join(', ')}`;
    }
    case 'cdm_step':
      return has(CDM_STEPS, code) ? `${kind}: ${t(`rtw.events.cdmSteps.${code}`)}` : kind;
    case 'sick_leave_ended':
    case 'rtw':
    case 'sustained_rtw':
    case 'cdm_review':
      return kind;
  }
}
