import { inlineRows, itemText, joinedRows, textWidth } from '../../../shared/print';

describe('unit/date and signature blocks', () => {
  const widths = [5, 10, 24, 18, 6, 6, 26, 10];

  test('a label gets columns until it fits, so 填报单位（盖章）： is never clipped', () => {
    const [row] = inlineRows([{ label: '填报单位（盖章）', value: '城关镇', blank: 16 }], widths);
    const s = row?.[0];
    if (!s) throw new Error('no span');
    const labelWidth = widths.slice(s.labelFrom, s.labelTo + 1).reduce((a, b) => a + b, 0);
    expect(labelWidth).toBeGreaterThanOrEqual(textWidth('填报单位（盖章）：'));
    expect(s.valueFrom).toBe(s.labelTo + 1);
  });

  test('items that do not fit start a new row; spans never overlap', () => {
    const rows = inlineRows([{ label: '填报单位（盖章）', blank: 30 }, { label: '填报人' }, { label: '联系电话', blank: 30 }, { label: '填报日期' }], widths);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) {
      let end = -1;
      for (const s of r) {
        expect(s.labelFrom).toBeGreaterThan(end);
        expect(s.valueTo).toBeGreaterThanOrEqual(s.valueFrom);
        end = s.valueTo;
      }
      expect(end).toBe(widths.length - 1);
    }
  });

  test('the value space is fixed by `blank`, whatever the value (the filler finds the same cells)', () => {
    const a = inlineRows([{ label: '填报单位（盖章）', value: null, blank: 16 }, { label: '填报人' }], widths);
    const b = inlineRows([{ label: '填报单位（盖章）', value: '很长很长的乡镇名称', blank: 16 }, { label: '填报人' }], widths);
    const cols = (x: typeof a) => x.map((r) => r.map(({ item: _i, ...span }) => span));
    expect(cols(a)).toEqual(cols(b));
  });

  test.each([
    [{ label: '制表人' }, '制表人：＿＿＿＿＿＿'],
    [{ label: '联系电话', blank: 16 }, '联系电话：＿＿＿＿＿＿＿＿'],
    [{ label: '填报单位（盖章）', value: '青山县委组织部' }, '填报单位（盖章）：青山县委组织部'],
    [{ label: '审核人：' }, '审核人：＿＿＿＿＿＿'],
  ])('itemText(%j) = %s', (item, text) => {
    expect(itemText(item)).toBe(text);
  });

  test('printed items: first at the left, last reaching the right edge, each wide enough', () => {
    const rows = joinedRows([{ label: '制表人' }, { label: '审核人' }, { label: '联系电话', blank: 16 }], widths);
    expect(rows).toHaveLength(1);
    const r = rows[0] ?? [];
    expect(r[0]?.from).toBe(0);
    expect(r[r.length - 1]?.to).toBe(widths.length - 1);
    for (const s of r) expect(widths.slice(s.from, s.to + 1).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(textWidth(s.text));
  });
});

describe('printed items spread over the row keep the room their text needs', () => {
  // 未晋位升级名单: 序号, 乡镇（街道）, two names, two grades, 说明 — the date moved right by whole
  // columns landed on 说明 alone and printed “填报日期：2026-12-”.
  test.each<[string, number[], Array<{ label: string; value?: string; blank?: number }>]>([
    ['unit and date over narrow columns on the right', [5, 13, 22, 22, 7, 7, 18], [{ label: '填报单位（盖章）', value: '青山县委组织部' }, { label: '填报日期', value: '2026-12-08' }]],
    ['signature lines over the same', [5, 13, 22, 22, 7, 7, 18], [{ label: '制表人' }, { label: '审核人' }, { label: '联系电话', blank: 16 }]],
    ['unit and date over wide columns', [5, 10, 24, 18, 6, 6, 26, 10], [{ label: '填报单位（盖章）', value: '青山县委组织部' }, { label: '填报日期', value: '2026-12-08' }]],
    ['the date alone on the right of many narrow columns', [30, 4, 4, 4, 4, 4, 4, 4, 4], [{ label: '填报单位（盖章）', value: '青山县委组织部' }, { label: '填报日期', value: '2026-12-08' }]],
  ])('%s', (_what, widths, items) => {
    for (const r of joinedRows(items, widths)) {
      let end = -1;
      for (const s of r) {
        expect([s.text, s.from > end]).toEqual([s.text, true]);
        expect([s.text, widths.slice(s.from, s.to + 1).reduce((a, b) => a + b, 0) >= textWidth(s.text) + 1]).toEqual([s.text, true]);
        end = s.to;
      }
      expect(end).toBe(widths.length - 1);
    }
  });
});
