// The 等次 column's header words, as a range taken with its header hands them to the quota count.
import { isGradeHeader } from '../../../shared/template/header-words';

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
