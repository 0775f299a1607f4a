import { cn } from "@/app/_lib/cn";

const palette = [
  "bg-[#e0e7ff] text-[#3730a3]",
  "bg-[#dbeafe] text-[#1e40af]",
  "bg-[#cffafe] text-[#155e75]",
  "bg-[#d1fae5] text-[#065f46]",
  "bg-[#ecfccb] text-[#3f6212]",
  "bg-[#fef3c7] text-[#92400e]",
  "bg-[#ffe4e6] text-[#9f1239]",
  "bg-[#fae8ff] text-[#86198f]",
  "bg-[#ede9fe] text-[#5b21b6]",
  "bg-[#e2e8f0] text-[#334155]",
] as const;

const sizes = {
  xs: "size-5 text-[9px]",
  sm: "size-6 text-[10px]",
  md: "size-8 text-xs",
  lg: "size-10 text-sm",
  xl: "size-14 text-lg",
} as const;

/** Up to two initials: "Анна Петрова" → "АП", "bob@example.com" → "B". Works for any script. */
export function initials(name: string): string {
  const base = name.includes("@") && !name.includes(" ") ? name.split("@")[0] : name;
  const words = base.split(/[\s._-]+/).filter((w) => /\p{L}|\p{N}/u.test(w));
  const first = (w: string) => Array.from(w.replace(/[^\p{L}\p{N}]/gu, ""))[0] ?? "";
  const letters = words.length > 1 ? first(words[0]) + first(words[words.length - 1]) : first(words[0] ?? "");
  return letters.toLocaleUpperCase();
}

/** Stable index in [0, n) for a string (FNV-1a). */
function hashIndex(s: string, n: number): number {
  let h = 0x811c9dc5;
  for (const ch of s.toLowerCase()) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % n;
}

export interface AvatarProps extends Omit<React.ComponentProps<"span">, "children"> {
  /** Person's name or e-mail: gives the initials, the colour and the accessible name. */
  name: string;
  /** Optional picture URL (falls back to initials when absent). */
  src?: string | null;
  size?: keyof typeof sizes;
  /** Hide from screen readers when the name is written next to it anyway. */
  decorative?: boolean;
}

export function Avatar({ name, src, size = "md", decorative = false, className, ...props }: AvatarProps) {
  const a11y = decorative ? { "aria-hidden": true as const } : { role: "img", "aria-label": name };
  return (
    <span
      {...a11y}
      title={decorative ? undefined : name}
      className={cn(
        "inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full font-semibold select-none",
        sizes[size],
        palette[hashIndex(name, palette.length)],
        className,
      )}
      {...props}
    >
      {src ? (
        <img src={src} alt="" className="size-full object-cover" />
      ) : (
        initials(name) || "?"
      )}
    </span>
  );
}
