/**
 * Secrets kept in the database (app_secrets) sealed with AES-256-GCM: a random 96-bit nonce per
 * seal, the secret's name as associated data (a sealed value moved to another name does not open),
 * and the key's fingerprint in the clear so that "sealed with another key" is said as such.
 *
 * The key: SECRETS_KEY (32 bytes as base64 or hex), else a key file `secrets.key` in DATA_DIR,
 * created on first use (mode 0600). Several nodes on one PostgreSQL need the same key: set
 * SECRETS_KEY on each (a key file per node would seal what the others cannot open).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

export interface SecretBox {
  seal(name: string, plaintext: string): string;
  /** Throws SecretKeyError when the value was sealed with another key or was tampered with. */
  open(name: string, sealed: string): string;
  /** Where the key comes from, for the admin page ("SECRETS_KEY" or the key file's path). */
  keySource: string;
}

/** Reads SECRETS_KEY: 64 hex digits or base64 of 32 bytes. */
export function parseSecretKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new SecretKeyError('SECRETS_KEY must be 32 bytes, as 64 hex digits or base64');
  return key;
}

export function isSecretKey(text: string): boolean {
  try {
    parseSecretKey(text);
    return true;
  } catch {
    return false;
  }
}

export function loadSecretKey(opts: { secretsKey?: string; dataDir: string }): { key: Buffer; source: string } {
  if (opts.secretsKey) return { key: parseSecretKey(opts.secretsKey), source: 'SECRETS_KEY' };
  const file = path.resolve(opts.dataDir, 'secrets.key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    // flag wx: two processes starting at once cannot both write a key; the loser reads the winner's.
    try {
      writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  try {
    chmodSync(file, 0o600);
  } catch {
    // A read-only mount: the key is still readable.
  }
  return { key: parseSecretKey(readFileSync(file, 'utf8')), source: file };
}

const fingerprint = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 12);

export function createSecretBox(key: Buffer, keySource = 'key'): SecretBox {
  const id = fingerprint(key);
  return {
    keySource,
    seal(name, plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(name, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ['v1', id, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join('.');
    },
    open(name, sealed) {
      const [version, keyId, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !keyId || !iv || !tag || body === undefined)
        throw new SecretKeyError(`the stored ${name} is not a sealed value`);
      if (keyId !== id)
        throw new SecretKeyError(
          `the stored ${name} was sealed with another key (${keyId}, this node has ${id}): set the same SECRETS_KEY on every node, or enter it again`,
        );
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        decipher.setAAD(Buffer.from(name, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretKeyError(`the stored ${name} does not open with this key (altered or damaged)`);
      }
    },
  };
}

/** A box whose key is read (or its key file created) on first use, not at start. */
export function lazySecretBox(opts: { secretsKey?: string; dataDir: string }): SecretBox {
  let box: SecretBox | null = null;
  const get = () => {
    if (!box) {
      const { key, source } = loadSecretKey(opts);
      box = createSecretBox(key, source);
    }
    return box;
  };
  return {
    keySource: opts.secretsKey ? 'SECRETS_KEY' : path.resolve(opts.dataDir, 'secrets.key'),
    seal: (name, plaintext) => get().seal(name, plaintext),
    open: (name, sealed) => get().open(name, sealed),
  };
}
