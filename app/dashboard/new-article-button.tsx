"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { createArticleAction } from "./actions";

export function NewArticleButton() {
  const [state, action, pending] = useActionState(async () => (await createArticleAction()) ?? null, null);
  return (
    <form action={action}>
      <Button type="submit" variant="primary" pending={pending} pendingLabel="Creating…">
        New article
      </Button>
      <FormMessage state={state} className="mt-2" />
    </form>
  );
}
