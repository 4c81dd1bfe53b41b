// The container the lean writer's parts go into (functions/src/xlsx-out/zip.ts zips them). A part
// is written as it is made; its head, which may hold what is known only at the end (a sheet's
// dimension, the string count), is given last and goes first. Parts may be open at the same time
// (the shared strings stay open while sheets come and go); the container keeps their order of
// opening.
export interface Part {
  write(text: string): void;
  end(head: string, tail: string): void;
}

export interface PartSink {
  part(path: string): Part;
}
