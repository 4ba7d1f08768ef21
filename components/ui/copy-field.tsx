"use client";
/**
 * A one-time link shown to an admin: read-only, selected on focus, with a Copy button that says when it worked.
 *
 *   <CopyField id="reset-link-42" label="Password reset link for Ana" value={link} hint="Send this link yourself." />
 */
import { useState } from "react";
import { Button } from "./button";
import { CONTROL_CLASS, Field, fieldControlProps } from "./field";

export function CopyField({ id, label, value, hint }: { id: string; label: string; value: string; hint?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  }
  return (
    <Field id={id} label={label} hint={hint}>
      <div className="flex gap-2">
        <input readOnly value={value} onFocus={(e) => e.currentTarget.select()} className={`${CONTROL_CLASS} font-mono`} {...fieldControlProps({ id, hint })} />
        <Button onClick={copy}>Copy</Button>
      </div>
      <p role="status" className="text-sm text-green-900">
        {copied ? "Copied to the clipboard." : ""}
      </p>
    </Field>
  );
}
