/** The label and optional description beside a checkbox or a switch (the description's id is
 * the one the control points to with aria-describedby). */
export function ControlLabel({ htmlFor, label, description, descriptionId }: { htmlFor: string; label?: React.ReactNode; description?: React.ReactNode; descriptionId?: string }) {
  return (
    <div className="grid gap-0.5">
      <label htmlFor={htmlFor} className="text-sm leading-5 font-medium text-ink">
        {label}
      </label>
      {description ? (
        <p id={descriptionId} className="text-[13px] leading-5 text-ink-muted">
          {description}
        </p>
      ) : null}
    </div>
  );
}
