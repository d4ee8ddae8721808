import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { followupLinkToken } from './reminders';
import { hashToken } from './tokens';

const KEY = Buffer.alloc(32, 7);
const ID = '0b9a3a7e-4f4c-4f38-9d2b-6f1f8f0d2c11';

describe('follow-up link tokens', () => {
  it('are HMAC-SHA256 of the assignment id under the key, base64url, 43 characters', () => {
    const token = followupLinkToken(KEY, ID);
    const expected = createHmac('sha256', KEY)
      .update(`workup-followup-link:v1:${ID}`)
      .digest('base64url');
    assert.equal(token, expected);
    // The shape every link token has, so /respond accepts it as a Bearer token.
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(followupLinkToken(KEY, ID), token, 'the same link in every reminder');
  });

  it('property: another assignment or another key gives another token (and hash)', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.uuid(),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (a, b, key) => {
          fc.pre(a !== b);
          const k = Buffer.from(key);
          assert.notEqual(followupLinkToken(k, a), followupLinkToken(k, b));
          const other = Buffer.from(k);
          other[0] = (other[0] ?? 0) ^ 1;
          assert.notEqual(
            hashToken(followupLinkToken(k, a)),
            hashToken(followupLinkToken(other, a)),
          );
        },
      ),
    );
  });
});
