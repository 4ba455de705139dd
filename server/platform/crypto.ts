import { createCipheriv, createDecipheriv, createHmac, createSecretKey, type KeyObject, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Keys derived from one master key that lives outside the database (./data/keys/master.key, mode 0600,
 * or FAZHI_MASTER_KEY), so a stolen dump reveals no personal identifier and cannot re-sign the audit chain.
 */
export type Keys = { encryption: KeyObject; mac: KeyObject; blindIndex: KeyObject; audit: KeyObject };

// Held as KeyObjects: given a Buffer, every createHmac/createDecipheriv first checks whether it is a key object,
// which cost ~10 µs a call — a list page decrypting 80 identifiers spent more time there than in its queries.
export const hmacSm3 = (key: Buffer | KeyObject, data: string | Buffer): Buffer => createHmac('sm3', key).update(data).digest();

export function loadKeys(dataDir: string, masterKeyHex?: string): Keys {
  return keysFrom(masterKeyOf(dataDir, masterKeyHex));
}

/** The master key itself (FAZHI_MASTER_KEY, or data/keys/master.key, created on first use). */
export function masterKeyOf(dataDir: string, masterKeyHex?: string): Buffer {
  if (masterKeyHex) return Buffer.from(masterKeyHex, 'hex');
  const keyFile = masterKeyFile(dataDir);
  if (!fs.existsSync(keyFile)) {
    fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
    fs.writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'hex');
}

export const masterKeyFile = (dataDir: string): string => path.join(dataDir, 'keys', 'master.key');

export function keysFrom(master: Buffer): Keys {
  return {
    encryption: createSecretKey(hmacSm3(master, 'fazhi/pii/sm4').subarray(0, 16)),
    mac: createSecretKey(hmacSm3(master, 'fazhi/pii/mac')),
    blindIndex: createSecretKey(hmacSm3(master, 'fazhi/pii/index')),
    audit: createSecretKey(hmacSm3(master, 'fazhi/audit')),
  };
}

/** SM4-CBC with a random IV, then HMAC-SM3 over IV and ciphertext (encrypt-then-MAC). Format: v1.iv.ct.mac (base64url). */
export function encryptPersonal(keys: Keys, plain: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', keys.encryption, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const mac = hmacSm3(keys.mac, Buffer.concat([iv, ct]));
  return ['v1', iv, ct, mac].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function decryptPersonal(keys: Keys, sealed: string): string {
  const [version, ivB, ctB, macB] = sealed.split('.');
  if (version !== 'v1' || !ivB || !ctB || !macB) throw new Error('personal data: unknown format');
  const iv = Buffer.from(ivB, 'base64url');
  const ct = Buffer.from(ctB, 'base64url');
  const expected = hmacSm3(keys.mac, Buffer.concat([iv, ct]));
  const mac = Buffer.from(macB, 'base64url');
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) throw new Error('personal data: MAC mismatch');
  const decipher = createDecipheriv('sm4-cbc', keys.encryption, iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

/** Keyed digest for exact lookups (find a user by phone) without storing the value in clear. */
export const blindIndex = (keys: Keys, value: string): string => hmacSm3(keys.blindIndex, value.trim().toUpperCase()).toString('hex');

export const auditMac = (keys: Keys, data: string): string => hmacSm3(keys.audit, data).toString('hex');

// scrypt at N=2^15, r=8: 32 MiB and ~0.1 s per hash, memory-hard against GPU guessing.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, saltB, hashB] = stored.split('$');
  if (scheme !== 'scrypt' || !saltB || !hashB) return false;
  const expected = Buffer.from(hashB, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(saltB, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

function scryptAsync(password: string, salt: Buffer, params: { N: number; r: number; p: number } = SCRYPT): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, 64, { ...params, maxmem: SCRYPT.maxmem }, (err, key) => (err ? reject(err) : resolve(key))));
}

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
export const sessionIdOf = (token: string): string => createHmac('sm3', 'fazhi/session').update(token).digest('hex');
