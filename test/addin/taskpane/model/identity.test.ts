import { issueText } from '../../../../shared/issues/catalogue';
import type { Submission } from '../../../../shared/submission/types';
import { TEMPLATE_ID } from '../../../../shared/template/definition';
import { templateIdentityIssue } from '../../../../addin/taskpane/model/identity';
import { CAMPAIGN } from '../controllers/fakes';

const sub = (ids: Partial<Submission>): Submission => ({
  templateId: TEMPLATE_ID,
  templateVersion: '1',
  schemeId: 'x',
  schemeFingerprint: CAMPAIGN.schemeFingerprint,
  campaignId: 'c2026',
  townshipId: 'chengguan',
  township: '',
  filledBy: '',
  phone: '',
  filledOn: null,
  orgs: [],
  rectifications: [],
  ...ids,
});

describe('templateIdentityIssue (the shared identity rule: the server’s sentences)', () => {
  it.each([
    ['its own template', {}, null],
    ['a hand-made sheet without metadata', { templateId: '', campaignId: null, townshipId: null, schemeFingerprint: '' }, null],
    ['another township’s template', { townshipId: 'dongshan', origin: { templateTownship: '东山乡', schemeVersion: '', filledTownship: null } }, issueText('UPLOAD_OTHER_TOWNSHIP', { found: '东山乡', expected: '城关镇' })],
    ['another campaign’s template', { campaignId: 'c2025', townshipId: 'dongshan' }, issueText('UPLOAD_OTHER_CAMPAIGN', { found: 'c2025', expected: 'c2026' })],
    ['a template under another version of the standard (a warning, checked cell by cell)', { schemeFingerprint: 'other' }, null],
    [
      'a hand-made sheet whose 填报单位 names another township',
      { templateId: '', campaignId: null, townshipId: null, origin: { templateTownship: '', schemeVersion: '', filledTownship: { text: '东山乡党委', sheet: '一览表', cell: 'B2' } } },
      issueText('OWNER_NAME_MISMATCH', { found: '东山乡党委', expected: '城关镇' }),
    ],
  ] as Array<[string, Partial<Submission>, string | null]>)('%s', (_what, ids, text) => {
    const issue = templateIdentityIssue(sub(ids), { campaign: CAMPAIGN, townshipId: 'chengguan' });
    if (text === null) expect(issue).toBeNull();
    else expect(issue).toMatchObject({ severity: 'error' });
    if (text !== null) expect(issue?.message.endsWith(text)).toBe(true);
  });

  it('has nothing to say about a workbook that could not be read', () => {
    expect(templateIdentityIssue(null, { campaign: CAMPAIGN, townshipId: 'chengguan' })).toBeNull();
  });
});
