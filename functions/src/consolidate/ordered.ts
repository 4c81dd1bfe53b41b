/** Yields each item's result in order while fetching up to `width` ahead. */
export async function* ordered<T, R>(items: readonly T[], width: number, fn: (x: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Array<Promise<R>> = [];
  let next = 0;
  const fill = () => {
    while (pending.length < width && next < items.length) {
      const p = fn(items[next++] as T);
      p.catch(() => undefined); // observed when awaited below; avoid an unhandled rejection meanwhile
      pending.push(p);
    }
  };
  fill();
  while (pending.length) {
    const r = await (pending.shift() as Promise<R>);
    fill();
    yield r;
  }
}
