"use client";

import { useActionState } from "react";
import { createArticleAction } from "./actions";

export function NewArticleButton() {
  const [state, action, pending] = useActionState(async () => (await createArticleAction()) ?? null, null);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="rounded bg-ink px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
        {pending ? "Creating…" : "New article"}
      </button>
      {state && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
    </form>
  );
}
