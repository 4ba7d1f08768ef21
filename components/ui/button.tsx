/**
 * The staff areas' one button vocabulary. `<Button variant="primary" type="submit" pending={pending}
 * pendingLabel="Saving…">Save</Button>` for a button (type defaults to "button", so a button never submits a form
 * by accident); `buttonClass("secondary")` for a link or a label that should look like one.
 *
 * primary: the one action a form exists for (blue-800, white text 8.7:1); secondary: every other action; danger:
 * an action that deletes or takes access away. Focus rings come from globals.css.
 */
import type { ComponentProps, ReactNode } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger";

const BASE = "inline-flex items-center justify-center gap-1 rounded border text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-60";
const VARIANT: Record<ButtonVariant, string> = {
  primary: "border-blue-900 bg-blue-800 px-4 py-1.5 text-white hover:bg-blue-900",
  secondary: "border-gray-500 bg-white px-3 py-1.5 text-ink hover:bg-gray-100",
  danger: "border-red-900 bg-red-800 px-3 py-1.5 text-white hover:bg-red-900",
};

/** Classes for layout (width, margins) may be added; colours and padding belong to the variant. */
export function buttonClass(variant: ButtonVariant = "secondary", extra?: string): string {
  return extra ? `${BASE} ${VARIANT[variant]} ${extra}` : `${BASE} ${VARIANT[variant]}`;
}

type Props = ComponentProps<"button"> & { variant?: ButtonVariant; pending?: boolean; pendingLabel?: ReactNode };

/** While `pending`, the button is disabled and shows `pendingLabel` (when given). */
export function Button({ variant = "secondary", pending = false, pendingLabel, className, type = "button", disabled, children, ...button }: Props) {
  return (
    <button type={type} disabled={disabled || pending} className={buttonClass(variant, className)} {...button}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
