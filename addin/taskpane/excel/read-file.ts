// The open workbook as .xlsx bytes, so what the clerk checks is exactly what is uploaded.
// getFileAsync hands the file out in slices; only one file may be open at a time, so it is
// always closed, also on failure.

/** 4 MB is the largest slice Office allows; smaller slices keep each round trip short. */
export const DEFAULT_SLICE_SIZE = 1024 * 1024;

export class ReadFileError extends Error {}

type SliceData = number[] | Uint8Array | ArrayBuffer | string;

function toBytes(data: SliceData): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (typeof data === 'string') {
    // Some hosts hand out base64 text for binary slices.
    const bin = atob(data);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  return Uint8Array.from(data);
}

function failed(r: Office.AsyncResult<unknown>): string {
  return r.error ? `${r.error.message}（代码 ${r.error.code}）` : '未知错误';
}

function getFile(sliceSize: number): Promise<Office.File> {
  return new Promise((resolve, reject) => {
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize }, (r) => {
      if (r.status === Office.AsyncResultStatus.Succeeded) resolve(r.value);
      else reject(new ReadFileError(`无法读取当前工作簿：${failed(r)}`));
    });
  });
}

function getSlice(file: Office.File, index: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    file.getSliceAsync(index, (r) => {
      if (r.status === Office.AsyncResultStatus.Succeeded) resolve(toBytes(r.value.data as SliceData));
      else reject(new ReadFileError(`读取工作簿第 ${index + 1} 段时出错：${failed(r)}`));
    });
  });
}

function close(file: Office.File): Promise<void> {
  return new Promise((resolve) => file.closeAsync(() => resolve()));
}

/** Reads every slice of the open workbook in order and joins them. */
export async function readOpenWorkbook(sliceSize = DEFAULT_SLICE_SIZE): Promise<Uint8Array> {
  const file = await getFile(sliceSize);
  try {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) parts.push(await getSlice(file, i));
    const total = parts.reduce((n, p) => n + p.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    if (file.size && total !== file.size) {
      throw new ReadFileError(`读取的工作簿不完整（${total} / ${file.size} 字节），请重试`);
    }
    return out;
  } finally {
    await close(file);
  }
}
