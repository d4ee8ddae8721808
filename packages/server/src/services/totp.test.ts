import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Secret } from 'otpauth';
import {
  newTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  totpCode,
  totpUri,
  verifyTotp,
  type TotpParameters,
} from './totp';

/**
 * RFC 6238 Appendix B: the seeds are the ASCII strings below (20, 32 and 64 bytes), the codes
 * have 8 digits and a 30-second step.
 */
const SEEDS = {
  SHA1: '12345678901234567890',
  SHA256: '12345678901234567890123456789012',
  SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
} as const;
const VECTORS: [seconds: number, sha1: string, sha256: string, sha512: string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  it('gives the test vectors of RFC 6238 Appendix B for SHA-1, SHA-256 and SHA-512', () => {
    for (const [seconds, ...expected] of VECTORS) {
      const at = new Date(seconds * 1000);
      (['SHA1', 'SHA256', 'SHA512'] as const).forEach((algorithm, index) => {
        const parameters: TotpParameters = { algorithm, digits: 8, period: 30 };
        const secret = Secret.fromLatin1(SEEDS[algorithm]);
        assert.equal(
          totpCode(secret, at, parameters),
          expected[index],
          `${algorithm} at ${seconds}`,
        );
      });
    }
  });

  it('uses six digits of the same HMAC-SHA-1 value by default (the last six of the vector)', () => {
    const secret = Secret.fromLatin1(SEEDS.SHA1);
    assert.equal(totpCode(secret, new Date(59_000)), '287082');
    assert.equal(totpCode(secret, new Date(1_111_111_109_000)), '081804');
  });

  it('accepts a code one step either side of now and names its step, and nothing further', () => {
    const secret = Secret.fromLatin1(SEEDS.SHA1).base32;
    const at = new Date(1_111_111_109_000); // step 37037036
    const code = totpCode(Secret.fromBase32(secret), at);
    assert.equal(verifyTotp(secret, code, at), 37037036);
    assert.equal(verifyTotp(secret, code, new Date(at.getTime() + 30_000)), 37037036);
    assert.equal(verifyTotp(secret, code, new Date(at.getTime() - 30_000)), 37037036);
    assert.equal(verifyTotp(secret, code, new Date(at.getTime() + 60_000)), null);
    assert.equal(verifyTotp(secret, '000000', at), code === '000000' ? 37037036 : null);
  });

  it('makes 160-bit secrets and an otpauth URI authenticator apps read', () => {
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, 'ada@clinic.example'));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.searchParams.get('secret'), secret);
    assert.equal(uri.searchParams.get('issuer'), 'workup');
    assert.equal(uri.searchParams.get('algorithm'), 'SHA1');
    assert.equal(uri.searchParams.get('digits'), '6');
    assert.equal(uri.searchParams.get('period'), '30');
    assert.match(decodeURIComponent(uri.pathname), /workup:ada@clinic\.example$/);
  });

  it('seals secrets so that only the same key and user open them', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uuid(),
        (keyBytes, userId) => {
          const key = Buffer.from(keyBytes);
          const secret = newTotpSecret();
          const sealed = sealTotpSecret(key, userId, secret);
          assert.equal(sealed.includes(secret), false);
          assert.equal(openTotpSecret(key, userId, sealed), secret);
          assert.throws(() => openTotpSecret(randomBytes(32), userId, sealed));
          assert.throws(() => openTotpSecret(key, `${userId}x`, sealed));
        },
      ),
      { numRuns: 25 },
    );
  });
});
