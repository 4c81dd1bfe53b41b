/** A share as a percentage rounded to one decimal: 0.1014 → 10.1. */
const tenths = (share: number) => Math.round(share * 1000) / 10;

/** 0.101 → "10.1%": one decimal, as the county's reports print shares. */
export function percent(share: number): string {
  return `${tenths(share).toFixed(1)}%`;
}

/** 0.2 → "20%", 0.125 → "12.5%": caps as people say them. */
export function percentCap(share: number): string {
  const p = tenths(share);
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

/**
 * A share printed beside a mark it is over or under (a cap, a target): one decimal, or more when one
 * would not read on its side of the mark — 402 of 2,005 is "占 20.05%，超过上限 20%", never
 * "占 20.0%，超过上限 20%"; 499 of 2,500 moved up is "（19.96%），未达到 20% 的目标".
 */
export function percentBeside(share: number, mark: number): string {
  const markShown = tenths(mark);
  for (let places = 1; places < 4; places++) {
    const k = 10 ** places;
    const p = Math.round(share * 100 * k) / k;
    if (share > mark ? p > markShown : share < mark ? p < markShown : true) return `${p.toFixed(places)}%`;
  }
  return `${(share * 100).toFixed(4)}%`;
}
