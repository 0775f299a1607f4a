// A small coloured dot for a status colour in lists.
export function StatusDot({ color }: { color: string }) {
  return <span aria-hidden className="inline-block size-2 shrink-0 rounded-full" style={{ backgroundColor: color }} />;
}
