"use client";
/** A one-time link shown to an admin: read-only, selected on focus, with a Copy button that says when it worked. */
import { useState } from "react";

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
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-muted">
          {hint}
        </p>
      )}
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="w-full rounded border border-gray-500 bg-gray-50 px-3 py-2 font-mono text-xs"
        />
        <button type="button" onClick={copy} className="rounded border border-gray-600 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-gray-100">
          Copy
        </button>
      </div>
      <p role="status" className="mt-1 text-xs text-green-900">
        {copied ? "Copied to the clipboard." : ""}
      </p>
    </div>
  );
}
