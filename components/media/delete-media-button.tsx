"use client";

/** Delete an image, after a confirmation. The server refuses while any article uses it, and says which. */
import { useActionState } from "react";
import type { ActionFailure } from "@/lib/actions/result";

export function DeleteMediaButton({ action, filename }: { action: () => Promise<ActionFailure | void>; filename: string }) {
  const [state, formAction, pending] = useActionState(async () => (await action()) ?? null, null);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(`Delete “${filename}” from the media library? This cannot be undone.`)) e.preventDefault();
      }}
    >
      <button type="submit" disabled={pending} className="rounded border border-red-900 bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-900 disabled:opacity-60">
        {pending ? "Deleting…" : "Delete image"}
      </button>
      {state && (
        <p role="alert" className="mt-2 text-sm font-semibold text-red-800">
          {state.message}
        </p>
      )}
    </form>
  );
}
