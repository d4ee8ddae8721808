import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt cost parameters. OWASP Password Storage Cheat Sheet: N=2^17, r=8, p=1. */
export interface ScryptParams {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
}

export const OWASP_SCRYPT: ScryptParams = { log2N: 17, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const FORMAT = /^scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

function maxmemFor(params: ScryptParams): number {
  return 128 * params.r * (2 ** params.log2N + params.p + 2) + 1024 * 1024;
}

async function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return scrypt(password.normalize('NFKC'), salt, KEY_BYTES, {
    N: 2 ** params.log2N,
    r: params.r,
    p: params.p,
    maxmem: maxmemFor(params),
  });
}

/** Hashes a password; the string carries its parameters: `scrypt$ln=17,r=8,p=1$salt$hash`. */
export async function hashPassword(
  password: string,
  params: ScryptParams = OWASP_SCRYPT,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, params);
  return `scrypt$ln=${params.log2N},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/**
 * Checks a password against a stored hash. `needsRehash` is true when the hash was made with
 * other parameters than `current`, so the caller can store a fresh hash after a good sign-in.
 */
export async function verifyPassword(
  password: string,
  stored: string,
  current: ScryptParams = OWASP_SCRYPT,
): Promise<{ ok: boolean; needsRehash: boolean }> {
  const match = FORMAT.exec(stored);
  if (!match) return { ok: false, needsRehash: false };
  const [, ln, r, p, saltText, hashText] = match;
  const params = { log2N: Number(ln), r: Number(r), p: Number(p) };
  const expected = Buffer.from(hashText ?? '', 'base64url');
  const actual = await derive(password, Buffer.from(saltText ?? '', 'base64url'), params);
  const ok = expected.length === actual.length && timingSafeEqual(expected, actual);
  const needsRehash =
    params.log2N !== current.log2N || params.r !== current.r || params.p !== current.p;
  return { ok, needsRehash };
}

/**
 * A hash of nothing, to spend the same time on an unknown e-mail as on a wrong password. One
 * per parameter set, so a caller with other parameters never compares against a cheaper hash.
 */
const dummyHashes = new Map<string, Promise<string>>();
export function dummyPasswordHash(params: ScryptParams): Promise<string> {
  const key = `${params.log2N},${params.r},${params.p}`;
  let hash = dummyHashes.get(key);
  if (hash === undefined) {
    hash = hashPassword(randomBytes(16).toString('hex'), params);
    dummyHashes.set(key, hash);
  }
  return hash;
}
