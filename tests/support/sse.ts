/**
 * A reader of Server-Sent Events for tests and the bench: the frames of an event stream (live coverage,
 * app/api/live/[id]) as { id, event, data }, comments and the opening `retry:` left out.
 */
export type SseFrame = { id: string; event: string; data: string };

export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = "";
  private readonly frames: SseFrame[] = [];
  /** The stream ended (the server closed it). */
  isDone = false;

  constructor(response: Response) {
    if (!response.body) throw new Error(`no event stream (status ${response.status})`);
    this.reader = response.body.getReader();
  }

  /** Frames until `count` have arrived, the stream ends, or `ms` pass (then whatever arrived). */
  async next(count: number, ms: number): Promise<SseFrame[]> {
    const deadline = Date.now() + ms;
    while (this.frames.length < count && !this.isDone && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([this.reader.read(), new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), deadline - Date.now())))]);
      clearTimeout(timer);
      if (!chunk) break;
      if (chunk.done) this.isDone = true;
      else this.parse(this.decoder.decode(chunk.value, { stream: true }));
    }
    return this.frames.splice(0, count);
  }

  private parse(text: string) {
    this.buffer += text;
    let end;
    while ((end = this.buffer.indexOf("\n\n")) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const field = (name: string) => block.split("\n").find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2) ?? "";
      if (field("event")) this.frames.push({ id: field("id"), event: field("event"), data: field("data") });
    }
  }

  close(): Promise<void> {
    return this.reader.cancel().catch(() => {});
  }
}
