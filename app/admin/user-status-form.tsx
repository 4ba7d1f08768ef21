"use client";

import { useActionState } from "react";
import { setUserStatusAction, type ActionState } from "./actions";

export function UserStatusForm({ userId, name, status }: { userId: string; name: string; status: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(setUserStatusAction, null);
  const next = status === "DEACTIVATED" ? "ACTIVE" : "DEACTIVATED";
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="status" value={next} />
      <button type="submit" disabled={pending} className="rounded border border-gray-400 px-2 py-1 text-xs hover:bg-gray-100" aria-label={`${next === "ACTIVE" ? "Reactivate" : "Deactivate"} ${name}`}>
        {next === "ACTIVE" ? "Reactivate" : "Deactivate"}
      </button>
      {state && (
        <span role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-green-800" : "text-red-800"}`}>
          {state.message}
        </span>
      )}
    </form>
  );
}
