import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSmtpMailer } from './mailer';
import { startSmtpSink, type SmtpSink } from './mailer-test-sink';

describe('SMTP mailer (nodemailer) against a local SMTP server', () => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(async () => {
    await sink.close();
  });

  it('sends plain text with the reminder’s stable Message-ID', async () => {
    const mailer = createSmtpMailer({
      url: sink.url,
      from: 'workup <no-reply@workup.invalid>',
      timeoutMs: 5000,
    });
    const sent = await mailer.send({
      to: 'patient@example.invalid',
      subject: 'workup: a questionnaire for you',
      text: 'Open it here:\nhttps://workup.example.invalid/q#token\n',
      messageId: '<reminder-1@workup.example.invalid>',
      patientId: null,
      reminderId: null,
    });
    mailer.close();
    assert.equal(sent.providerMessageId, '<reminder-1@workup.example.invalid>');
    assert.equal(sink.messages.length, 1);
    const message = sink.messages.at(0);
    assert.ok(message);
    assert.deepEqual(message.to, ['patient@example.invalid']);
    assert.equal(message.from, 'no-reply@workup.invalid');
    assert.match(message.data, /^Message-ID: <reminder-1@workup\.example\.invalid>$/im);
    assert.match(message.data, /https:\/\/workup\.example\.invalid\/q#token/);
    assert.match(message.data, /^Content-Type: text\/plain/im);
  });

  it('fails within its time limit when the server hangs (so the job is retried)', async () => {
    sink.hang = true;
    const mailer = createSmtpMailer({
      url: sink.url,
      from: 'no-reply@workup.invalid',
      timeoutMs: 300,
    });
    const started = Date.now();
    await assert.rejects(
      mailer.send({
        to: 'a@example.invalid',
        subject: 's',
        text: 't',
        messageId: '<m@x>',
        patientId: null,
        reminderId: null,
      }),
    );
    assert.ok(Date.now() - started < 5000);
    mailer.close();
    sink.hang = false;
  });
});
