// The 等次 and 总分 columns' header words, as a range taken with its header hands them to the functions.
import { isGradeHeader, isTotalHeader } from '../../../shared/template/header-words';

test.each<[string, boolean]>([
  ['等次', true],
  [' 等 次 ', true],
  ['評定等次', true],
  ['定级等次', true],
  ['等次（好/较好/一般/较差）', true],
  ['等级(四档)', true],
  ['好', false],
  ['较差', false],
  ['优秀', false],
  ['等次说明', false],
  ['', false],
])('%p → %p', (text, header) => {
  expect(isGradeHeader(text)).toBe(header);
});

test.each<[string, boolean]>([
  ['总分', true],
  ['总分（100分）', true],
  ['總分(100分)', true],
  [' 综合得分 ', true],
  ['92', false],
  ['九十', false],
  ['总分说明', false],
])('isTotalHeader(%p) → %p', (text, header) => {
  expect(isTotalHeader(text)).toBe(header);
});
