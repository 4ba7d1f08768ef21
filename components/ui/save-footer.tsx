/**
 * The end of a settings-style form: the outcome of the last submit, then the primary button that says "Saving…"
 * while the action runs. `<SaveFooter message={message} pending={pending}>Save profile</SaveFooter>`.
 */
import type { ReactNode } from "react";
import { Button } from "./button";
import { FormMessage } from "./form-message";

type Props = { message: { ok: boolean; message?: string } | null; pending: boolean; children: ReactNode };

export function SaveFooter({ message, pending, children }: Props) {
  return (
    <>
      <FormMessage state={message} />
      <Button type="submit" variant="primary" pending={pending} pendingLabel="Saving…">
        {children}
      </Button>
    </>
  );
}
