"use client";

/**
 * Edit an image's alt text, caption, credit and focal point. The focal point (where crops such as the 1200×630
 * social card centre) is two number fields, percent from the left and from the top; clicking the picture sets both,
 * for those who prefer to point. The server action re-validates everything (lib/media/validation.ts).
 */
import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { ALT_MAX, CAPTION_MAX, CREDIT_MAX } from "@/lib/media/validation";

type Props = {
  action: (state: ActionResult | null, form: FormData) => Promise<ActionResult>;
  image: { src: string; width: number; height: number };
  values: { alt: string; caption: string; credit: string; focalX: number; focalY: number };
};

const input = "mt-1 block w-full rounded border border-gray-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700";
const percent = (fraction: number) => Math.round(fraction * 1000) / 10;

export function MediaDetailsForm({ action, image, values }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const [focal, setFocal] = useState({ x: percent(values.focalX), y: percent(values.focalY) });
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const field = (name: string) => ({ "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `${name}-error` : undefined });
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="mt-1 text-sm font-semibold text-red-800">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form action={formAction} className="space-y-4">
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
          <div>
            <label htmlFor="focalX" className="block text-sm font-semibold">
              From the left (%)
            </label>
            <input
              id="focalX"
              name="focalX"
              type="number"
              min={0}
              max={100}
              step={0.1}
              value={focal.x}
              onChange={(e) => setFocal((f) => ({ ...f, x: Number(e.target.value) }))}
              className={`${input} w-32`}
              {...field("focalX")}
            />
            {error("focalX")}
          </div>
          <div>
            <label htmlFor="focalY" className="block text-sm font-semibold">
              From the top (%)
            </label>
            <input
              id="focalY"
              name="focalY"
              type="number"
              min={0}
              max={100}
              step={0.1}
              value={focal.y}
              onChange={(e) => setFocal((f) => ({ ...f, y: Number(e.target.value) }))}
              className={`${input} w-32`}
              {...field("focalY")}
            />
            {error("focalY")}
          </div>
        </div>
      </div>

      <div>
        <label htmlFor="alt" className="block text-sm font-semibold">
          Alt text
        </label>
        <p id="alt-hint" className="text-sm text-muted">
          What the picture shows, for readers who cannot see it. Required before the image can appear in a published article.
        </p>
        <textarea id="alt" name="alt" rows={2} maxLength={ALT_MAX} defaultValue={values.alt} className={input} {...field("alt")} aria-describedby={errors.alt ? "alt-hint alt-error" : "alt-hint"} />
        {error("alt")}
      </div>
      <div>
        <label htmlFor="caption" className="block text-sm font-semibold">
          Caption
        </label>
        <textarea id="caption" name="caption" rows={2} maxLength={CAPTION_MAX} defaultValue={values.caption} className={input} {...field("caption")} />
        {error("caption")}
      </div>
      <div>
        <label htmlFor="credit" className="block text-sm font-semibold">
          Credit
        </label>
        <input id="credit" name="credit" type="text" maxLength={CREDIT_MAX} defaultValue={values.credit} className={input} {...field("credit")} />
        {error("credit")}
      </div>

      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded border border-blue-900 bg-blue-800 px-4 py-1.5 text-sm font-semibold text-white hover:bg-blue-900 disabled:opacity-60">
          {pending ? "Saving…" : "Save details"}
        </button>
        <p role="status" className={`text-sm ${state && !state.ok ? "font-semibold text-red-800" : ""}`}>
          {state ? (state.ok ? (state.message ?? "Saved.") : state.message) : ""}
        </p>
      </div>
    </form>
  );
}
