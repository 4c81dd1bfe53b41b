import { issueText } from '../../../../shared/issues/catalogue';
import type { Submission } from '../../../../shared/submission/types';
import { META_SHEET } from '../../../../shared/template/definition';
import { templateIdentityIssue } from '../../../../addin/taskpane/model/identity';
import { CAMPAIGN } from '../controllers/fakes';

const sub = (ids: Partial<Submission>): Submission => ({
  templateId: 't',
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

describe('templateIdentityIssue (the server’s sentences, at the metadata sheet)', () => {
  it.each([
    ['its own template', {}, null],
    ['a hand-made sheet without metadata', { campaignId: null, townshipId: null, schemeFingerprint: '' }, null],
    ['another township’s template', { townshipId: 'dongshan' }, issueText('UPLOAD_OTHER_TOWNSHIP', { found: '东山乡', expected: '城关镇' })],
    ['a township the campaign does not list', { townshipId: 'nowhere' }, issueText('UPLOAD_OTHER_TOWNSHIP', { found: 'nowhere', expected: '城关镇' })],
    ['another campaign’s template', { campaignId: 'c2025', townshipId: 'dongshan' }, issueText('UPLOAD_OTHER_CAMPAIGN', { found: 'c2025', expected: 'c2026' })],
    ['a template under another standard', { schemeFingerprint: 'other' }, issueText('UPLOAD_OTHER_SCHEME')],
  ] as Array<[string, Partial<Submission>, string | null]>)('%s', (_what, ids, text) => {
    const issue = templateIdentityIssue(sub(ids), { campaign: CAMPAIGN, townshipId: 'chengguan' });
    if (text === null) expect(issue).toBeNull();
    else expect(issue).toMatchObject({ severity: 'error', sheet: META_SHEET, message: `工作表“${META_SHEET}”：${text}` });
  });

  it('has nothing to say about a workbook that could not be read', () => {
    expect(templateIdentityIssue(null, { campaign: CAMPAIGN, townshipId: 'chengguan' })).toBeNull();
  });
});
