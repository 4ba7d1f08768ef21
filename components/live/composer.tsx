"use client";

/**
 * The live composer: the coverage's state and its start / end button, the entry box at the top, and every entry
 * below it, newest first, each with Edit and Delete. The list follows the story as it happens: after each of this
 * person's changes, and on every event of the story's public stream (someone else's post) while it is on the site.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { deleteLiveEntryAction, endCoverageAction, startCoverageAction } from "@/lib/actions/live";
import { EntryBox } from "./entry-box";
import type { ComposerEntry, ComposerProps } from "./types";

export function LiveComposer({ story, coAuthors, entries, draft, media }: ComposerProps) {
  const router = useRouter();
  const [editing, setEditing] = useState<ComposerEntry | null>(null);
  const [notice, setNotice] = useState("");

  // Others' posts: the story's own event stream says something changed; the list is re-read from the server.
  const isStreaming = story.isPublished && story.isOpen;
  useEffect(() => {
    if (!isStreaming) return;
    const source = new EventSource(`/api/live/${story.id}?after=${story.seq}`);
    const reload = () => router.refresh();
    source.addEventListener("entry", reload);
    source.addEventListener("remove", reload);
    source.addEventListener("end", () => {
      source.close();
      reload();
    });
    return () => source.close();
  }, [isStreaming, story.id, story.seq, router]);

  const coverage = async (start: boolean) => {
    const result = start ? await startCoverageAction(story.id) : await endCoverageAction(story.id);
    setNotice(result.ok ? (result.message ?? "") : result.message);
    router.refresh();
  };

  const remove = async (entry: ComposerEntry) => {
    if (!window.confirm(`Delete this entry${entry.title ? ` ("${entry.title}")` : ""}? Readers will no longer see it.`)) return;
    const result = await deleteLiveEntryAction(entry.id);
    setNotice(result.ok ? (result.message ?? "") : result.message);
    if (editing?.id === entry.id) setEditing(null);
    router.refresh();
  };

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/dashboard/articles/${story.id}`} className="underline">
            Back to the story
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">Live: {story.headline || "Untitled"}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <p className="text-sm">
            {story.isOpen && <span className="mr-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold text-white">LIVE</span>}
            {story.coverageLabel}
          </p>
          {story.isOpen ? (
            <Button variant="danger" onClick={() => void coverage(false)}>
              End coverage
            </Button>
          ) : (
            <Button onClick={() => void coverage(true)}>Start live coverage</Button>
          )}
          {story.isPublished && (
            <Link href={story.publicPath} className={buttonClass("secondary")}>
              View the story
            </Link>
          )}
        </div>
        <p role="status" className="mt-2 text-sm text-muted">
          {notice}
        </p>
      </div>

      {(story.isOpen || editing) && (
        <EntryBox
          key={editing?.id ?? "new"}
          story={story}
          coAuthors={coAuthors}
          draft={draft}
          media={media}
          editing={editing}
          onDone={(message) => {
            setNotice(message);
            setEditing(null);
            router.refresh();
          }}
          onCancelEdit={() => setEditing(null)}
        />
      )}

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading" className="text-lg font-semibold">
          Entries ({entries.length})
        </h2>
        {entries.length === 0 ? (
          <p className="mt-2 text-sm text-muted">No entries yet.</p>
        ) : (
          <ol className="mt-3 space-y-3">
            {entries.map((entry) => (
              <li key={entry.id} aria-labelledby={`composer-entry-${entry.id}`} className="rounded border border-gray-300 bg-white p-3">
                <p id={`composer-entry-${entry.id}`} className="text-sm font-semibold">
                  {entry.postedLabel}
                  {entry.title ? ` · ${entry.title}` : ""}
                  {entry.isKeyEvent ? " · Key event" : ""}
                  {entry.isPinned ? " · Pinned" : ""}
                </p>
                <p className="text-xs text-muted">
                  {entry.authors.map((a) => a.name).join(", ")}
                  {entry.editedLabel ? ` · ${entry.editedLabel}` : ""}
                </p>
                <div className="article-body mt-2 text-sm" dangerouslySetInnerHTML={{ __html: entry.html }} />
                <div className="mt-2 flex gap-2">
                  <Button onClick={() => setEditing(entry)} aria-label={`Edit the entry of ${entry.postedLabel}${entry.title ? `, ${entry.title}` : ""}`}>
                    Edit
                  </Button>
                  <Button variant="danger" onClick={() => void remove(entry)} aria-label={`Delete the entry of ${entry.postedLabel}${entry.title ? `, ${entry.title}` : ""}`}>
                    Delete
                  </Button>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
