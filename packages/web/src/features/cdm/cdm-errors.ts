import type { CdmIssue, CdmStep } from '@workup/contracts';
import type { TFunction } from 'i18next';
import { isApiError } from '../../api-client';
import { STEP_FIELD, type DraftProblem } from './cdm-model';

/** One problem of a step form: the message, and the field it belongs to (for the link). */
export interface StepError {
  readonly message: string;
  /** The field key (`obstacles.0.text`); undefined for the form as a whole. */
  readonly field?: string;
}

/** The DOM id of a step form's field: `cdm-joint-actionPlan-0-byWhen`. */
export function fieldId(step: CdmStep, field: string): string {
  return `cdm-${step}-${field.replaceAll('.', '-')}`;
}

/** The nearest field that exists on the form for a server or core path. */
export function formField(path: readonly (string | number)[]): string | undefined {
  const parts = path.map(String);
  if (parts.length === 0) return undefined;
  if (parts.length >= 3 && /^\d+$/.test(parts[1] ?? '')) return parts.slice(0, 3).join('.');
  return parts[0] === 'id' ? undefined : parts.join('.');
}

export function draftProblemMessage(problem: DraftProblem, t: TFunction): string {
  const label =
    problem.section === undefined
      ? ''
      : t('cdm.itemLabel', {
          noun: t(`cdm.itemNoun.${problem.section}`),
          number: problem.number,
        });
  switch (problem.code) {
    case 'held_on_required':
      return t('cdm.errors.heldOnRequired');
    case 'review_on_required':
      return t('cdm.errors.reviewOnRequired');
    case 'text_required':
      return t('cdm.errors.textRequired', { label });
    case 'text_too_long':
      return t('cdm.errors.textTooLong', {
        label:
          problem.section === undefined ? t('cdm.action.what', { number: problem.number }) : label,
      });
    case 'category_required':
      return t('cdm.errors.categoryRequired', { label });
    case 'what_required':
      return t('cdm.errors.whatRequired', { number: problem.number });
    case 'who_required':
      return t('cdm.errors.whoRequired', { number: problem.number });
    case 'by_when_required':
      return t('cdm.errors.byWhenRequired', { number: problem.number });
    case 'action_required':
      return t('cdm.errors.actionRequired');
  }
}

const ISSUE_CODES = [
  'step_out_of_order',
  'date_before_previous_step',
  'empty_action_plan',
  'review_not_after_meeting',
  'due_before_meeting',
  'duplicate_item_id',
] as const;
type KnownIssue = (typeof ISSUE_CODES)[number];

function isKnownIssue(code: string): code is KnownIssue {
  return (ISSUE_CODES as readonly string[]).includes(code);
}

/**
 * Core's check in the reader's language. The path is relative to the step (`actionPlan.0.byWhen`);
 * a code this screen does not know keeps core's own (English) message.
 */
export function issueMessage(issue: CdmIssue, t: TFunction): string {
  if (!isKnownIssue(issue.code)) return issue.message;
  const index = issue.path.find((part) => typeof part === 'number');
  return t(`cdm.errors.issues.${issue.code}`, { number: (index ?? 0) + 1 });
}

/** Core's issues as form errors, each at its field when the form has one. */
export function issueErrors(issues: readonly CdmIssue[], t: TFunction): StepError[] {
  return issues.map((issue) => {
    const field = formField(issue.path);
    return field === undefined
      ? { message: issueMessage(issue, t) }
      : { message: issueMessage(issue, t), field };
  });
}

/**
 * A refused request as form errors: each of the server's errors at its field when the form has
 * one (schema errors come with the body's paths, core's issues with the record's, e.g.
 * `joint.reviewOn`, so the step's own prefix is dropped), else its detail for a 409 (the step
 * does not fit the meeting) or 422.
 */
export function apiErrors(error: unknown, t: TFunction, step?: CdmStep): StepError[] {
  if (isApiError(error, 'network_error')) return [{ message: t('common.errors.network_error') }];
  if (!isApiError(error)) return [{ message: t('common.errors.generic') }];
  const prefix = step === undefined ? undefined : STEP_FIELD[step];
  const fields = Object.entries(error.fieldErrors);
  if (fields.length > 0) {
    return fields.map(([key, message]) => {
      const parts = key.split('.');
      const path = (parts[0] === prefix ? parts.slice(1) : parts).map((part) =>
        /^\d+$/.test(part) ? Number(part) : part,
      );
      const field = formField(path);
      return field === undefined ? { message } : { message, field };
    });
  }
  if (error.status === 409) {
    return [{ message: t('cdm.errors.conflict', { detail: error.message }) }];
  }
  if (error.status === 422 || error.status === 400) {
    return [{ message: t('cdm.errors.rejected', { detail: error.message }) }];
  }
  return [{ message: t('common.errors.generic') }];
}
