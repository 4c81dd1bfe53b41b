import { fromAudit, fromState, fromVersion, MalformedEntityError, toAudit, toState, toVersion, type TownshipState } from '../../../functions/src/storage/entities';
import type { Entity, StoredEntity } from '../../../functions/src/storage/store';

const stored = (props: Entity, rk = 'state|dongshan'): StoredEntity => ({ ...props, partitionKey: 'c2026', rowKey: rk, etag: 'W/"1"' });

const pointer: Omit<TownshipState, 'etag'> = {
  state: 'returned',
  currentVersion: 2,
  currentHash: 'ab'.repeat(32),
  submissionId: 'c2026.dongshan.v2',
  receivedAt: '2026-04-20T08:00:00.000Z',
  comment: '请补充',
  quotaOk: false,
  quotaSummary: '东山镇共 20 个…',
  orgs: 20,
  rectifications: 3,
  tally: { orgs: 20, rectifications: 3, byCategory: { village: { good: 4, fair: 16 } } },
};

describe('round trips', () => {
  it('a pointer comes back as written, with its ETag', () => {
    expect(toState(stored(fromState(pointer)))).toEqual({ ...pointer, etag: 'W/"1"' });
  });

  it('a pointer without a comment stores "" and reads back null', () => {
    const e = fromState({ ...pointer, comment: null });
    expect(e.comment).toBe('');
    expect(toState(stored(e)).comment).toBeNull();
  });

  it('a version and an audit entry come back as written', () => {
    const v = { version: 2, submissionId: 's', contentHash: 'h', receivedAt: 't', orgs: 1, rectifications: 0, quotaOk: true, quotaSummary: 'q', counts: { 好: 1 }, uploadedBy: 'township:dongshan' };
    expect(toVersion(stored(fromVersion(v), 'ver|dongshan|h'))).toEqual(v);
    const a = { at: 't', actor: 'county', action: 'accept' as const, townshipId: 'dongshan', version: 2, contentHash: 'h', comment: '' };
    expect(toAudit(stored(fromAudit(a), 'audit|t|x'))).toEqual(a);
  });
});

describe('a malformed entity is a MalformedEntityError naming its keys and field, never a TypeError', () => {
  const good = fromState(pointer);
  it.each<[string, Entity, string]>([
    ['an unknown state', { ...good, state: 'approved' }, 'state'],
    ['a missing version number', { ...good, currentVersion: null }, 'currentVersion'],
    ['a version that is text', { ...good, currentVersion: '2' }, 'currentVersion'],
    ['a tally that is not JSON', { ...good, tally: '{orgs:' }, 'tally'],
    ['a tally of the wrong shape', { ...good, tally: JSON.stringify({ orgs: 'many' }) }, 'tally'],
    ['a negative count in the tally', { ...good, tally: JSON.stringify({ orgs: 1, rectifications: 0, byCategory: { v: { g: -1 } } }) }, 'tally'],
    ['quotaOk as text', { ...good, quotaOk: 'true' }, 'quotaOk'],
  ])('%s', (_name, props, field) => {
    let err: unknown;
    try {
      toState(stored(props));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MalformedEntityError);
    const m = err as MalformedEntityError;
    expect([m.partitionKey, m.rowKey]).toEqual(['c2026', 'state|dongshan']);
    expect(m.message).toContain(field);
  });

  it.each<[string, (e: StoredEntity) => unknown, Entity]>([
    ['a version without counts', toVersion, { version: 1, submissionId: 's', contentHash: 'h', receivedAt: 't', orgs: 1, rectifications: 0, quotaOk: true }],
    ['an audit entry with an unknown action', toAudit, { at: 't', actor: 'county', action: 'delete', townshipId: 'x', version: 1, contentHash: 'h' }],
  ])('%s', (_name, read, props) => {
    expect(() => read(stored(props, 'ver|x|h'))).toThrow(MalformedEntityError);
  });
});
