import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dummyPasswordHash, hashPassword, OWASP_SCRYPT, verifyPassword } from './passwords';

const CHEAP = { log2N: 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('uses OWASP parameters by default and stores them in the hash string', async () => {
    assert.deepEqual(OWASP_SCRYPT, { log2N: 17, r: 8, p: 1 });
    const hash = await hashPassword('correct horse');
    assert.match(hash, /^scrypt\$ln=17,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    assert.deepEqual(await verifyPassword('correct horse', hash), { ok: true, needsRehash: false });
  });

  it('rejects a wrong password and salts every hash', async () => {
    const first = await hashPassword('correct horse', CHEAP);
    const second = await hashPassword('correct horse', CHEAP);
    assert.notEqual(first, second);
    assert.equal((await verifyPassword('correct hose', first, CHEAP)).ok, false);
  });

  it('asks for a rehash when the parameters changed', async () => {
    const old = await hashPassword('correct horse', CHEAP);
    assert.deepEqual(await verifyPassword('correct horse', old, { ...CHEAP, log2N: 11 }), {
      ok: true,
      needsRehash: true,
    });
  });

  it('does not accept a malformed hash', async () => {
    assert.deepEqual(await verifyPassword('x', 'plaintext'), { ok: false, needsRehash: false });
  });
});

describe('dummy password hash', () => {
  it('is made with the parameters asked for, so unknown e-mails cost as much as real ones', async () => {
    assert.match(await dummyPasswordHash(CHEAP), /^scrypt\$ln=10,/);
    assert.match(await dummyPasswordHash({ ...CHEAP, log2N: 11 }), /^scrypt\$ln=11,/);
  });
});
