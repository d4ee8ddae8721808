import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createLogger, pathOnly } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

describe('logger redaction', () => {
  it('never writes passwords, tokens, cookies, names or answers', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info' }, stream);
    logger.info(
      {
        req: { headers: { authorization: 'Bearer secret-token', cookie: 'workup_session=abc' } },
        body: {
          email: 'a@b.se',
          password: 'hunter2',
          givenName: 'Astrid',
          familyName: 'Berg',
          answers: { '1': 1 },
        },
        token: 'raw-token',
      },
      'request',
    );
    const written = lines.join('');
    for (const secret of [
      'secret-token',
      'workup_session=abc',
      'a@b.se',
      'hunter2',
      'Astrid',
      'Berg',
      'raw-token',
      '"1":1',
    ]) {
      assert.ok(!written.includes(secret), `log contains ${secret}: ${written}`);
    }
    assert.match(written, /\[redacted\]/);
  });

  it('logs request paths without their query strings', () => {
    assert.equal(pathOnly('/api/v1/respond?token=abc&lang=sv'), '/api/v1/respond?[redacted]');
    assert.equal(pathOnly('/api/v1/patients'), '/api/v1/patients');
  });
});
