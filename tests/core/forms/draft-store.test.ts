import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  draftStorageKey,
  loadDraft,
  newIdempotencyKey,
  saveDraft,
  type KeyValueStore,
} from '../../../app/forms/draft-store';
import { conform } from '../../../app/forms/value-paths';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const template = { summary: '', killed: '' };
const shape = (v: unknown) => conform(template, v);

describe('draft store', () => {
  it('round-trips a draft with its key and base', () => {
    const store = memoryStore();
    const draft = {
      values: { summary: 'typo', killed: '3x' },
      idempotencyKey: 'k1',
      base: { values: template, version: 4 },
      savedAt: '2025-01-01T00:00:00Z',
    };
    expect(saveDraft(store, 'incident:new', draft)).toBe(true);
    expect(loadDraft(store, 'incident:new', shape)).toEqual(draft);
    clearDraft(store, 'incident:new');
    expect(loadDraft(store, 'incident:new', shape)).toBeNull();
  });

  it('ignores corrupt, foreign and old-format entries', () => {
    const store = memoryStore();
    for (const raw of ['{', '"x"', '{"format":2,"idempotencyKey":"k","savedAt":"t"}', '{"format":1,"savedAt":"t"}']) {
      store.data.set(draftStorageKey('f'), raw);
      expect(loadDraft(store, 'f', shape)).toBeNull();
    }
  });

  it('reshapes values written by an older form', () => {
    const store = memoryStore();
    store.data.set(
      draftStorageKey('f'),
      JSON.stringify({ format: 1, idempotencyKey: 'k', savedAt: 't', values: { summary: 'kept', gone: 1 } }),
    );
    expect(loadDraft(store, 'f', shape)?.values).toEqual({ summary: 'kept', killed: '' });
  });

  it('reports a refused write and survives a throwing storage', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(saveDraft(broken, 'f', { values: template, idempotencyKey: 'k', base: null, savedAt: 't' })).toBe(false);
    expect(loadDraft(broken, 'f', shape)).toBeNull();
    expect(() => clearDraft(broken, 'f')).not.toThrow();
    expect(saveDraft(null, 'f', { values: template, idempotencyKey: 'k', base: null, savedAt: 't' })).toBe(false);
  });
});

describe('newIdempotencyKey', () => {
  it('uses randomUUID when there is one', () => {
    expect(newIdempotencyKey({ randomUUID: () => 'u', getRandomValues: (a) => a })).toBe('u');
  });
  it('builds a v4 uuid from random bytes outside secure contexts', () => {
    const key = newIdempotencyKey({ getRandomValues: (a) => a.fill(255) });
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
