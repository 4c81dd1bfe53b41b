// The reader's one way out of a file it will not read: an issue (a catalogue code in Chinese)
// thrown from deep inside inflating or parsing and caught once at the door, so every bound can
// stop the work the moment it is crossed.
import type { Issue } from '../issues/types';

export class Refusal extends Error {
  constructor(readonly issue: Issue) {
    super(issue.code);
  }
}

export function refuse(issue: Issue): never {
  throw new Refusal(issue);
}
