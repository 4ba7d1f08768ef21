/**
 * GET /api/live/:storyId — a live story's event stream (Server-Sent Events) for its readers' pages
 * (components/live/live-story.tsx). It starts after the event the reader last saw (`Last-Event-ID` when the browser
 * reconnects, else `?after=` from the page), replays what they missed, then stays open with each change as it
 * happens on any instance (lib/live/hub.ts). When the coverage ends, it says so and closes. Never cached or
 * buffered: `no-transform` keeps Next from compressing it and `X-Accel-Buffering: no` keeps nginx from holding it.
 * 404 for a story that is not published live coverage; 400 for a bad id or event number.
 */
import { z } from "zod";
import { getLiveStreamState } from "@/lib/data/live/public";
import { isDatabaseUnavailable } from "@/lib/data/errors";
import { OPENING } from "@/lib/live/events";
import { openLiveStream } from "@/lib/live/hub";
import { RecordIdSchema } from "@/lib/validation/articles";

export const dynamic = "force-dynamic";

const SeqSchema = z.coerce.number().int().min(0).max(2_147_483_647);
const STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-store, no-transform",
  "x-accel-buffering": "no",
};
const plain = (status: number, text: string) => new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = RecordIdSchema.safeParse((await params).id);
  const since = SeqSchema.safeParse(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? "0");
  if (!id.success || !since.success) return plain(400, "Not a story or an event number.");
  try {
    if (!(await getLiveStreamState(id.data))) return plain(404, "There is no live coverage here.");
  } catch (error) {
    if (isDatabaseUnavailable(error)) return plain(503, "The database is not answering for the moment.");
    throw error;
  }

  let leave = () => {};
  let isClosed = false;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const stream = {
        write(bytes: Uint8Array) {
          if (!isClosed) controller.enqueue(bytes);
        },
        close() {
          if (isClosed) return;
          isClosed = true;
          controller.close();
        },
      };
      stream.write(OPENING);
      request.signal.addEventListener("abort", () => {
        leave();
        stream.close();
      });
      try {
        leave = await openLiveStream(id.data, since.data, stream);
        if (request.signal.aborted) leave();
      } catch {
        // The browser reconnects after RETRY_MS and replays from its last event.
        stream.close();
      }
    },
    cancel() {
      isClosed = true;
      leave();
    },
  });
  return new Response(body, { headers: STREAM_HEADERS });
}
