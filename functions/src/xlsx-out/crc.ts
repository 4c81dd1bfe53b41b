// CRC-32 of two pieces joined, from the CRC and length of each (zlib's crc32_combine). A part's
// head is compressed after its body (it holds what is known only at the end), so its CRC is
// computed apart and combined: CRC(head ‖ body) needs no second pass over the body.

/** The reflected CRC-32 polynomial (IEEE 802.3), as zlib uses it. */
const POLY = 0xedb88320;

/** a(x)·b(x) modulo the CRC polynomial, in the reflected bit order. */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  let bb = b >>> 0;
  for (;;) {
    if (a & m) {
      p ^= bb;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    bb = bb & 1 ? (bb >>> 1) ^ POLY : bb >>> 1;
  }
  return p >>> 0;
}

/** X2N[k] = x^(2^k) modulo the polynomial. */
const X2N: number[] = [];
{
  let p = 0x40000000; // x^1
  X2N.push(p);
  for (let n = 1; n < 32; n++) X2N.push((p = multModP(p, p)));
}

/** x^(n·2^k) modulo the polynomial. */
function x2nModP(n: number, k: number): number {
  let p = 0x80000000; // x^0
  let kk = k;
  for (let nn = n; nn > 0; nn = Math.floor(nn / 2), kk++) if (nn % 2) p = multModP(X2N[kk & 31] as number, p);
  return p;
}

/** CRC-32 of A ‖ B from CRC(A), CRC(B) and B's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multModP(x2nModP(lengthB, 3), crcA >>> 0) ^ crcB) >>> 0;
}
