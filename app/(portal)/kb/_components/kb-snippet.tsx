// A search snippet: text segments from the server, matches in <mark>. Never HTML.
export function KbSnippet({ segments }: { segments: { text: string; hit: boolean }[] }) {
  return (
    <p className="line-clamp-2 text-sm text-ink-muted">
      {segments.map((s, i) => (s.hit ? <mark key={i} className="rounded-sm bg-warning-100 px-0.5 text-ink">{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </p>
  );
}
