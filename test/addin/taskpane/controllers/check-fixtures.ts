// Shared by the check/upload controller tests: a checked workbook's result, issues on its rows, and a
// controller wired to fakes (optionally to Excel through office-addin-mock).
import { makeIssue } from '../../../../shared/issues/catalogue';
import type { OrgRow, ReadResult, Submission } from '../../../../shared/submission/types';
import { defaultScheme } from '../../../../shared/scheme/default';
import { DETAIL_SHEET, RECT_SHEET } from '../../../../shared/template/definition';
import { CheckUploadController } from '../../../../addin/taskpane/controllers/check-upload';
import { capabilities } from '../../../../addin/taskpane/host/capabilities';
import type { ExcelPort, WorkbookReader } from '../../../../addin/taskpane/ports';
import { createStore, initialState, type AppState, type Store } from '../../../../addin/taskpane/state';
import { browserCaps, connectedStore, FakeFiles, FakeServer, fixedReader, TOWNSHIP_ME } from './fakes';
export function org(row: number, name: string): OrgRow {
  return { row, seq: row - 4, name, committee: null, category: 'village', orgType: null, parentName: null, members: null, scores: [], total: 0, grade: 'good', flags: { forcedBottom: false, newlyEstablished: false }, explanation: '', remark: '' };
}

export function submission(orgs: OrgRow[], ids: Partial<Submission> = {}): Submission {
  return { templateId: 't', templateVersion: '1', schemeId: defaultScheme.id, schemeFingerprint: '', campaignId: 'c2026', townshipId: 'chengguan', township: '城关镇', filledBy: '', phone: '', filledOn: null, orgs, rectifications: [{ row: 4, orgName: '西村党支部', problems: '', measures: '', owner: '', deadline: null, status: '' }], ...ids };
}

export const SUB = submission([org(5, '东山村党支部'), org(6, '西村党支部')]);
export const scoreError = makeIssue('SCORE_OUT_OF_RANGE', { name: '“工作业绩”', value: 120, max: 20 }, { sheet: DETAIL_SHEET, cell: 'M5' });
export const gradeError = makeIssue('GRADE_UNKNOWN', { value: '优秀', allowed: '好、较好、一般、较差' }, { sheet: DETAIL_SHEET, cell: 'P6' });
export const rectWarning = makeIssue('RECT_FIELD_BLANK', { field: '完成时限' }, { sheet: RECT_SHEET, cell: 'E4', org: '西村党支部' });
export const withErrors: ReadResult = { issues: [scoreError, gradeError], submission: SUB, quota: null };
export const clean: ReadResult = { issues: [], submission: SUB, quota: null };

export interface Setup {
  server: FakeServer;
  store: Store<AppState>;
  files: FakeFiles;
  ctl: CheckUploadController;
  lost: string[];
}

export function setup(read: WorkbookReader | ReadResult = clean, o: { excel?: ExcelPort; me?: typeof TOWNSHIP_ME; connected?: boolean; afterUpload?: () => Promise<void> } = {}): Setup {
  const server = new FakeServer();
  const connected = o.connected === false ? { store: createStore(initialState()), session: { api: null } } : connectedStore(server, o.me ?? TOWNSHIP_ME);
  const files = new FakeFiles();
  const lost: string[] = [];
  const reader = 'read' in read ? read : fixedReader(read);
  const caps = o.excel ? capabilities(true, () => true) : browserCaps;
  const ctl = new CheckUploadController(connected.store, { caps, excel: o.excel ?? null, files, reader, ...(o.afterUpload ? { afterUpload: o.afterUpload } : {}) }, connected.session, (m) => lost.push(m));
  return { server, store: connected.store, files, ctl, lost };
}

