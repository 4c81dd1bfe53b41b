// A receipt's warnings: the reader's RECT_MISSING (“定为较差，但整改台账中没有该党组织的整改事项”)
// is left out for an organization the ledger just gave an item: a blank one opened, or its 销号
// item reopened (复号), which the sheet could not list. Other organizations keep theirs.
import { withLedgerIssues } from '../../../functions/src/ledger/upload';
import { makeIssue } from '../../../shared/issues/catalogue';
import type { Issue } from '../../../shared/issues/types';

const where = (org: string) => ({ sheet: '一览表', cell: 'D6', org });
const rectMissing = (org: string) => makeIssue('RECT_MISSING', { grade: '较差' }, where(org));
const opened = (name: string) => makeIssue('LEDGER_ITEM_MISSING', { name, grade: '较差' });
const reopened = (name: string) => makeIssue('LEDGER_REOPENED_POOR', { name, grade: '较差', matter: '活动阵地简陋' });
const kept = (name: string) => makeIssue('LEDGER_CLOSED_KEPT', { name, matter: '活动阵地简陋' });
const codes = (xs: Issue[]) => xs.map((i) => `${i.code} ${i.org ?? String(i.params?.name ?? '')}`);

describe('withLedgerIssues', () => {
  it.each<[string, Issue[], Issue[], string[]]>([
    ['a blank item opened: only the ledger’s says so', [rectMissing('东山村党支部')], [opened('东山村党支部')], ['LEDGER_ITEM_MISSING 东山村党支部']],
    ['its 销号 item reopened: no “没有整改事项” beside 已复号', [rectMissing('东山村党支部')], [reopened('东山村党支部')], ['LEDGER_REOPENED_POOR 东山村党支部']],
    ['the same organization in Traditional characters', [rectMissing('東山村黨支部')], [reopened('东山村党支部')], ['LEDGER_REOPENED_POOR 东山村党支部']],
    ['another organization keeps its warning', [rectMissing('西河村党支部')], [reopened('东山村党支部')], ['RECT_MISSING 西河村党支部', 'LEDGER_REOPENED_POOR 东山村党支部']],
    ['a ledger issue that gives no item leaves it', [rectMissing('东山村党支部')], [kept('东山村党支部')], ['RECT_MISSING 东山村党支部', 'LEDGER_CLOSED_KEPT 东山村党支部']],
  ])('%s', (_what, warnings, ledger, want) => {
    expect(codes(withLedgerIssues(warnings, ledger))).toEqual(want);
  });
});
