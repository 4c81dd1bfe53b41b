import { cleanName } from '../../../shared/text/name';
import { orgKey } from '../../../shared/text/normalize';

// A name as stored: what a clerk's cell holds → what the county reads back.
test.each([
  ['东山村党支部', '东山村党支部'],
  // Alt+Enter in Excel wraps a long name: the line break is layout, not a word gap.
  ['东山村\n党支部', '东山村党支部'],
  ['东山村\r\n党支部', '东山村党支部'],
  ['青山县人民医院\n第一党支部', '青山县人民医院第一党支部'],
  ['中共东山村\n委员会 ', '中共东山村委员会'],
  // Spaces padding or separating Chinese characters.
  ['东山村 党支部', '东山村党支部'],
  ['  城关镇\u3000 第一  支部 ', '城关镇第一支部'],
  ['张  三', '张三'],
  ['东山村（一组）\n党支部', '东山村(一组)党支部'],
  // Full-width forms become half-width, as before.
  ['ＡＢＣ科技公司党支部', 'ABC科技公司党支部'],
  // Latin words keep one space between them; a line break next to a Chinese character goes.
  ['ABC  Technology 党支部', 'ABC Technology 党支部'],
  ['ABC\nTechnology\n党支部', 'ABC Technology党支部'],
  ['华为 ABC', '华为 ABC'],
  // Traditional characters are kept as typed (the roster's spelling replaces them where the organization is on it).
  ['東山村黨支部', '東山村黨支部'],
  ['', ''],
  ['  ', ''],
])('cleanName(%j) is %j', (typed, stored) => {
  expect(cleanName(typed)).toBe(stored);
  // Never a different organization than the one typed.
  expect(orgKey(cleanName(typed))).toBe(orgKey(typed));
});
