import { normalizeLabel } from '../../../shared';
import { splitHeader, splitLabel } from '../../../shared/template/definition';

test.each<[string, { label: string; max: number | null }]>([
  ['组织建设（15分）', { label: '组织建设', max: 15 }],
  ['总分（满分100分）', { label: '总分', max: 100 }],
  ['工作业绩 (20)', { label: '工作业绩', max: 20 }],
  ['群众反映（２０．５分）', { label: '群众反映', max: 20.5 }],
  ['东山村党支部', { label: '东山村党支部', max: null }],
  ['东山村党支部（一）', { label: '东山村党支部(一)', max: null }],
  ['', { label: '', max: null }],
])('splitHeader(%p), and splitLabel of its normalized text', (text, parts) => {
  expect(splitHeader(text)).toEqual(parts);
  expect(splitLabel(normalizeLabel(text))).toEqual(parts);
});
