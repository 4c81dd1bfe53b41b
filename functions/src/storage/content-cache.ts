// Parsed content-named blobs (a campaign revision, an organizations snapshot) kept in the process:
// such a blob never changes, so a kept copy is always right. Bounded by the bytes of the blobs it
// holds, not only by their number: a county's campaign with a large roster is megabytes of JSON,
// and a count alone let a few hundred of them stay in memory. Least recently used goes first.
export class ContentCache<T> {
  private readonly entries = new Map<string, { value: T; bytes: number }>();
  private held = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxEntries: number,
  ) {}

  get(name: string): T | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    // Map keeps insertion order: re-inserting makes it the most recently used.
    this.entries.delete(name);
    this.entries.set(name, e);
    return e.value;
  }

  /** Keeps `value` (parsed from `bytes` bytes of blob), dropping the least recently used to make room; one larger than the whole budget is not kept. */
  set(name: string, value: T, bytes: number): void {
    const old = this.entries.get(name);
    if (old) {
      this.entries.delete(name);
      this.held -= old.bytes;
    }
    if (bytes > this.maxBytes) return;
    for (const [k, e] of this.entries) {
      if (this.held + bytes <= this.maxBytes && this.entries.size < this.maxEntries) break;
      this.entries.delete(k);
      this.held -= e.bytes;
    }
    this.entries.set(name, { value, bytes });
    this.held += bytes;
  }

  /** Bytes of blob held, and how many (for tests and logs). */
  stats(): { bytes: number; entries: number } {
    return { bytes: this.held, entries: this.entries.size };
  }
}
