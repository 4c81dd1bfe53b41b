// 派发表: one line per township with its invitation link and expiry, for the county to print,
// stamp and hand out (or send each township its own line). Laid out by the print standard
// (shared/print): A4 landscape, title, the header on every page, the unit/date to stamp in every page's footer.
import type { AccessList } from '../../../shared/api/contract';
import type { CampaignKind } from '../../../shared/api/campaign';
import { beijingDay, beijingText } from '../../../shared/consolidate/deadline';
import { dispatchTitle } from '../../../shared/consolidate/titles';
import { writePrintedSheet } from '../../../shared/print/writer';
import { newWorkbook, workbookBytes } from '../../../shared/template/excel';

export const DISPATCH_SHEET = '上报链接派发表';

const STATUS_TEXT = { none: '未发放', active: '有效', expired: '已过期', revoked: '已收回' } as const;

export async function dispatchSheet(o: { county: string; department: string; year: number; kind?: CampaignKind | undefined; deadline: string; access: AccessList; now: number }): Promise<Uint8Array> {
  const wb = await newWorkbook();
  wb.creator = o.department;
  writePrintedSheet(
    wb,
    {
      name: DISPATCH_SHEET,
      title: dispatchTitle(o),
      notes: [`各乡镇（街道）党（工）委请在电脑浏览器中打开本单位的链接，下载模板、填报并于 ${o.deadline} 前上报。链接仅限本单位使用，请勿转发；遗失或泄露请联系${o.department}重新发放。`],
      orientation: 'landscape',
      columns: [
        { header: '序号', kind: 'seq', width: 6 },
        { header: '乡镇（街道）', kind: 'center', width: 16 },
        { header: '上报链接', kind: 'text', width: 90 },
        { header: '有效期至（北京时间）', kind: 'center', width: 18 },
        { header: '状态', kind: 'center', width: 8 },
        { header: '签收人', kind: 'center', width: 10 },
      ],
      signature: [
        { label: '发放单位（盖章）', value: o.department },
        { label: '发放日期', value: beijingDay(o.now) },
      ],
    },
    o.access.townships.map((t, i) => [i + 1, t.townshipName, t.link ?? '', t.expiresAt ? beijingText(t.expiresAt) : '', STATUS_TEXT[t.status], '']),
    '本次没有需要派发链接的乡镇（街道）。',
  );
  return workbookBytes(wb);
}
