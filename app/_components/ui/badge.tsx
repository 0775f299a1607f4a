import { cn } from "@/app/_lib/cn";

const variants = {
  neutral: "bg-subtle text-ink-muted border-line",
  info: "bg-info-50 text-info-700 border-info-200",
  success: "bg-success-50 text-success-700 border-success-200",
  warning: "bg-warning-50 text-warning-700 border-warning-200",
  danger: "bg-danger-50 text-danger-700 border-danger-200",
} as const;

const dots = {
  neutral: "bg-ink-subtle",
  info: "bg-info-500",
  success: "bg-success-500",
  warning: "bg-warning-500",
  danger: "bg-danger-500",
} as const;

export type BadgeVariant = keyof typeof variants;

export interface BadgeProps extends Omit<React.ComponentProps<"span">, "color"> {
  variant?: BadgeVariant;
  /** A hex colour (#rgb or #rrggbb), e.g. a custom ticket status. Overrides `variant`. */
  color?: string | null;
  /** Show a small dot in the badge colour before the text. */
  dot?: boolean;
}

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => a.map((v, i) => Math.round(v + (b[i] - v) * t)) as Rgb;
const css = ([r, g, b]: Rgb) => `rgb(${r} ${g} ${b})`;

/**
 * Soft tinted background, border and text for any hex colour. The text is the colour itself,
 * darkened until it reaches WCAG AA contrast (4.5:1) on the tint. Null for an invalid hex.
 */
export function tintFromHex(hex: string): { background: string; border: string; color: string; dot: string } | null {
  const base = parseHex(hex);
  if (!base) return null;
  const bg = mix(base, [255, 255, 255], 0.88);
  const bgLum = luminance(bg);
  let text = base;
  for (let t = 0; t <= 1; t += 0.05) {
    text = mix(base, [16, 24, 40], t);
    if ((bgLum + 0.05) / (luminance(text) + 0.05) >= 4.5) break;
  }
  // Border from the readable text colour, so even near-white colours get a visible outline.
  return { background: css(bg), border: css(mix(text, bg, 0.7)), color: css(text), dot: css(base) };
}

export function Badge({ variant = "neutral", color, dot = false, className, style, children, ...props }: BadgeProps) {
  const tint = color ? tintFromHex(color) : null;
  return (
    <span
      className={cn(
        "inline-flex max-w-full shrink-0 items-center gap-1.5 rounded-full border px-2 py-0.5",
        "text-xs leading-4 font-medium whitespace-nowrap [&_svg]:size-3",
        !tint && variants[variant],
        className,
      )}
      style={tint ? { backgroundColor: tint.background, borderColor: tint.border, color: tint.color, ...style } : style}
      {...props}
    >
      {dot ? (
        <span
          aria-hidden
          className={cn("size-1.5 shrink-0 rounded-full", tint ? "shadow-[0_0_0_1px_rgb(0_0_0/0.15)]" : dots[variant])}
          style={tint ? { backgroundColor: tint.dot } : undefined}
        />
      ) : null}
      <span className="truncate">{children}</span>
    </span>
  );
}
