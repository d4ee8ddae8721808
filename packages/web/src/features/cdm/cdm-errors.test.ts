import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api-client';
import { en } from '../../i18n/en';
import { cdmEn } from './messages';
import { apiErrors, fieldId, formField, issueErrors } from './cdm-errors';

let t: TFunction;

before(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: { ...en, cdm: cdmEn } } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  t = instance.t;
});

describe('step form errors', () => {
  it('gives each field an id of its own', () => {
    assert.equal(fieldId('joint', 'actionPlan.0.byWhen'), 'cdm-joint-actionPlan-0-byWhen');
  });

  it('finds the field of a path, or none for the form as a whole', () => {
    assert.equal(formField(['reviewOn']), 'reviewOn');
    assert.equal(formField(['obstacles', 2, 'text']), 'obstacles.2.text');
    assert.equal(formField(['obstacles', 2, 'id']), 'obstacles.2.id');
    assert.equal(formField([]), undefined);
  });

  it('puts core issues at their field, numbered for people', () => {
    assert.deepEqual(
      issueErrors(
        [
          { code: 'due_before_meeting', path: ['actionPlan', 1, 'byWhen'], message: 'x' },
          { code: 'something_new', path: [], message: 'Core says so.' },
        ],
        t,
      ),
      [
        { field: 'actionPlan.1.byWhen', message: 'Action 2 is due before the joint meeting.' },
        { message: 'Core says so.' },
      ],
    );
  });

  it("maps the server's refusal to the step's fields, dropping the record's prefix", () => {
    const refused = new ApiError(422, 'validation_failed', 'The review must come after.', {
      'joint.reviewOn': 'The review (2026-11-16) must come after the joint meeting (2026-11-16).',
      'actionPlan.0.what': 'Too small: expected string to have >=1 characters',
    });
    assert.deepEqual(apiErrors(refused, t, 'joint'), [
      {
        field: 'reviewOn',
        message: 'The review (2026-11-16) must come after the joint meeting (2026-11-16).',
      },
      { field: 'actionPlan.0.what', message: 'Too small: expected string to have >=1 characters' },
    ]);
  });

  it('says a 409 does not fit the meeting, and a lost connection plainly', () => {
    assert.deepEqual(
      apiErrors(new ApiError(409, 'step_out_of_order', 'The next step is joint.'), t, 'joint'),
      [
        {
          message:
            'The meeting was changed elsewhere or the step does not fit: The next step is joint.',
        },
      ],
    );
    assert.deepEqual(apiErrors(new ApiError(0, 'network_error', 'x'), t), [
      { message: 'The server could not be reached. Check your connection and try again.' },
    ]);
  });
});
