// One non-cryptographic hash for the ids and fingerprints that must be the same in Excel, the
// browser and Azure (no crypto there in common): FNV-1a twice over, with two primes, 64 bits in
// all. Only spread and change detection are asked of it. Stored ids and template fingerprints
// depend on its exact output: never change it.

/** The two 32-bit halves of the hash of `text` (by UTF-16 code unit). */
export function fnv1a2x32(text: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return [h1, h2];
}
