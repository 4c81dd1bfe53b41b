import { chooseScheme } from '../../../addin/taskpane/scheme';
import { defaultScheme, defaultSchemeInput, yichunScheme } from '../../../shared/scheme/default';
import { schemeFingerprint } from '../../../shared/scheme/lookup';
import type { Campaign } from '../../../shared/api/contract';

const campaign = (schemeId: string, schemeFingerprint: string): Campaign => ({
  id: 'c2026', year: 2026, county: '某县', deadline: '2026-04-25', townships: [], schemeId, schemeFingerprint, createdAt: '2026-01-01T00:00:00Z',
});

describe('chooseScheme', () => {
  it('without a campaign uses the default and says the server decides', () => {
    const c = chooseScheme(null, undefined);
    expect(c.scheme).toBe(defaultScheme);
    expect(c.caveat).toContain('默认标准');
  });

  it('uses the scheme the server sent', () => {
    const sent = { ...defaultSchemeInput, id: 'county7', name: '某县标准' };
    const c = chooseScheme(campaign('county7', 'whatever'), sent);
    expect(c.scheme.id).toBe('county7');
    expect(c.caveat).toBeNull();
  });

  it('finds a built-in scheme by fingerprint', () => {
    const c = chooseScheme(campaign('yichun5', schemeFingerprint(yichunScheme)), undefined);
    expect(c.scheme).toBe(yichunScheme);
    expect(c.caveat).toBeNull();
  });

  it('warns when nothing matches the county fingerprint', () => {
    const c = chooseScheme(campaign('default6', '0000000000000000'), { bad: true });
    expect(c.scheme).toBe(defaultScheme);
    expect(c.caveat).toContain('仅供参考');
  });
});
