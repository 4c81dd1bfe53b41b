import { createStore, initialState, patchSlice } from '../../../addin/taskpane/state';

describe('store', () => {
  it('replaces only the slices patched and tells each listener the state before', () => {
    const store = createStore(initialState('http://h:1'));
    const before = store.get();
    const seen: Array<[string, string]> = [];
    store.subscribe((s, prev) => seen.push([s.work.verdict?.text ?? '', prev.work.verdict?.text ?? '']));
    patchSlice(store, 'work', { verdict: { tone: 'ok', text: '好了' } });
    const after = store.get();
    expect(seen).toEqual([['好了', '']]);
    expect(after.work).not.toBe(before.work);
    expect(after.connection).toBe(before.connection);
    expect(after.county).toBe(before.county);
    expect(before.work.verdict).toBeNull();
  });

  it('stops telling a listener that unsubscribed', () => {
    const store = createStore(initialState());
    let n = 0;
    const off = store.subscribe(() => n++);
    store.set({ layout: 'wide' });
    off();
    store.set({ layout: 'narrow' });
    expect(n).toBe(1);
  });

  it('starts disconnected, with the default standard and a caveat saying so', () => {
    const s = initialState('http://h:1');
    expect(s.connection).toMatchObject({ phase: 'idle', serverUrl: 'http://h:1', me: null });
    expect(s.connection.scheme.caveat).toContain('默认标准');
  });
});
