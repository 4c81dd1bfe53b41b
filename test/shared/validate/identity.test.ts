// Whose workbook is this: one rule, one code and one severity per case, for the pane and the server.
import { TEMPLATE_ID, TEMPLATE_VERSION, checkIdentity, defaultScheme, defaultSchemeInput, hasErrors, readSubmission, sameUnit, schemeFingerprint, schemeSchema, type IdentityFacts } from '../../../shared';
import { CAMPAIGN, TOWNSHIP, filledWorkbook } from '../../helpers/workbooks';

interface F {
  template?: boolean;
  campaignId?: string;
  townshipId?: string;
  templateTownship?: string;
  filled?: string | null;
  fingerprint?: string;
  version?: string;
}

function facts(f: F): IdentityFacts {
  const t = f.template ?? true;
  return {
    templateId: t ? TEMPLATE_ID : '',
    templateVersion: t ? (f.version ?? TEMPLATE_VERSION) : '',
    schemeId: 'default6',
    schemeFingerprint: f.fingerprint ?? schemeFingerprint(defaultScheme),
    campaignId: t ? (f.campaignId ?? CAMPAIGN) : null,
    townshipId: t ? (f.townshipId ?? TOWNSHIP.id) : null,
    origin: {
      templateTownship: t ? (f.templateTownship ?? TOWNSHIP.name) : null,
      schemeVersion: t ? defaultScheme.version : null,
      filledTownship: { text: f.filled === undefined ? '城关镇党委' : f.filled, sheet: '分类定级情况一览表', cell: 'B2' },
    },
  };
}

const owner = { campaignId: CAMPAIGN, township: TOWNSHIP };

test.each<[string, F, string[], string | null]>([
  ['our template, ours', {}, [], null],
  ['our template, 填报单位 written 中共城关镇委员会（盖章）', { filled: '中共城关镇委员会（盖章）' }, [], null],
  ['another campaign’s template', { campaignId: 'c2025' }, ['UPLOAD_OTHER_CAMPAIGN:error'], 'UPLOAD_OTHER_CAMPAIGN'],
  ['another township’s template', { townshipId: 'dongshan', templateTownship: '东山镇', filled: '东山镇党委' }, ['UPLOAD_OTHER_TOWNSHIP:error'], 'UPLOAD_OTHER_TOWNSHIP'],
  ['our template, 填报单位 names another unit', { filled: '东山镇党委' }, ['OWNER_NAME_DIFFERS:warning'], null],
  ['hand-made, 填报单位 another township', { template: false, filled: '东山镇党委' }, ['OWNER_NAME_MISMATCH:error'], 'UPLOAD_REFUSED'],
  ['hand-made, 填报单位 ours in Traditional', { template: false, filled: '城關鎮黨委' }, [], null],
  ['hand-made, 填报单位 ours without 镇', { template: false, filled: '城关' }, [], null],
  ['hand-made, 填报单位 blank (INFO_BLANK says so)', { template: false, filled: null }, [], null],
])('%s → %p', (_n, f, want, refusal) => {
  const v = checkIdentity(facts(f), owner);
  expect(v.issues.map((i) => `${i.code}:${i.severity}`)).toEqual(want);
  expect(v.refusal?.code ?? null).toBe(refusal);
});

test('on a template the metadata decides; a 填报单位 naming another unit is only worth a warning', () => {
  const v = checkIdentity(facts({ filled: '东山镇党委' }), owner);
  expect(v.issues.map((i) => [i.code, i.cell, i.message])).toEqual([
    ['OWNER_NAME_DIFFERS', 'B2', '工作表“分类定级情况一览表”B2 单元格：模板是发给“城关镇”的，但填报单位写的是“东山镇党委”，请核对'],
  ]);
});

test('the refusal carries the names the message shows', () => {
  const v = checkIdentity(facts({ townshipId: 'dongshan', templateTownship: '东山镇' }), owner);
  expect(v.refusal).toEqual({ code: 'UPLOAD_OTHER_TOWNSHIP', params: { found: '东山镇', expected: '城关镇' } });
  expect(v.issues[0]?.message).toBe('这份工作簿是发给“东山镇”的模板，不能作为“城关镇”的报表上报；请下载本单位的模板填写');
});

test('a 填报单位 that names another township points at its cell', () => {
  const [i] = checkIdentity(facts({ template: false, filled: '东山镇党委' }), owner).issues;
  expect(i).toMatchObject({ code: 'OWNER_NAME_MISMATCH', severity: 'error', sheet: '分类定级情况一览表', cell: 'B2' });
  expect(i?.message).toBe('工作表“分类定级情况一览表”B2 单元格：填报单位“东山镇党委”不是本单位“城关镇”，不能作为本单位的报表上报；请上报本单位的报表，或改正填报单位');
});

test.each<[string, F, string[]]>([
  ['our template under our scheme', {}, []],
  ['a hand-made sheet', { template: false }, ['TEMPLATE_META_MISSING:info']],
  ['another layout version', { version: '0' }, ['TEMPLATE_VERSION_UNSUPPORTED:warning']],
  ['another scheme', { fingerprint: '0000000000000000' }, ['SCHEME_MISMATCH:warning']],
])('the scheme part (the reader passes the campaign’s scheme): %s → %p', (_n, f, want) => {
  expect(checkIdentity(facts(f), { scheme: defaultScheme }).issues.map((i) => `${i.code}:${i.severity}`)).toEqual(want);
});

test('a workbook whose scheme differs only in version: the same warning in the pane and on the server, never a refusal', async () => {
  // Both read with the campaign's scheme (readSubmission) and then ask checkIdentity about the owner.
  const campaignScheme = schemeSchema.parse({ ...defaultSchemeInput, version: '2027.1' });
  const read = await readSubmission(await filledWorkbook({ n: 12 }), campaignScheme);
  const v = checkIdentity(read.submission!, owner);
  expect(read.issues.filter((i) => i.code === 'SCHEME_MISMATCH').map((i) => i.severity)).toEqual(['warning']);
  expect(hasErrors([...read.issues, ...v.issues])).toBe(false);
  expect(v.refusal).toBeNull();
});

test.each<[string, string, boolean]>([
  ['城关镇党委', '城关镇', true],
  ['中共城关镇委员会', '城关镇', true],
  ['城关镇人民政府', '城关镇', true],
  ['城關鎮黨委（蓋章）', '城关镇', true],
  ['城关', '城关镇', true],
  ['城关镇', '城关镇党委', true],
  ['东山镇党委', '城关镇', false],
  ['县委组织部', '城关镇', false],
  ['党委', '城关镇', false],
])('sameUnit(%p, %p) → %p', (a, b, want) => expect(sameUnit(a, b)).toBe(want));
