import { base64ToBytes, bytesToBase64 } from '../../../addin/taskpane/util/base64';

describe('base64', () => {
  it.each([0, 1, 2, 3, 0x8000 + 7])('round-trips %i bytes', (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37) % 256);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect([...base64ToBytes(text)]).toEqual([...bytes]);
  });
});
