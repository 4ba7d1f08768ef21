"use client";

/**
 * Edit an image's alt text, caption, credit and focal point. The focal point (where crops such as the 1200×630
 * social card centre) is two number fields, percent from the left and from the top; clicking the picture sets both,
 * for those who prefer to point. The server action re-validates everything (lib/media/validation.ts). Once readers
 * see the image in a published or scheduled story, its alt text, caption and credit are the desk's: without
 * `canEditText` they are shown read-only, with the reason beside them (the server refuses a change anyway).
 */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { ALT_MAX, CAPTION_MAX, CREDIT_MAX } from "@/lib/media/validation";

type Props = {
  action: (state: ActionResult | null, form: FormData) => Promise<ActionResult>;
  image: { src: string; width: number; height: number };
  values: { alt: string; caption: string; credit: string; focalX: number; focalY: number };
  canEditText: boolean;
};

const TEXT_LOCKED = "This image appears in a published story; an editor can change its caption, credit and alt text.";

const percent = (fraction: number) => Math.round(fraction * 1000) / 10;

export function MediaDetailsForm({ action, image, values, canEditText }: Props) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(action);
  const [focal, setFocal] = useState({ x: percent(values.focalX), y: percent(values.focalY) });
  const focalField = (axis: "x" | "y", label: string, name = `focal${axis.toUpperCase()}`) => (
    <TextField
      id={name}
      name={name}
      label={label}
      type="number"
      min={0}
      max={100}
      step={0.1}
      value={focal[axis]}
      onChange={(e) => setFocal((f) => ({ ...f, [axis]: Number(e.target.value) }))}
      error={errors[name]}
      aria-describedby="focal-hint"
      className="w-32"
    />
  );

  const locked = canEditText ? {} : { readOnly: true, "aria-describedby": "text-locked" };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <div>
        <p className="text-sm font-semibold">Focal point</p>
        <p id="focal-hint" className="text-sm text-muted">
          Click the picture where the subject is, or type the position below. Crops (like the social card) keep it in view.
        </p>
        <div
          className="relative mt-2 inline-block max-w-full cursor-crosshair"
          onClick={(e) => {
            const box = e.currentTarget.getBoundingClientRect();
            const x = Math.min(100, Math.max(0, ((e.clientX - box.left) / box.width) * 100));
            const y = Math.min(100, Math.max(0, ((e.clientY - box.top) / box.height) * 100));
            setFocal({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });
          }}
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- a library rendition */}
          <img src={image.src} alt="" width={image.width} height={image.height} className="block h-auto max-h-96 w-auto max-w-full rounded" />
          <span
            aria-hidden="true"
            className="pointer-events-none absolute h-6 w-6 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-red-700/60 shadow"
            style={{ left: `${focal.x}%`, top: `${focal.y}%` }}
          />
        </div>
        <div className="mt-2 flex flex-wrap gap-4">
          {focalField("x", "From the left (%)")}
          {focalField("y", "From the top (%)")}
        </div>
      </div>

      {!canEditText && (
        <p id="text-locked" className="rounded border border-gray-300 bg-gray-50 p-2 text-sm">
          {TEXT_LOCKED}
        </p>
      )}
      <TextAreaField
        id="alt"
        name="alt"
        label="Alt text"
        hint="What the picture shows, for readers who cannot see it. Required before the image can appear in a published article."
        rows={2}
        maxLength={ALT_MAX}
        defaultValue={values.alt}
        error={errors.alt}
        {...locked}
      />
      <TextAreaField id="caption" name="caption" label="Caption" rows={2} maxLength={CAPTION_MAX} defaultValue={values.caption} error={errors.caption} {...locked} />
      <TextField id="credit" name="credit" type="text" label="Credit" maxLength={CREDIT_MAX} defaultValue={values.credit} error={errors.credit} {...locked} />

      <FormMessage state={message} />
      <Button type="submit" variant="primary" pending={pending} pendingLabel="Saving…">
        Save details
      </Button>
    </form>
  );
}
