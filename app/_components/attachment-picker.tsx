"use client";
// Drag & drop file picker: each file is posted raw to /api/uploads with XHR (for a real
// progress bar); the ids of finished uploads go to the parent, which sends them with the
// ticket or the reply. The server checks type and size again — this only guides the user.
import { useCallback, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FileText, UploadCloud, X, CheckCircle2, AlertCircle } from "lucide-react";
import { cn } from "@/app/_lib/cn";

type Item = { key: string; name: string; size: number; progress: number; id?: string; error?: string };

export type UploadLimits = { maxMb: number; allowedFileTypes: string[] };

function formatSize(n: number) {
  if (n < 1024) return `${n} B`;
  if (n < 1048576) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

function send(file: File, onProgress: (p: number) => void): Promise<{ id: string } | { reason: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText);
        resolve(xhr.status === 201 ? { id: body.id } : { reason: body?.error?.reason ?? "generic" });
      } catch {
        resolve({ reason: xhr.status === 413 ? "FILE_TOO_LARGE" : "generic" });
      }
    };
    xhr.onerror = () => resolve({ reason: "generic" });
    xhr.send(file);
  });
}

export function AttachmentPicker({ limits, onChange, disabled }: { limits: UploadLimits; onChange: (ids: string[], busy: boolean) => void; disabled?: boolean }) {
  const t = useTranslations("portal.upload");
  const te = useTranslations("errors");
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const itemsRef = useRef<Item[]>([]);

  const commit = useCallback(
    (next: Item[]) => {
      itemsRef.current = next;
      setItems(next);
      onChange(next.filter((i) => i.id).map((i) => i.id!), next.some((i) => !i.id && !i.error));
    },
    [onChange],
  );
  const patch = useCallback((key: string, p: Partial<Item>) => commit(itemsRef.current.map((i) => (i.key === key ? { ...i, ...p } : i))), [commit]);

  const add = (files: FileList | File[]) => {
    const fresh: Item[] = [...files].map((f) => ({ key: `${f.name}-${f.size}-${Math.random()}`, name: f.name, size: f.size, progress: 0 }));
    commit([...itemsRef.current, ...fresh]);
    [...files].forEach((f, n) => {
      const key = fresh[n]!.key;
      if (f.size > limits.maxMb * 1048576) return patch(key, { error: te("FILE_TOO_LARGE") });
      void send(f, (p) => patch(key, { progress: p })).then((r) => patch(key, "id" in r ? { id: r.id, progress: 100 } : { error: te(r.reason as never) }));
    });
  };

  return (
    <div className="space-y-2" data-testid="attachment-picker">
      <label
        htmlFor={inputId}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!disabled && e.dataTransfer.files.length) add(e.dataTransfer.files);
        }}
        className={cn(
          "flex cursor-pointer flex-col items-center gap-1 rounded-lg border-2 border-dashed border-line-strong bg-subtle/40 px-4 py-5 text-center text-sm transition-colors",
          over && "border-primary-500 bg-primary-50",
          disabled && "cursor-not-allowed opacity-60",
        )}
      >
        <UploadCloud className="size-6 text-ink-subtle" aria-hidden />
        <span className="text-ink">{t.rich("drop", { browse: (chunks) => <span className="font-medium text-primary-700 underline underline-offset-2">{chunks}</span> })}</span>
        <span className="text-xs text-ink-subtle">{t("limits", { mb: limits.maxMb, types: limits.allowedFileTypes.join(", ") })}</span>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          disabled={disabled}
          className="sr-only"
          data-testid="file-input"
          onChange={(e) => {
            if (e.target.files?.length) add(e.target.files);
            e.target.value = "";
          }}
        />
      </label>
      {items.length > 0 && (
        <ul className="space-y-2" aria-live="polite">
          {items.map((i) => (
            <li key={i.key} className="flex items-center gap-3 rounded-md border border-line bg-surface px-3 py-2 text-sm" data-testid="upload-item" data-state={i.error ? "error" : i.id ? "done" : "uploading"}>
              {i.error ? <AlertCircle className="size-4 shrink-0 text-danger-600" aria-hidden /> : i.id ? <CheckCircle2 className="size-4 shrink-0 text-success-600" aria-hidden /> : <FileText className="size-4 shrink-0 text-ink-subtle" aria-hidden />}
              <div className="min-w-0 flex-1">
                <div className="flex items-baseline justify-between gap-2">
                  <span className="truncate font-medium text-ink">{i.name}</span>
                  <span className="shrink-0 text-xs text-ink-subtle">{formatSize(i.size)}</span>
                </div>
                {i.error ? (
                  <p className="text-xs text-danger-700" role="alert">{i.error}</p>
                ) : (
                  !i.id && (
                    <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-subtle" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={i.progress} aria-label={t("uploading", { name: i.name })}>
                      <div className="h-full rounded-full bg-primary-600 transition-[width]" style={{ width: `${i.progress}%` }} />
                    </div>
                  )
                )}
              </div>
              <button type="button" className="rounded p-1 text-ink-subtle hover:bg-subtle hover:text-ink" aria-label={t("remove", { name: i.name })} onClick={() => commit(itemsRef.current.filter((x) => x.key !== i.key))}>
                <X className="size-4" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
