// The zip container of the lean .xlsx writer (shared/print/lean): each part is deflated as it is
// written, in pieces of about PIECE bytes, and only the compressed bytes are kept. Every piece
// is compressed on its own (deflater.ts) and all but the last of a part end on a sync flush, so
// the pieces joined are one valid deflate stream; the part's head, given at its end, is such a
// piece put first, its CRC combined in front of the rest (crc.ts). Sizes are known when the
// archive is assembled, so local headers carry them (no data descriptors). No ZIP64: a part or the
// archive past 4 GiB, or more than 65,535 parts, is refused rather than written wrong.
import { crc32 } from 'node:zlib';
import type { Part, PartSink } from '../../../shared';
import { crc32Combine } from './crc';
import { Deflater, PIECE, type Slot } from './deflater';

const MAX32 = 0xffffffff;

class DeflatedPart implements Part {
  /** Text encoded as it comes (each row into the piece's buffer, while it is small and hot). */
  private buf: Buffer | null = null;
  private used = 0;
  private readonly body: Slot[] = [];
  /** CRC and length of the body so far. */
  private crc = 0;
  private size = 0;
  done: { slots: Slot[]; crc: number; size: number } | null = null;

  constructor(
    readonly path: string,
    private readonly deflater: Deflater,
  ) {}

  private add(raw: Buffer, owner?: Buffer): void {
    this.crc = crc32(raw, this.crc);
    this.size += raw.length;
    this.body.push(this.deflater.piece(raw, false, owner));
  }

  private flush(): void {
    if (this.buf && this.used) this.add(this.buf.subarray(0, this.used), this.buf);
    else this.deflater.release(this.buf ?? undefined);
    this.buf = null;
    this.used = 0;
  }

  write(text: string): void {
    if (this.done) throw new Error(`zip: part ${this.path} is closed`);
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    if (text.length * 3 > PIECE - this.used) {
      this.flush();
      if (text.length * 3 > PIECE) return this.add(Buffer.from(text, 'utf8'));
    }
    this.buf ??= this.deflater.buffer();
    this.used += this.buf.write(text, this.used, 'utf8');
  }

  end(head: string, tail: string): void {
    this.write(tail);
    const last = this.buf ? this.buf.subarray(0, this.used) : Buffer.alloc(0);
    const crc = crc32(last, this.crc);
    const bodySize = this.size + last.length;
    const final = this.deflater.piece(last, true, this.buf ?? undefined);
    this.buf = null;
    // The head, known only now, is a piece of its own put first, its CRC combined in front.
    const h = Buffer.from(head, 'utf8');
    const size = h.length + bodySize;
    if (size > MAX32) throw new Error(`zip: part ${this.path} is larger than 4 GiB`);
    this.done = { slots: [this.deflater.piece(h, false), ...this.body, final], crc: crc32Combine(crc32(h), crc, bodySize), size };
  }
}

/** MS-DOS date and time of a Date (local fields of UTC: zip has no zone; 1980 at the earliest). */
function dosTime(d: Date): { time: number; date: number } {
  const y = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((y - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export class ZipPackage implements PartSink {
  private readonly parts: DeflatedPart[] = [];
  private readonly deflater: Deflater;

  /** `level`: zlib's 1–9; 6 is zlib's default. */
  constructor(
    private readonly modified: Date,
    level = 6,
  ) {
    this.deflater = new Deflater(level);
  }

  part(path: string): Part {
    if (this.parts.some((p) => p.path === path)) throw new Error(`zip: part ${path} twice`);
    const p = new DeflatedPart(path, this.deflater);
    this.parts.push(p);
    return p;
  }

  /** The archive, parts in the order they were opened; every part must have been ended. */
  async finish(): Promise<Buffer> {
    if (this.parts.length > 0xffff) throw new Error('zip: more than 65,535 parts');
    await this.deflater.settle();
    const { time, date } = dosTime(this.modified);
    const out: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const p of this.parts) {
      const d = p.done;
      if (!d) throw new Error(`zip: part ${p.path} was not ended`);
      const compressed = d.slots.reduce((a, s) => a + s.data.length, 0);
      if (compressed > MAX32) throw new Error(`zip: part ${p.path} is larger than 4 GiB`);
      const name = Buffer.from(p.path, 'utf8');
      // Version 2.0, bit 11: the name is UTF-8; method 8: deflate.
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6);
      local.writeUInt16LE(8, 8);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      local.writeUInt32LE(d.crc, 14);
      local.writeUInt32LE(compressed, 18);
      local.writeUInt32LE(d.size, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(0, 28);
      const dir = Buffer.alloc(46);
      dir.writeUInt32LE(0x02014b50, 0);
      dir.writeUInt16LE(20, 4);
      local.copy(dir, 6, 4, 30);
      // Comment length, disk number, internal and external attributes are zero.
      dir.writeUInt32LE(offset, 42);
      central.push(dir, name);
      out.push(local, name, ...d.slots.map((s) => s.data));
      offset += 30 + name.length + compressed;
      if (offset > MAX32) throw new Error('zip: archive larger than 4 GiB');
    }
    const dirSize = central.reduce((a, b) => a + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.parts.length, 8);
    end.writeUInt16LE(this.parts.length, 10);
    end.writeUInt32LE(dirSize, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...out, ...central, end]);
  }
}
