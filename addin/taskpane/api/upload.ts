// A township's workbook sent to the server with XMLHttpRequest, because fetch reports no upload
// progress. A 422 is not an exception: it is the workbook's issues, shown like local ones.
import { receiptSchema, XLSX_MIME, type Receipt } from '../../../shared/api/contract';
import type { Issue } from '../../../shared/issues/types';
import { ApiError, checked, fromBody, NETWORK, parseJson } from './http';
import { watchStall } from './stall';

export type UploadOutcome = { kind: 'receipt'; receipt: Receipt } | { kind: 'rejected'; message: string; issues: Issue[] };

export interface UploadProgress {
  /** 0..1 of the bytes sent; null once sent and the server is checking. */
  sent: number | null;
}

/** A stalled upload's message: sending the same file again is safe, the server answers a stored one as a repeat. */
export const STALLED = '网络长时间没有响应，本次上报已中止。请检查网络后重新上报（同一文件再次上报不会重复保存）';

export function sendWorkbook(url: string, headers: Record<string, string>, bytes: Uint8Array, onProgress: (p: UploadProgress) => void): Promise<UploadOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const watch = watchStall(() => {
      xhr.abort();
      reject(new ApiError(STALLED, 0, 'NETWORK_STALLED'));
    });
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      watch.progress();
      onProgress({ sent: e.lengthComputable && e.total ? e.loaded / e.total : 0 });
    };
    xhr.upload.onload = () => {
      watch.sent();
      onProgress({ sent: null });
    };
    xhr.onerror = () => {
      watch.stop();
      reject(new ApiError(NETWORK, 0, 'NETWORK'));
    };
    xhr.onload = () => {
      watch.stop();
      const body = parseJson(xhr.responseText);
      if (xhr.status === 200 || xhr.status === 201) {
        try {
          resolve({ kind: 'receipt', receipt: checked(receiptSchema, body) });
        } catch (e) {
          reject(e);
        }
        return;
      }
      const err = fromBody(xhr.status, body);
      if (xhr.status === 422) resolve({ kind: 'rejected', message: err.message, issues: err.issues });
      else reject(err);
    };
    xhr.send(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
  });
}
