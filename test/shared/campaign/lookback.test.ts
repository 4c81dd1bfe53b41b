// A 回头看's townships (one rule for the campaign form and the server) and the past-deadline warning.
import { lookbackTownships, pastDeadline } from '../../../shared/campaign/lookback';

const REVIEWED = [
  { id: 'dongshan', name: '东山镇' },
  { id: 'xishan', name: '西山镇' },
];

describe('lookbackTownships', () => {
  it.each<[string, ReadonlyArray<{ id?: string; name: string }>, typeof REVIEWED | null, ReturnType<typeof lookbackTownships>]>([
    ['by name, in the order asked', [{ name: '西山镇' }, { name: '东山镇' }], REVIEWED, { ok: true, townships: [REVIEWED[1]!, REVIEWED[0]!] }],
    ['a subset', [{ name: '东山镇' }], REVIEWED, { ok: true, townships: [REVIEWED[0]!] }],
    ['by id, whatever the name says', [{ id: 'xishan', name: '西山' }], REVIEWED, { ok: true, townships: [REVIEWED[1]!] }],
    ['names compared as normalized (Traditional, spaces)', [{ name: '東山 镇' }], REVIEWED, { ok: true, townships: [REVIEWED[0]!] }],
    ['a township the grading does not have', [{ name: '东山镇' }, { name: '南岭乡' }], REVIEWED, { ok: false, problem: 'unknown', name: '南岭乡' }],
    ['an id the grading does not have', [{ id: 'nanling', name: '东山镇' }], REVIEWED, { ok: false, problem: 'unknown', name: '东山镇' }],
    ['one township twice', [{ name: '东山镇' }, { name: '西山镇' }, { name: '東山镇' }], REVIEWED, { ok: false, problem: 'duplicate', name: '東山镇' }],
    ['twice by id and by name', [{ id: 'dongshan', name: '甲' }, { name: '东山镇' }], REVIEWED, { ok: false, problem: 'duplicate', name: '东山镇' }],
    ['the first problem is the one said', [{ name: '南岭乡' }, { name: '南岭乡' }], REVIEWED, { ok: false, problem: 'unknown', name: '南岭乡' }],
    ['not read yet: only repeats are found', [{ name: '南岭乡' }, { name: '北坪镇' }], null, { ok: true, townships: [] }],
    ['not read yet: a repeat', [{ name: '南岭乡' }, { name: '南岭乡' }], null, { ok: false, problem: 'duplicate', name: '南岭乡' }],
  ])('%s', (_name, asked, reviewed, expected) => {
    expect(lookbackTownships(reviewed, asked)).toEqual(expected);
  });
});

describe('pastDeadline', () => {
  // 2026-04-25 ends at 2026-04-25T15:59:59.999Z (Beijing midnight).
  const end = Date.parse('2026-04-25T16:00:00Z');
  it.each<[string, number, boolean]>([
    ['during the deadline day in Beijing', end - 1, false],
    ['the first moment after it', end, true],
    ['a day later', end + 86_400_000, true],
  ])('%s', (_name, now, past) => {
    const issue = pastDeadline('2026-04-25', now);
    expect(issue?.code ?? null).toBe(past ? 'DEADLINE_PAST' : null);
    if (issue) expect(issue.message).toContain('2026-04-25');
  });
});
