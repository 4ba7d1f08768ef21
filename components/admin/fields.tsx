/**
 * Labelled form fields for the staff forms: every control has a visible label, its hint and error are tied to it
 * with aria-describedby, and an error sets aria-invalid. No hooks, so server and client components can both use them.
 */
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type Common = { id: string; label: string; hint?: ReactNode; error?: string };

const CONTROL = "mt-1 w-full rounded border border-gray-500 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-700";

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function Parts({ id, label, hint, error, children }: Common & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-muted">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({ id, label, hint, error, className, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Parts id={id} label={label} hint={hint} error={error}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={`${CONTROL} ${className ?? ""}`} {...input} />
    </Parts>
  );
}

export function TextAreaField({ id, label, hint, error, className, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Parts id={id} label={label} hint={hint} error={error}>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={`${CONTROL} ${className ?? ""}`} {...input} />
    </Parts>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  className,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly (readonly [value: string, label: string])[] }) {
  return (
    <Parts id={id} label={label} hint={hint} error={error}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={`${CONTROL} ${className ?? ""}`} {...select}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Parts>
  );
}

/** The outcome of a form: a polite status on success, an alert on failure. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | null }) {
  if (!state?.message) return null;
  return state.ok ? (
    <p role="status" className="rounded border border-green-700 bg-green-50 p-2 text-sm text-green-900">
      {state.message}
    </p>
  ) : (
    <p role="alert" className="rounded border border-red-700 bg-red-50 p-2 text-sm text-red-900">
      {state.message}
    </p>
  );
}

export const BUTTON = "rounded border border-gray-600 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-gray-100 disabled:opacity-60";
export const PRIMARY_BUTTON = "rounded bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-gray-800 disabled:opacity-60";
export const DANGER_BUTTON = "rounded border border-red-800 bg-white px-3 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60";
