import { OfficeMockObject } from 'office-addin-mock';
import { readOpenWorkbook, ReadFileError } from '../../../../addin/taskpane/excel/read-file';

interface FakeFile {
  size: number;
  sliceCount: number;
  closed: number;
  asked: number[];
}

/** Office.context.document with a compressed file cut into slices; a slice may fail. */
function installOffice(slices: Array<number[] | Uint8Array | string>, opts: { failSlice?: number; failOpen?: boolean; size?: number } = {}) {
  const file: FakeFile & Record<string, unknown> = {
    size: opts.size ?? slices.reduce<number>((n, s) => n + (typeof s === 'string' ? atob(s).length : s.length), 0),
    sliceCount: slices.length,
    closed: 0,
    asked: [],
  };
  const seen: { type?: unknown; options?: unknown } = {};
  // The statuses must be the mock's own objects, which exist only once the mock is built.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const ref: { office?: any } = {};
  const ok = (value: unknown) => ({ status: ref.office.AsyncResultStatus.Succeeded, value });
  const bad = (message: string) => ({ status: ref.office.AsyncResultStatus.Failed, error: { message, code: 5001 } });
  file.getSliceAsync = (i: number, cb: (r: unknown) => void) => {
    file.asked.push(i);
    cb(i === opts.failSlice ? bad('slice failed') : ok({ data: slices[i], index: i, size: 0 }));
  };
  file.closeAsync = (cb: () => void) => {
    file.closed++;
    cb();
  };
  const office = new OfficeMockObject({
    context: {
      document: {
        getFileAsync(type: unknown, options: unknown, cb: (r: unknown) => void) {
          seen.type = type;
          seen.options = options;
          cb(opts.failOpen ? bad('busy') : ok(file));
        },
      },
    },
    FileType: { Compressed: { name: 'compressed' } },
    AsyncResultStatus: { Succeeded: { name: 'succeeded' }, Failed: { name: 'failed' } },
  });
  ref.office = office;
  (globalThis as Record<string, unknown>).Office = office;
  return { file, seen, office };
}

describe('readOpenWorkbook', () => {
  it('asks for the compressed file, joins every slice in order and closes the file', async () => {
    const { file, seen, office } = installOffice([[0x50, 0x4b, 3], new Uint8Array([4, 5]), btoa(String.fromCharCode(6, 7, 8))]);
    const bytes = await readOpenWorkbook(3);
    expect([...bytes]).toEqual([0x50, 0x4b, 3, 4, 5, 6, 7, 8]);
    expect(seen.type).toBe(office.FileType.Compressed);
    expect(seen.options).toEqual({ sliceSize: 3 });
    expect(file.asked).toEqual([0, 1, 2]);
    expect(file.closed).toBe(1);
  });

  it('closes the file and explains in Chinese when a slice fails', async () => {
    const { file } = installOffice([[1], [2], [3]], { failSlice: 1 });
    const err = await readOpenWorkbook().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadFileError);
    expect((err as Error).message).toContain('第 2 段');
    expect(file.asked).toEqual([0, 1]);
    expect(file.closed).toBe(1);
  });

  it('refuses a short read', async () => {
    const { file } = installOffice([[1, 2]], { size: 5 });
    await expect(readOpenWorkbook()).rejects.toThrow('不完整');
    expect(file.closed).toBe(1);
  });

  it('explains when Excel will not hand out the file', async () => {
    installOffice([], { failOpen: true });
    await expect(readOpenWorkbook()).rejects.toThrow('无法读取当前工作簿');
  });
});
