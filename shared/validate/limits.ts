// Longest text each field may hold, whatever the scheme. A name or a measure longer than this is a
// paste gone wrong or an attack (one 1,000,000-character name spoiled a county workbook); real
// values are far shorter. Messages quote only a short prefix (makeIssue cuts params to 40).
export const TEXT_LIMITS = {
  name: 100,
  committee: 100,
  parent: 100,
  explanation: 1000,
  remark: 500,
  problems: 1000,
  measures: 1000,
  owner: 50,
  deadline: 50,
  status: 500,
  township: 100,
  filledBy: 50,
  phone: 50,
  filledOn: 50,
  itemId: 64,
} as const;

export type LimitedField = keyof typeof TEXT_LIMITS;
