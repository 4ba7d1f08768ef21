/**
 * Reads a multipart server action body the way React's reply decoder (decodeReply/decodeAction, which Next runs
 * before any action code) would, without running it, and names the first thing that would make the decoder throw:
 * Next answers every such throw with a 500. The body is a FormData of "parts": "0" holds the arguments as JSON, and a
 * string in it starting with "$" refers to another part ("$1", "$Q2", "$B3", "$@4", "$1:a:0" for a path inside
 * part 1) or is a value written inline ("$undefined", "$D2026-…", "$n12", "$$text").
 *
 * Accepted is what React's client writes for the arguments our actions take (JSON values, dates, FormData, files,
 * Maps, Sets, promises, references back to objects already sent); refused are references to parts that were not
 * sent, or sent after the part that needs them (the decoder reads the parts as they arrive), unreadable JSON,
 * nesting deeper than the guard reads, an expansion past React's array limit, and kinds no action here takes
 * (functions, streams, typed arrays).
 */

/** React's `arraySizeLimit` (how many array slots a reply may expand to, references included). */
const ARRAY_SIZE_LIMIT = 1_000_000;
const MAX_DEPTH = 64;
/** Values the decoder writes inline, from the letter after "$": literal "$", undefined, NaN, ±Infinity, -0, dates. */
const INLINE = new Set(["$", "u", "N", "I", "-", "D", "H", "T", "K"]);
const NOT_TAKEN = new Set(["h", "R", "r", "X", "x", "A", "O", "o", "U", "S", "s", "L", "l", "G", "g", "M", "m", "V"]);

type Entries = [string, FormDataEntryValue][];

class ReplyProblem extends Error {}

/** A reply rooted at part `prefix + "0"`, given the parts the decoder has when it reads that root. */
class Reply {
  private readonly parsed = new Map<string, unknown>();
  private readonly weights = new Map<string, number>();
  private readonly inProgress = new Set<string>();
  private readonly collections = new Set<string>();

  constructor(
    private readonly prefix: string,
    private readonly strings: Map<string, string>,
    private readonly files: Set<string>,
    /** Parts a promise ("$@") may name: those sent after the root too. */
    private readonly promised: Set<string>,
    /** Next gives fetch actions a set for React's temporary references ("$T"); a form post has none. */
    private readonly hasTemporaryReferences: boolean,
  ) {}

  /** Checks part `id` and everything it refers to; returns how many array slots it expands to, at most. */
  weigh(id: string): number {
    if (this.inProgress.has(id)) return 0; // a reference back to a part being read: the decoder waits for it
    const known = this.weights.get(id);
    if (known !== undefined) return known;
    const json = this.json(id);
    this.inProgress.add(id);
    let weight = this.strings.get(id)!.length;
    const walk = (value: unknown, depth: number) => {
      if (depth > MAX_DEPTH) throw new ReplyProblem("the arguments are nested too deeply");
      if (typeof value === "string") weight += this.reference(value);
      else if (value && typeof value === "object") for (const item of Object.values(value)) walk(item, depth + 1);
      if (weight > ARRAY_SIZE_LIMIT) throw new ReplyProblem("the arguments expand to more data than a server action accepts");
    };
    walk(json, 0);
    this.inProgress.delete(id);
    this.weights.set(id, weight);
    return weight;
  }

  json(id: string): unknown {
    if (this.parsed.has(id)) return this.parsed.get(id);
    const text = this.strings.get(id);
    if (text === undefined) throw new ReplyProblem(`part ${id} is referred to but was not sent before it was needed`);
    try {
      const json: unknown = JSON.parse(text);
      this.parsed.set(id, json);
      return json;
    } catch {
      throw new ReplyProblem(`part ${id} is not valid JSON`);
    }
  }

  /** The weight a string adds where it stands: 0 for plain text and inline values, the referenced part's otherwise. */
  private reference(value: string): number {
    if (!value.startsWith("$")) return 0;
    const kind = value[1] ?? "";
    if (kind === "T" && !this.hasTemporaryReferences) throw new ReplyProblem(`"$T" is not accepted in a form post`);
    if (INLINE.has(kind)) return 0;
    if (kind === "n") {
      if (!/^\$n(?:-?\d{1,300})?$/.test(value)) throw new ReplyProblem(`"${value.slice(0, 20)}" is not a number`);
      return 0;
    }
    if (NOT_TAKEN.has(kind)) throw new ReplyProblem(`"${value.slice(0, 20)}" is a kind of argument no action here takes`);
    if (kind === "@" || kind === "B" || kind === "Q" || kind === "W" || kind === "i") {
      const id = this.partId(value.slice(2), value);
      if (kind === "@") {
        if (!this.promised.has(this.prefix + id)) throw new ReplyProblem(`"${value.slice(0, 20)}" refers to a part that was not sent`);
        return 0; // a promise: read when awaited, and our actions never await one (their schemas refuse it)
      }
      if (kind === "B") {
        if (!this.files.has(this.prefix + id)) throw new ReplyProblem(`"${value.slice(0, 20)}" refers to a file that was not sent before it was needed`);
        return 0;
      }
      // A Map, Set or iterator is made from its part, once.
      if (this.collections.has(id)) throw new ReplyProblem(`part ${id} is used for two collections`);
      this.collections.add(id);
      if (!Array.isArray(this.json(this.prefix + id))) throw new ReplyProblem(`part ${id} is not a list`);
      return this.weigh(this.prefix + id);
    }
    const match = /^\$([0-9a-fA-F]+)((?::[^:]*)*)$/.exec(value);
    if (!match) throw new ReplyProblem(`"${value.slice(0, 20)}" is not a value or reference the decoder knows`);
    const id = this.prefix + this.partId(match[1]!, value);
    const weight = this.weigh(id);
    let target: unknown = this.json(id);
    for (const step of match[2]!.split(":").slice(1)) {
      if (!target || typeof target !== "object" || !Object.hasOwn(target, step)) throw new ReplyProblem(`"${value.slice(0, 40)}" names a path that is not in part ${id}`);
      target = (target as Record<string, unknown>)[step];
    }
    return weight;
  }

  private partId(hex: string, value: string): string {
    if (!/^[0-9a-fA-F]{1,8}$/.test(hex)) throw new ReplyProblem(`"${value.slice(0, 20)}" does not name a part`);
    return String(parseInt(hex, 16));
  }
}

/**
 * What is wrong with a fetch action's multipart body (read by the decoder as the parts arrive), or with the bound
 * arguments of a form posted without JavaScript ($ACTION_REF_n, read once the whole form is in); null when fine.
 */
export function findReplyProblem(entries: Entries, isFetchAction: boolean): string | null {
  try {
    if (isFetchAction) checkFetchReply(entries);
    else for (const [key] of entries) if (key.startsWith("$ACTION_REF_")) checkFormReply(`$ACTION_${key.slice("$ACTION_REF_".length)}:`, entries);
    return null;
  } catch (error) {
    if (error instanceof ReplyProblem) return error.message;
    throw error;
  }
}

function checkFetchReply(entries: Entries) {
  // The decoder takes any field named by a number ("01", "1e0" and "" too) for a part: only "0", "1"… are sent.
  const oddName = entries.find(([key]) => !Number.isNaN(+key) && !/^(?:0|[1-9]\d*)$/.test(key));
  if (oddName) throw new ReplyProblem(`the form field "${oddName[0].slice(0, 20)}" is not a part name the decoder accepts`);
  // A part sent twice: the decoder feeds the second copy to the part it already read, and throws.
  const partNames = entries.map(([key]) => key).filter((key) => /^\d+$/.test(key));
  if (new Set(partNames).size !== partNames.length) throw new ReplyProblem("a part is sent twice");
  const roots = entries.filter(([key]) => key === "0");
  if (roots.length !== 1 || typeof roots[0]![1] !== "string") throw new ReplyProblem("the arguments (part 0) must be sent once, as text");
  // The decoder reads the arguments as soon as part 0 arrives: what they refer to must have come before.
  const before = entries.slice(0, entries.indexOf(roots[0]!) + 1);
  replyOf("", before, entries, true).weigh("0");
}

/** A form action's bound arguments: { id, bound } in part 0, bound null or a promise of at most 1,000 values. */
function checkFormReply(prefix: string, entries: Entries) {
  const reply = replyOf(prefix, entries, entries, false);
  const root = reply.json(`${prefix}0`) as { id?: unknown; bound?: unknown } | null;
  if (!root || typeof root !== "object" || typeof root.id !== "string") throw new ReplyProblem("the form's action reference has no id");
  const bound = typeof root.bound === "string" ? /^\$@([0-9a-fA-F]{1,8})$/.exec(root.bound) : null;
  if (root.bound !== null && !bound) throw new ReplyProblem("the form's bound arguments are not a reference");
  if (bound) {
    const args = reply.json(`${prefix}${parseInt(bound[1]!, 16)}`);
    if (!Array.isArray(args) || args.length > 1000) throw new ReplyProblem("the form's bound arguments are not a list of at most 1,000 values");
  }
  reply.weigh(`${prefix}0`);
}

function replyOf(prefix: string, available: Entries, all: Entries, isFetchAction: boolean): Reply {
  const mine = (entries: Entries) => entries.filter(([key]) => key.startsWith(prefix));
  const strings = new Map(mine(available).filter((e): e is [string, string] => typeof e[1] === "string"));
  const files = new Set(mine(available).filter(([, value]) => typeof value !== "string").map(([key]) => key));
  const promised = new Set(mine(all).filter(([, value]) => typeof value === "string").map(([key]) => key));
  return new Reply(prefix, strings, files, promised, isFetchAction);
}
