"use client";

/** Delete an image, after a confirmation. The server refuses while any article uses it, and says which. */
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
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
      <Button type="submit" variant="danger" pending={pending} pendingLabel="Deleting…">
        Delete image
      </Button>
      <FormMessage state={state} className="mt-2" />
    </form>
  );
}
