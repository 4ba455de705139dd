import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { AppError } from '../errors.ts';
import { hmacSm3 } from '../platform/crypto.ts';

/**
 * The backup file (format fazhi-backup/2), written and read as a stream:
 *
 *   "FAZHI-BACKUP\n" · u32 header length · header JSON (plain: format, date, where the key comes from, KDF salt)
 *   records: u32 ciphertext length · 16-byte IV · SM4-CBC(deflate(type byte · payload))   — one IV per record
 *   u32 0 · HMAC-SM3 over every byte before it (32 bytes) · end of file
 *
 * Nothing in the body is readable without the key, and the closing MAC covers the header and every record, so a
 * changed, reordered, cut or appended byte is refused. The reader only yields records; a restore trusts them once
 * the last one has been read and the MAC checked (readBackup throws there otherwise).
 */
const MAGIC = Buffer.from('FAZHI-BACKUP\n', 'latin1');
const FORMAT = 'fazhi-backup/2';
const MAX_RECORD = 64 * 1024 * 1024;
// scrypt at N=2^16, r=8 (64 MiB, ~0.2 s): a passphrase-protected file taken away meets a memory-hard guess per try.
const KDF = { N: 2 ** 16, r: 8, p: 1 };

export type RecordType = 'T' | 'R' | 'F' | 'D' | 'E' | 'M';
export type BackupRecord = { type: RecordType; payload: Buffer };
export type KeySource = { kind: 'master-key'; master: Buffer } | { kind: 'passphrase'; passphrase: string };
type Header = { format: string; createdAt: string; keyFrom: KeySource['kind']; kdf?: { N: number; r: number; p: number; salt: string }; keyCheck: string };
type FileKeys = { encryption: Buffer; mac: Buffer };

const MIN_PASSPHRASE = 10;

async function deriveKeys(source: KeySource, header: Header): Promise<FileKeys> {
  let base: Buffer;
  if (source.kind === 'master-key') {
    base = source.master;
  } else {
    const kdf = header.kdf;
    if (!kdf) throw new AppError('BACKUP_INVALID');
    base = await new Promise<Buffer>((resolve, reject) =>
      scrypt(source.passphrase.normalize('NFKC'), Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r }, (err, key) =>
        err ? reject(err) : resolve(key),
      ),
    );
  }
  return { encryption: hmacSm3(base, 'fazhi/backup/sm4').subarray(0, 16), mac: hmacSm3(base, 'fazhi/backup/mac') };
}

const keyCheckOf = (keys: FileKeys) => hmacSm3(keys.mac, 'fazhi/backup/key-check').subarray(0, 8).toString('hex');

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export class BackupWriter {
  readonly #fd: number;
  readonly #partial: string;
  readonly #file: string;
  readonly #keys: FileKeys;
  readonly #mac: ReturnType<typeof createHmac>;
  #bytes = 0;

  private constructor(file: string, fd: number, keys: FileKeys) {
    this.#file = file;
    this.#partial = `${file}.partial`;
    this.#fd = fd;
    this.#keys = keys;
    this.#mac = createHmac('sm3', keys.mac);
  }

  /** Writes to `<file>.partial` and renames it at the end: an interrupted backup never looks like a finished one. */
  static async create(file: string, source: KeySource): Promise<BackupWriter> {
    if (source.kind === 'passphrase' && source.passphrase.length < MIN_PASSPHRASE) {
      throw new AppError('CLI_USAGE', `备份口令至少 ${MIN_PASSPHRASE} 个字符`);
    }
    if (fs.existsSync(file)) throw new AppError('BACKUP_EXISTS', `备份文件已存在，不会覆盖：${file}`);
    const header: Header = { format: FORMAT, createdAt: new Date().toISOString(), keyFrom: source.kind, keyCheck: '' };
    if (source.kind === 'passphrase') header.kdf = { ...KDF, salt: randomBytes(16).toString('base64') };
    const keys = await deriveKeys(source, header);
    header.keyCheck = keyCheckOf(keys);
    const fd = fs.openSync(`${file}.partial`, 'w', 0o600);
    const writer = new BackupWriter(file, fd, keys);
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    writer.#write(Buffer.concat([MAGIC, u32(json.length), json]));
    return writer;
  }

  get bytes(): number {
    return this.#bytes;
  }

  #write(chunk: Buffer): void {
    this.#mac.update(chunk);
    fs.writeSync(this.#fd, chunk);
    this.#bytes += chunk.length;
  }

  record(type: RecordType, payload: Buffer | string): void {
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-cbc', this.#keys.encryption, iv);
    const plain = deflateRawSync(Buffer.concat([Buffer.from(type, 'latin1'), Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8')]));
    const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
    this.#write(Buffer.concat([u32(ct.length), iv, ct]));
  }

  finish(): void {
    this.#write(u32(0));
    const mac = this.#mac.digest();
    fs.writeSync(this.#fd, mac);
    fs.fsyncSync(this.#fd);
    fs.closeSync(this.#fd);
    fs.renameSync(this.#partial, this.#file);
  }

  abort(): void {
    fs.closeSync(this.#fd);
    fs.rmSync(this.#partial, { force: true });
  }
}

const broken = (why: string) => new AppError('BACKUP_INVALID', `备份文件已损坏、不完整或被改动（${why}），未恢复任何数据`);

/** Reads exactly `n` bytes at the file position, or fewer at the end of the file. */
function readAt(fd: number, position: number, n: number): Buffer {
  const buf = Buffer.alloc(n);
  let got = 0;
  while (got < n) {
    const r = fs.readSync(fd, buf, got, n - got, position + got);
    if (r === 0) break;
    got += r;
  }
  return got === n ? buf : buf.subarray(0, got);
}

/**
 * The records of a backup file, in order, decrypted; `progress` gets the bytes read so far. Throws BACKUP_KEY_WRONG
 * before the first record when the key is not the one the file was made with, and BACKUP_INVALID at the point where
 * the file stops making sense — at the latest after the last record, when the closing MAC does not match.
 */
export async function* readBackup(file: string, source: (keyFrom: KeySource['kind']) => KeySource, progress: (bytes: number) => void = () => {}): AsyncGenerator<BackupRecord> {
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `备份文件不存在：${file}`);
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    let pos = 0;
    const take = (n: number, what: string): Buffer => {
      const b = readAt(fd, pos, n);
      if (b.length < n) throw broken(`${what}不完整，文件被截断`);
      pos += n;
      return b;
    };
    if (!take(MAGIC.length, '文件头').equals(MAGIC)) throw broken('不是 fazhi 备份文件');
    const headerLength = take(4, '文件头').readUInt32BE();
    if (headerLength > 64 * 1024) throw broken('文件头长度不正确');
    const headerBytes = take(headerLength, '文件头');
    let header: Header;
    try {
      header = JSON.parse(headerBytes.toString('utf8')) as Header;
    } catch {
      throw broken('文件头不可读');
    }
    if (header.format !== FORMAT) throw broken(`不认识的备份格式 ${String(header.format)}`);
    const keys = await deriveKeys(source(header.keyFrom), header);
    if (keyCheckOf(keys) !== header.keyCheck) {
      throw new AppError(
        'BACKUP_KEY_WRONG',
        header.keyFrom === 'passphrase'
          ? '备份口令不正确（用 --passphrase 或 FAZHI_BACKUP_PASSPHRASE 给出备份时的口令）'
          : '本实例的主密钥不是备份时的那一把：请把备份实例的 data/keys/master.key（或 FAZHI_MASTER_KEY）放到本实例后再恢复',
      );
    }
    const mac = createHmac('sm3', keys.mac);
    mac.update(Buffer.concat([MAGIC, u32(headerLength), headerBytes]));
    for (;;) {
      const lengthBytes = take(4, '记录');
      mac.update(lengthBytes);
      const length = lengthBytes.readUInt32BE();
      if (length === 0) break;
      if (length > MAX_RECORD || length % 16 !== 0) throw broken(`第 ${pos - 4} 字节处的记录长度不正确`);
      const body = take(16 + length, '记录');
      mac.update(body);
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('sm4-cbc', keys.encryption, body.subarray(0, 16));
        plain = inflateRawSync(Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]));
      } catch {
        throw broken(`第 ${pos - 20 - length} 字节处的记录无法解密`);
      }
      progress(pos);
      yield { type: plain.subarray(0, 1).toString('latin1') as RecordType, payload: plain.subarray(1) };
    }
    const expected = mac.digest();
    const actual = take(expected.length, '校验码');
    if (!timingSafeEqual(actual, expected)) throw broken('整体校验码（HMAC-SM3）不符');
    if (pos !== size) throw broken('校验码之后还有多余的数据');
    progress(pos);
  } finally {
    fs.closeSync(fd);
  }
}
