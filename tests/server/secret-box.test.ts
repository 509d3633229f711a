/** The sealing of stored secrets: AES-256-GCM, the name bound in, the key from SECRETS_KEY or a key file. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createSecretBox,
  isSecretKey,
  lazySecretBox,
  loadSecretKey,
  parseSecretKey,
} from '../../server/sync/secret-box';

const dir = mkdtempSync(path.join(tmpdir(), 'bw-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secret box', () => {
  const box = createSecretBox(randomBytes(32));

  it('seals to text that holds neither the secret nor its length in the clear, and opens it', () => {
    const sealed = box.seal('acled_account', '{"username":"u@example.org","password":"p"}');
    expect(sealed).toMatch(/^v1\.[0-9a-f]{12}\./);
    expect(sealed).not.toContain('u@example.org');
    expect(box.open('acled_account', sealed)).toBe('{"username":"u@example.org","password":"p"}');
    // A fresh nonce each time: the same secret never seals to the same text.
    expect(box.seal('acled_account', 'x')).not.toBe(box.seal('acled_account', 'x'));
  });

  it('refuses a value moved to another name, altered, or sealed with another key, saying which', () => {
    const sealed = box.seal('acled_account', 'secret');
    expect(() => box.open('other', sealed)).toThrow(/does not open/);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64');
    expect(() => box.open('acled_account', parts.join('.'))).toThrow(/does not open/);
    expect(() => createSecretBox(randomBytes(32)).open('acled_account', sealed)).toThrow(/another key/);
    expect(() => box.open('acled_account', 'plain text')).toThrow(/not a sealed value/);
  });

  it('reads SECRETS_KEY as 64 hex digits or base64 of 32 bytes, and nothing else', () => {
    const key = randomBytes(32);
    expect(parseSecretKey(key.toString('hex')).equals(key)).toBe(true);
    expect(parseSecretKey(key.toString('base64')).equals(key)).toBe(true);
    expect(isSecretKey('too-short')).toBe(false);
    expect(isSecretKey(randomBytes(16).toString('base64'))).toBe(false);
  });

  it('without SECRETS_KEY: creates a key file in DATA_DIR on first use (owner-only), and reuses it', () => {
    const lazy = lazySecretBox({ dataDir: dir });
    const file = path.join(dir, 'secrets.key');
    expect(lazy.keySource).toBe(file);
    expect(() => statSync(file)).toThrow(); // nothing created before it is needed
    const sealed = lazy.seal('n', 'v');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadSecretKey({ dataDir: dir });
    expect(again.key.equals(parseSecretKey(readFileSync(file, 'utf8')))).toBe(true);
    expect(createSecretBox(again.key).open('n', sealed)).toBe('v');
    expect(loadSecretKey({ secretsKey: randomBytes(32).toString('hex'), dataDir: dir }).source).toBe('SECRETS_KEY');
  });
});
