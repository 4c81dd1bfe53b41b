// An in-memory PartSink for the lean writer's tests: each part's text as head + body + tail.
import type { Part, PartSink } from '../../../../shared/print/lean/part';

export class TextSink implements PartSink {
  readonly order: string[] = [];
  private readonly parts = new Map<string, { body: string; text: string | null }>();

  part(path: string): Part {
    const p = { body: '', text: null as string | null };
    this.parts.set(path, p);
    this.order.push(path);
    return {
      write: (t) => {
        if (p.text !== null) throw new Error(`${path} written after its end`);
        p.body += t;
      },
      end: (head, tail) => {
        p.text = head + p.body + tail;
      },
    };
  }

  /** A part's whole text; throws when it was not ended. */
  text(path: string): string {
    const t = this.parts.get(path)?.text;
    if (t === null || t === undefined) throw new Error(`${path} not ended`);
    return t;
  }

  /** What a part holds so far (before its end). */
  body(path: string): string {
    return this.parts.get(path)?.body ?? '';
  }
}
