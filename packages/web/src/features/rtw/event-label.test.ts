import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimelineEvent } from '@workup/contracts';
import i18next from 'i18next';
import { en } from '../../i18n/en';
import { sv } from '../../i18n/sv';
import { vocationalEn, vocationalSv } from '../vocational/messages';
import { rtwEn, rtwSv } from './messages';
import { checkpointLabel, eventLabel } from './event-label';

const i18n = i18next.createInstance();
void i18n.init({
  resources: {
    en: { translation: { ...en, rtw: rtwEn, vocational: vocationalEn } },
    sv: { translation: { ...sv, rtw: rtwSv, vocational: vocationalSv } },
  },
  lng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});
const t = i18n.getFixedT('en');
const tSv = i18n.getFixedT('sv');

const event = (
  kind: TimelineEvent['kind'],
  code: string | null,
  value: TimelineEvent['value'],
) => ({
  on: '2026-03-01',
  kind,
  code,
  value,
  refId: null,
  upcoming: false,
});

test('each kind of event the server sends reads in words', () => {
  assert.equal(eventLabel(t, event('sick_leave_started', null, 50)), 'Sick leave starts: 50 %');
  assert.equal(eventLabel(t, event('sick_leave_ended', null, 42)), 'Last day of sick leave');
  assert.equal(
    eventLabel(t, event('checkpoint', 'se_rtw_plan_due', null)),
    'Deadline: Employer’s return-to-work plan due',
  );
  assert.equal(
    eventLabel(t, event('referral', 'referred', 'high')),
    'Referred to vocational advice (risk group high)',
  );
  assert.equal(
    eventLabel(t, event('referral', 'accepted', null)),
    'Referral accepted by the service',
  );
  assert.equal(
    eventLabel(t, event('referral_contact', 'workplace_meeting', 3)),
    'Vocational advice contact: step 3, meeting at the workplace',
  );
  assert.equal(
    eventLabel(t, event('referral_closed', 'discharged', 'returned_to_work')),
    'Vocational advice ended: Discharged, Returned to work',
  );
  assert.equal(eventLabel(t, event('cdm_step', 'joint', null)), 'Dialogue meeting: joint meeting');
  assert.equal(eventLabel(t, event('cdm_review', null, null)), 'Review of the action plan');
});

test('in Swedish too, and a code the screen does not know falls back to its words', () => {
  assert.equal(
    eventLabel(tSv, event('referral_contact', 'telephone', 1)),
    'Kontakt med arbetslivsinriktad rådgivning: steg 1, telefon',
  );
  assert.equal(checkpointLabel(t, 'xx_new_rule', 'a new rule'), 'a new rule');
  assert.equal(eventLabel(t, event('checkpoint', 'xx_new_rule', null)), 'Deadline: xx new rule');
});
