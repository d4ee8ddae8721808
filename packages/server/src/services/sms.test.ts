import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHttpSmsProvider, SmsError, toE164 } from './sms';

const calls: { url: string; init: RequestInit }[] = [];
/** A test double for `fetch` that records each call and answers `status` with `body`. */
const fakeFetch =
  (status: number, body: string): typeof fetch =>
  (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: url instanceof Request ? url.url : url.toString(), init: init ?? {} });
    return Promise.resolve(new Response(body, { status }));
  };

const provider = (fetchImpl: typeof fetch) =>
  createHttpSmsProvider({
    url: 'https://api.46elks.com/a1/sms',
    username: 'u123',
    password: 'secret',
    from: 'workup',
    timeoutMs: 1000,
    fetch: fetchImpl,
  });

describe('SMS over HTTP (46elks form API) with a test double for fetch', () => {
  it('posts from, to (E.164) and message with Basic authentication, and returns the id', async () => {
    calls.length = 0;
    const sent = await provider(
      fakeFetch(200, '{"id":"s70df59406a1b4643b96f3f91e0bfb7b0","status":"created"}'),
    ).send({
      to: '+46 70-123 45 67',
      text: 'workup: You have a short questionnaire waiting. https://x.invalid/q#t',
      patientId: null,
      reminderId: null,
    });
    assert.equal(sent.providerMessageId, 's70df59406a1b4643b96f3f91e0bfb7b0');
    const call = calls.at(0);
    assert.ok(call);
    assert.equal(call.url, 'https://api.46elks.com/a1/sms');
    assert.equal(call.init.method, 'POST');
    const headers = call.init.headers as Record<string, string>;
    assert.equal(headers.authorization, `Basic ${Buffer.from('u123:secret').toString('base64')}`);
    assert.equal(headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(typeof call.init.body, 'string');
    const form = new URLSearchParams(call.init.body as string);
    assert.deepEqual(Object.fromEntries(form), {
      from: 'workup',
      to: '+46701234567',
      message: 'workup: You have a short questionnaire waiting. https://x.invalid/q#t',
    });
  });

  it('rejects on an HTTP error or an answer without an id, without echoing the body', async () => {
    await assert.rejects(
      provider(fakeFetch(403, 'Bad to: +46701234567')).send({
        to: '+46701234567',
        text: 'x',
        patientId: null,
        reminderId: null,
      }),
      (error: unknown) =>
        error instanceof SmsError && error.status === 403 && !error.message.includes('4670'),
    );
    await assert.rejects(
      provider(fakeFetch(200, 'ok')).send({
        to: '+46701234567',
        text: 'x',
        patientId: null,
        reminderId: null,
      }),
      SmsError,
    );
    const unreachable: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    await assert.rejects(
      provider(unreachable).send({ to: '+1', text: 'x', patientId: null, reminderId: null }),
      SmsError,
    );
  });

  it('normalises stored numbers to E.164', () => {
    assert.equal(toE164('+46 (0)70-123 45 67'.replace('(0)', '')), '+46701234567');
    assert.equal(toE164('+358 40 123 4567'), '+358401234567');
  });
});
