"use client";
/**
 * Runs a server action from a form with useActionState, without React's automatic form reset (which would empty
 * every field when the server refuses one of them). After a refusal the first invalid field gets the focus, so a
 * keyboard or screen-reader user lands on what to fix.
 *
 *   const { pending, onSubmit, formRef, errors, message } = useActionForm(saveThingAction);
 *   <form ref={formRef} onSubmit={onSubmit} noValidate>
 *     <TextField … error={errors.name} />
 *     <FormMessage state={message} />
 *
 * `errors` are the field errors of the last refusal; `message` is the outcome to show above or below the form: a
 * success, or a refusal that no field explains (with field errors, each field says what is wrong). A form without
 * fields shows `state` itself.
 */
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/result";

export type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * `resetOnSuccess` empties the form after it worked (a "create" form); `resetOnFailure` puts the fields back to what
 * the page showed (a control that reflects the current value, such as a role picker, after a refusal).
 */
export function useActionForm<T>(action: FormAction<T>, options: { resetOnSuccess?: boolean; resetOnFailure?: boolean } = {}) {
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const { resetOnSuccess = false, resetOnFailure = false } = options;

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      if (resetOnSuccess) formRef.current?.reset();
    } else if (resetOnFailure) {
      formRef.current?.reset();
    } else {
      formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
    }
  }, [state, resetOnSuccess, resetOnFailure]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  }

  const errors: Record<string, string> = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const message = state && (state.ok || !state.fieldErrors) ? state : null;
  return { state, pending, onSubmit, formRef, errors, message };
}
