// Each case of what sync does with one document, from the store's hash, what was last agreed and
// the replica's winner; and the record hash that compares them, whatever the key order.
import { describe, expect, it } from 'vitest';
import { decide } from '../../../../electron/core/sync/decide';
import { DELETED, recordHash } from '../../../../electron/core/sync/documents';

const agreed = { rev: '2-a', hash: 'h1' };

describe('decide', () => {
  it('does nothing when both sides hold the same, and remembers that', () => {
    expect(decide('h1', agreed, { rev: '2-a', hash: 'h1' })).toEqual({
      kind: 'none',
      known: agreed,
    });
    expect(decide('h2', agreed, { rev: '3-b', hash: 'h2' })).toEqual({
      kind: 'none',
      known: { rev: '3-b', hash: 'h2' },
    });
    expect(decide(DELETED, undefined, { hash: DELETED })).toEqual({
      kind: 'none',
      known: undefined,
    });
  });

  it('pushes what only the store changed, on top of the replica’s revision', () => {
    expect(decide('h2', agreed, { rev: '2-a', hash: 'h1' })).toEqual({
      kind: 'push',
      parent: '2-a',
    });
    expect(decide(DELETED, agreed, { rev: '2-a', hash: 'h1' })).toEqual({
      kind: 'push',
      parent: '2-a',
    });
    expect(decide('h1', undefined, { hash: DELETED })).toEqual({ kind: 'push' });
  });

  it('applies what only the replica changed', () => {
    expect(decide('h1', agreed, { rev: '3-b', hash: 'h9' })).toEqual({ kind: 'apply' });
    expect(decide('h1', agreed, { rev: '3-b', hash: DELETED })).toEqual({ kind: 'apply' });
    expect(decide(DELETED, undefined, { rev: '1-c', hash: 'h5' })).toEqual({ kind: 'apply' });
  });

  it('branches from the agreed revision when both changed, so CouchDB reports a conflict', () => {
    expect(decide('h2', agreed, { rev: '3-b', hash: 'h9' })).toEqual({
      kind: 'branch',
      parent: '2-a',
    });
    expect(decide(DELETED, agreed, { rev: '3-b', hash: 'h9' })).toEqual({
      kind: 'branch',
      parent: '2-a',
    });
    // Made on both sides without ever agreeing (a copied folder): a second root.
    expect(decide('h2', undefined, { rev: '1-c', hash: 'h5' })).toEqual({ kind: 'branch' });
  });

  it('takes a record the store keeps differently (a newer app’s field) as agreed once applied', () => {
    // After applying 3-b the store's hash is h3 (the schema's defaults), not the document's h9.
    expect(decide('h3', { rev: '3-b', hash: 'h3' }, { rev: '3-b', hash: 'h9' })).toEqual({
      kind: 'none',
      known: { rev: '3-b', hash: 'h3' },
    });
  });
});

describe('recordHash', () => {
  it('is the same whatever the key order, and differs with the content', () => {
    const a = { id: 'x', tags: ['ə', 'ş'], nested: { b: 1, a: 2 }, gone: undefined };
    const b = { nested: { a: 2, b: 1 }, tags: ['ə', 'ş'], id: 'x' };
    expect(recordHash(a)).toBe(recordHash(b));
    expect(recordHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(recordHash({ ...b, tags: ['ş', 'ə'] })).not.toBe(recordHash(b));
  });
});
