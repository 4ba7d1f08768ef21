/**
 * Labelled form fields for every staff form. Each control has a visible label (or a screen-reader-only one with
 * `hideLabel`), its hint, character count and error are tied to it with aria-describedby, and an error (or a count
 * over its maximum) sets aria-invalid. No hooks: server and client components both use them.
 *
 *   <TextField id="name" name="name" label="Name" hint="…" error={errors.name} defaultValue={…} />
 *   <TextAreaField id="bio" … counter={{ count: bio.length, max: 1000 }} />
 *   <SelectField id="role" … options={[["EDITOR", "Editor"], …]} />
 *   <Field id="authors" label="Authors" …><MyCombobox {...fieldControlProps({ id: "authors", … })} /></Field>
 *
 * `className` goes on the field's wrapper (width, grid placement); `controlClassName` adds to the control's classes
 * (e.g. font-mono) and must not fight them (no other border, padding, width or text size).
 */
import type { ComponentProps, ReactNode } from "react";

type Counter = { count: number; max: number };
export type FieldProps = { id: string; label: ReactNode; hint?: ReactNode; error?: string; counter?: Counter; hideLabel?: boolean; className?: string };
type Described = Pick<FieldProps, "id" | "hint" | "error" | "counter"> & { describedBy?: string };

export const CONTROL_CLASS =
  "block w-full rounded border border-gray-500 bg-white px-3 py-2 text-base text-ink aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700 read-only:bg-gray-50 disabled:bg-gray-100";

const isOver = (counter?: Counter) => Boolean(counter && counter.count > counter.max);

/** The id, aria-invalid and aria-describedby a control needs inside a <Field>; `describedBy` adds ids of its own. */
export function fieldControlProps({ id, hint, error, counter, describedBy }: Described) {
  const ids = [describedBy, hint ? `${id}-hint` : "", counter ? `${id}-count` : "", error ? `${id}-error` : ""].filter(Boolean);
  return { id, "aria-invalid": error || isOver(counter) ? true : undefined, "aria-describedby": ids.join(" ") || undefined } as const;
}

/** The frame around any control: label, hint, the control, its count and its error. */
export function Field({ id, label, hint, error, counter, hideLabel, className, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-sm font-semibold"}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {children}
      {counter && (
        <p id={`${id}-count`} className={`text-right text-sm ${isOver(counter) ? "font-semibold text-red-800" : "text-muted"}`}>
          {counter.count} / {counter.max}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

type Own = FieldProps & { controlClassName?: string };

function split<T extends Own & { "aria-describedby"?: string }>({ label, hint, error, counter, hideLabel, className, controlClassName, ...control }: T) {
  const { "aria-describedby": describedBy, ...rest } = control;
  const frame = { id: control.id, label, hint, error, counter, hideLabel, className };
  const props = { ...rest, ...fieldControlProps({ id: control.id, hint, error, counter, describedBy }), className: `${CONTROL_CLASS} ${controlClassName ?? ""}` };
  return { frame, props };
}

export function TextField(all: Own & Omit<ComponentProps<"input">, "id" | "className">) {
  const { frame, props } = split(all);
  return (
    <Field {...frame}>
      <input {...props} />
    </Field>
  );
}

export function TextAreaField(all: Own & Omit<ComponentProps<"textarea">, "id" | "className">) {
  const { frame, props } = split(all);
  return (
    <Field {...frame}>
      <textarea {...props} />
    </Field>
  );
}

type Options = readonly (readonly [value: string, label: string])[];

export function SelectField({ options, ...all }: Own & Omit<ComponentProps<"select">, "id" | "className"> & { options: Options }) {
  const { frame, props } = split(all);
  return (
    <Field {...frame}>
      <select {...props}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A checkbox with its label to the right. */
export function CheckboxField({ id, label, className, ...input }: { id: string; label: ReactNode; className?: string } & Omit<ComponentProps<"input">, "id" | "type" | "className">) {
  return (
    <div className={`flex items-center gap-2 ${className ?? ""}`}>
      <input id={id} type="checkbox" className="h-4 w-4" {...input} />
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
    </div>
  );
}
