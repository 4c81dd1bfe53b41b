// UTF-8 → string through the platform's TextDecoder (Node, every browser and Office webview have
// it), reached through globalThis because shared/ compiles without DOM or Node types. Streaming
// mode carries a character split across two inflated chunks over to the next one.
export interface Utf8Decoder {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

type DecoderClass = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Utf8Decoder;

function decoderClass(): DecoderClass {
  const td = (globalThis as unknown as { TextDecoder?: DecoderClass }).TextDecoder;
  if (!td) throw new Error('TextDecoder is not available');
  return td;
}

/** A decoder that replaces malformed bytes with U+FFFD, as spreadsheet programs do, and drops a leading BOM. */
export function utf8Decoder(): Utf8Decoder {
  return new (decoderClass())('utf-8');
}

let shared: Utf8Decoder | undefined;

/** One-shot decoding of a short byte string (a zip entry's name). */
export function utf8(bytes: Uint8Array): string {
  shared ??= utf8Decoder();
  return shared.decode(bytes);
}
