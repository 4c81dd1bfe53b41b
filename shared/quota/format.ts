/** 0.101 → "10.1%": one decimal, as the county's reports print shares. */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** 0.2 → "20%", 0.125 → "12.5%": caps as people say them. */
export function percentCap(share: number): string {
  const p = Math.round(share * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}
