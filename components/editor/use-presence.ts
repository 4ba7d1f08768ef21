"use client";

/**
 * Who is in the article: the awareness states of everyone connected to its shared document (Yjs awareness through
 * the collaboration server). Each editor publishes its person (name, colour, id) and the field it is in; the body's
 * named carets come from the same states (./body-editor.tsx). Other people are listed once each, with where they are;
 * the same person connected from another tab or device is told so. A closed tab or a quit browser closes its socket
 * and leaves the list at once; a vanished network within seconds (the server pings every 5 s).
 */
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useMemo, useState } from "react";
import { FIELDS } from "./field-errors";

export type PresenceUser = { id: string; name: string; color: string };
export type Present = PresenceUser & { where: string | null };

/** Caret colours dark enough for white label text (WCAG AA at the label's size). */
const COLORS = ["#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#b45309", "#0f766e", "#be185d", "#4338ca"];

export function colorFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length] ?? COLORS[0]!;
}

const LABELS = new Map(Object.values(FIELDS).map(({ id, label }) => [id, label]));
const BODY_LABEL = FIELDS.body?.label ?? "Body";

type State = { user?: Partial<PresenceUser>; field?: unknown; cursor?: unknown };

export function usePresence(provider: HocuspocusProvider | null, me: { id: string; name: string }) {
  const user = useMemo<PresenceUser>(() => ({ id: me.id, name: me.name, color: colorFor(me.id) }), [me.id, me.name]);
  const [others, setOthers] = useState<Present[]>([]);
  const [elsewhere, setElsewhere] = useState(false);

  useEffect(() => {
    const awareness = provider?.awareness;
    if (!awareness) return;
    awareness.setLocalStateField("user", user);
    const onChange = () => {
      const people = new Map<string, Present>();
      let mineElsewhere = false;
      for (const [clientId, state] of awareness.getStates() as Map<number, State>) {
        if (clientId === awareness.clientID || typeof state.user?.id !== "string") continue;
        if (state.user.id === user.id) {
          mineElsewhere = true;
          continue;
        }
        // A caret in the body (Tiptap's awareness "cursor") says where they are even before their focus was reported.
        const where = typeof state.field === "string" ? (LABELS.get(state.field) ?? null) : state.cursor ? BODY_LABEL : null;
        const known = people.get(state.user.id);
        if (!known || (!known.where && where)) people.set(state.user.id, { id: state.user.id, name: String(state.user.name ?? "Someone"), color: String(state.user.color ?? "#1d4ed8"), where });
      }
      const next = [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
      setOthers((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
      setElsewhere(mineElsewhere);
    };
    // Where this person is: the field that has the focus (the body included), for the others' list. Read once at the
    // start too: the focus may have moved before the connection existed.
    const showField = (target: EventTarget | null) => {
      const id = target instanceof HTMLElement ? target.id : "";
      awareness.setLocalStateField("field", LABELS.has(id) ? id : null);
    };
    const onFocus = (event: FocusEvent) => showField(event.target);
    showField(document.activeElement);
    awareness.on("change", onChange);
    document.addEventListener("focusin", onFocus);
    onChange();
    return () => {
      awareness.off("change", onChange);
      document.removeEventListener("focusin", onFocus);
    };
  }, [provider, user]);

  return { user, others, elsewhere };
}
