import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encode } from 'uqr';
import { qrPath } from './qr-code';

describe('the QR code of a link', () => {
  it('draws one unit square per dark module', () => {
    assert.equal(
      qrPath([
        [true, false],
        [false, true],
      ]),
      'M0 0h1v1h-1zM1 1h1v1h-1z',
    );
  });

  it('has a quiet zone of four modules and the finder pattern in the corner', () => {
    const url = 'https://workup.example/q#AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
    const { data } = encode(url, { ecc: 'M', border: 4 });
    assert.equal(data.length, data[0]?.length);
    assert.ok(
      data.slice(0, 4).every((row) => row.every((dark) => !dark)),
      'quiet zone',
    );
    // The 7 × 7 finder pattern: a dark ring, a light ring, a dark 3 × 3 centre.
    const at = (x: number, y: number) => data[4 + y]?.[4 + x];
    for (let i = 0; i < 7; i += 1) {
      assert.equal(at(i, 0), true);
      assert.equal(at(0, i), true);
      assert.equal(at(6, i), true);
      assert.equal(at(i, 6), true);
    }
    assert.equal(at(1, 1), false);
    assert.equal(at(3, 3), true);
  });
});
