"use client";

/** Share previews: a link to the unpublished article for people without an account, until it expires or is revoked. */
import { useRouter } from "next/navigation";
import { memo, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CONTROL_CLASS, Field, fieldControlProps } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { createPreviewAction, revokePreviewAction } from "@/lib/actions/previews";
import type { PreviewLinkItem } from "./types";

type Props = { articleId: string; links: PreviewLinkItem[]; locale: string; timeZone: string };

export const PreviewPanel = memo(function PreviewPanel({ articleId, links, locale, timeZone }: Props) {
  const id = useId();
  const router = useRouter();
  const [created, setCreated] = useState<{ url: string; expires: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    setNotice("");
    try {
      const result = await createPreviewAction(articleId);
      if (result.ok) {
        const expires = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(result.data.expiresAt));
        setCreated({ url: `${window.location.origin}${result.data.path}`, expires });
        router.refresh();
      } else {
        setError(result.message);
      }
    } catch {
      setError("Could not reach the server. Try again.");
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      setNotice("Link copied.");
    } catch {
      input.current?.select();
      setNotice("Select the link and copy it (Ctrl+C or ⌘C).");
    }
  };

  const revoke = async (linkId: string) => {
    setError(null);
    setNotice("");
    try {
      const result = await revokePreviewAction(articleId, linkId);
      if (result.ok) {
        setCreated(null);
        setNotice("The preview link was revoked.");
        router.refresh();
      } else {
        setError(result.message);
      }
    } catch {
      setError("Could not reach the server. Try again.");
    }
  };

  const expires = created ? `Expires ${created.expires}.` : undefined;
  return (
    <Panel id={id} title="Share a preview">
      <p className="mt-1 text-sm text-muted">Anyone with the link can read this version without signing in, until it expires.</p>
      <Button className="mt-2" onClick={() => void create()} disabled={busy}>
        Create preview link
      </Button>
      {created && (
        <Field id={`${id}-link`} label="Preview link" hint={expires} className="mt-3">
          <div className="flex gap-2">
            <input
              ref={input}
              {...fieldControlProps({ id: `${id}-link`, hint: expires })}
              type="text"
              readOnly
              value={created.url}
              onFocus={(e) => e.currentTarget.select()}
              className={`${CONTROL_CLASS} font-mono`}
            />
            <Button onClick={() => void copy()}>Copy</Button>
          </div>
        </Field>
      )}
      {error && <p className="mt-1 text-sm font-semibold text-red-800">{error}</p>}
      <p aria-live="polite" className="mt-1 text-sm">
        {notice}
      </p>
      {links.length > 0 && (
        <>
          <h3 className="mt-3 text-sm font-bold">Active links</h3>
          <ul className="mt-1 space-y-2 text-sm">
            {links.map((link) => (
              <li key={link.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  Created {link.createdAtLabel} by {link.createdBy}; expires {link.expiresAtLabel}
                </span>
                <Button aria-label={`Revoke preview link created ${link.createdAtLabel}`} onClick={() => void revoke(link.id)}>
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
});
