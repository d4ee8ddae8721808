import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalJson, contentHash, sha256Hex, utf8Bytes } from './hash';

const nodeSha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

await test('sha256Hex', async (t) => {
  await t.test('matches the FIPS 180-4 example vectors', () => {
    // FIPS 180-4 / NIST CSRC "SHA256.pdf" examples: one block, two blocks, a million "a".
    assert.equal(
      sha256Hex('abc'),
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    assert.equal(
      sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    assert.equal(
      sha256Hex('a'.repeat(1_000_000)),
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  await t.test('agrees with node:crypto at every padding boundary', () => {
    for (let length = 0; length <= 130; length += 1) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 37 + length) & 0xff);
      assert.equal(sha256Hex(bytes), nodeSha256(bytes), `length ${length}`);
    }
  });

  await t.test('agrees with node:crypto on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        assert.equal(sha256Hex(text), nodeSha256(text));
      }),
      { numRuns: 300 },
    );
  });
});

await test('utf8Bytes equals TextEncoder, lone surrogates included', () => {
  const encoder = new TextEncoder();
  for (const text of ['', 'Örebro', '€', '😀', 'a\ud800b', '\udc00', 'x\ud83d']) {
    assert.deepEqual(utf8Bytes(text), encoder.encode(text), JSON.stringify(text));
  }
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
      assert.deepEqual(utf8Bytes(text), encoder.encode(text));
    }),
  );
});

await test('canonicalJson', async (t) => {
  await t.test('sorts keys by UTF-16 code units and drops whitespace (RFC 8785)', () => {
    assert.equal(
      canonicalJson({ b: [1, { d: true, c: null }], a: 'x', é: 1, Z: 2 }),
      '{"Z":2,"a":"x","b":[1,{"c":null,"d":true}],"é":1}',
    );
    // RFC 8785 §3.2.3 sorts "\u20ac" (€) before "\ud83d\ude00" (😀) by UTF-16 code units.
    assert.equal(canonicalJson({ '😀': 1, '€': 2 }), '{"€":2,"😀":1}');
    assert.equal(canonicalJson([1e21, 0.1, -0, 100]), '[1e+21,0.1,0,100]');
  });

  await t.test('ignores layout and key order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reordered = JSON.parse(JSON.stringify(value, null, 2)) as unknown;
        assert.equal(canonicalJson(reordered), canonicalJson(value));
        assert.deepEqual(JSON.parse(canonicalJson(value)), JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  await t.test('refuses what JSON cannot hold', () => {
    assert.throws(() => canonicalJson(Number.NaN), /finite/);
    assert.throws(() => canonicalJson(() => 1), /cannot encode/);
  });

  await t.test('contentHash is sha256 of the canonical form', () => {
    assert.equal(contentHash({ b: 1, a: 2 }), `sha256:${nodeSha256('{"a":2,"b":1}')}`);
    assert.equal(contentHash({ a: 2, b: 1 }), contentHash({ b: 1, a: 2 }));
  });
});
