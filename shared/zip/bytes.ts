// Little-endian reads that give 0 past the end of the bytes, so a truncated header reads as zeros
// instead of throwing: the zip directory and the compound-file sniffing both check what they read.

export function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}

export function u32(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16)) + (b[o + 3] ?? 0) * 0x1000000;
}
