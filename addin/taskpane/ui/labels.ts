// State labels have one owner (shared/review), so the pane says what the county workbook says.
export { REVIEW_ACTION_DONE as ACTION_DONE, REVIEW_STATE_LABEL as STATE_LABEL, REVIEW_STATE_SHORT as STATE_SHORT } from '../../../shared/review/machine';

export const ROLE_LABEL = { county: '县委组织部', township: '乡镇（街道）党(工)委' } as const;

// Times are shown in Beijing time whatever the clerk's computer is set to, as the county's sheets
// print them: one formatter (shared/consolidate/deadline.ts), named here for the pane's views.
export { beijingText as formatTime } from '../../../shared/consolidate/deadline';

/** Hash abbreviated for reading aloud over the phone; the full one is in the title attribute. */
export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}
