import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INSTRUMENTS } from '../instruments/index';
import { renderReminder } from './message';

const LINK = 'https://workup.example.invalid/q#AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE';

describe('followup messages: the link, the due date and nothing about health', () => {
  it('an e-mail has a subject, the link and the due date', () => {
    const message = renderReminder({
      channel: 'email',
      language: 'en',
      link: LINK,
      dueOn: '2026-06-16',
      senderName: 'Demo Region',
      sequence: 1,
    });
    assert.equal(message.subject, 'Demo Region: a questionnaire for you');
    assert.ok(message.text.includes(LINK));
    assert.ok(message.text.includes('2026-06-16'));
    const later = renderReminder({
      channel: 'email',
      language: 'sv',
      link: LINK,
      dueOn: '2026-06-16',
      senderName: 'Demo Region',
      sequence: 2,
    });
    assert.equal(later.subject, 'Demo Region: en påminnelse om ditt frågeformulär');
  });

  it('an SMS is one line without a subject, under 160 characters plus the link', () => {
    const message = renderReminder({
      channel: 'sms',
      language: 'en',
      link: LINK,
      dueOn: '2026-06-16',
      senderName: 'Demo Region',
      sequence: 3,
    });
    assert.equal(message.subject, null);
    assert.ok(!message.text.includes('\n'));
    assert.ok(message.text.endsWith(LINK));
    assert.ok(message.text.length - LINK.length <= 160);
  });

  it('no instrument name or id, no health words, in any language or channel', () => {
    const forbidden = [
      ...[...INSTRUMENTS.values()].flatMap((instrument) => [
        instrument.definition.id,
        instrument.definition.title,
      ]),
      'pain',
      'back',
      'smärta',
      'rygg',
      'sick',
      'sjuk',
      'month_',
      'baseline',
      'score',
      'risk',
    ].filter((word) => word.length > 2);
    for (const channel of ['email', 'sms'] as const) {
      for (const language of ['en', 'sv'] as const) {
        for (const sequence of [1, 2]) {
          const { subject, text } = renderReminder({
            channel,
            language,
            link: 'LINK',
            dueOn: '2026-06-16',
            senderName: 'Clinic',
            sequence,
          });
          const all = `${subject ?? ''} ${text}`.toLowerCase();
          for (const word of forbidden)
            assert.ok(!all.includes(word.toLowerCase()), `${channel}/${language} mentions ${word}`);
        }
      }
    }
  });
});
