/**
 * Lists pasted from Microsoft Word. Word's clipboard HTML has no <ul>, <ol> or <li>: each item is a paragraph
 * (`<p class=MsoListParagraphCxSpFirst style='…;mso-list:l0 level1 lfo1'>`) whose marker ("·", "o", "§", "1.", "a.")
 * is text in a span styled `mso-list:Ignore`, between `<![if !supportLists]>` and `<![endif]>`. Pasted as it is, every
 * item became a paragraph starting with "·". This turns runs of such paragraphs into real lists, nested by their
 * level, numbered when the marker is a number or a letter; everything else in the HTML is left alone.
 */

/** `mso-list:l0 level2 lfo1`: which list (l0 with its override lfo1) and how deep. */
const MSO_LIST = /mso-list:\s*(l\d+)\s+level(\d+)(?:\s+(lfo\d+))?/i;
/** A numbered item's marker: "1.", "12)", "a.", "iv.", "(b)". Anything else (·, o, §, -, •) is a bullet. */
const NUMBERED_MARKER = /^\(?(?:\d{1,4}|[a-z]{1,2}|[ivxlcdm]{1,6})[.)]$/i;

type Item = { paragraph: HTMLElement; list: string; level: number; ordered: boolean };

/** Whether pasted HTML has Word's list paragraphs (the one thing this module changes). */
export function hasWordLists(html: string): boolean {
  return /mso-list:\s*l\d+\s+level\d/i.test(html);
}

/** Pasted HTML with Word's list paragraphs turned into ul/ol/li; any other HTML comes back unchanged. */
export function transformWordLists(html: string): string {
  if (!hasWordLists(html)) return html;
  const doc = new DOMParser().parseFromString(html, "text/html");
  let run: Item[] = [];
  // Items are gathered in runs of adjacent paragraphs (blank text and comments between them do not break a run).
  for (const paragraph of [...doc.body.querySelectorAll("p")]) {
    const item = readItem(paragraph);
    if (!item) continue;
    const last = run[run.length - 1];
    if (last && !isNextSibling(last.paragraph, paragraph)) {
      buildLists(doc, run);
      run = [];
    }
    run.push(item);
  }
  if (run.length > 0) buildLists(doc, run);
  return doc.body.innerHTML;
}

function readItem(paragraph: HTMLElement): Item | null {
  const match = MSO_LIST.exec(paragraph.getAttribute("style") ?? "");
  if (!match) return null;
  const markers = [...paragraph.querySelectorAll<HTMLElement>("[style*='mso-list']")].filter((el) => /mso-list:\s*ignore/i.test(el.getAttribute("style") ?? ""));
  const marker = (markers[0]?.textContent ?? "").replace(/[\s\u00a0]+/g, "");
  for (const element of markers) element.remove();
  return { paragraph, list: `${match[1]}-${match[3] ?? ""}`, level: Number(match[2]), ordered: NUMBERED_MARKER.test(marker) };
}

function isNextSibling(previous: Node, next: Node): boolean {
  let node = previous.nextSibling;
  while (node && (node.nodeType === Node.COMMENT_NODE || (node.nodeType === Node.TEXT_NODE && !node.textContent?.trim()))) node = node.nextSibling;
  return node === next;
}

type Open = { element: HTMLElement; level: number; ordered: boolean };

/** Replaces one run of item paragraphs with nested lists, in place of its first paragraph. */
function buildLists(doc: Document, run: Item[]) {
  const anchor = doc.createComment("");
  run[0]!.paragraph.before(anchor);
  const stack: Open[] = [];
  let rootList = "";
  for (const item of run) {
    while (stack.length > 0 && stack[stack.length - 1]!.level > item.level) stack.pop();
    let top = stack[stack.length - 1];
    // The same level with another kind of marker, or another Word list at the top level, starts a new list.
    if (top && top.level === item.level && (top.ordered !== item.ordered || (stack.length === 1 && item.list !== rootList))) {
      stack.pop();
      top = stack[stack.length - 1];
    }
    if (!top || top.level < item.level) {
      const element = doc.createElement(item.ordered ? "ol" : "ul");
      if (top) lastItemOf(doc, top.element).append(element);
      else {
        anchor.before(element);
        rootList = item.list;
      }
      top = { element, level: item.level, ordered: item.ordered };
      stack.push(top);
    }
    const li = doc.createElement("li");
    const p = doc.createElement("p");
    p.append(...item.paragraph.childNodes);
    li.append(p);
    top.element.append(li);
    item.paragraph.remove();
  }
  anchor.remove();
}

/** The list's last item, to nest a deeper list in (made when a list starts deeper than level 1). */
function lastItemOf(doc: Document, list: HTMLElement): HTMLElement {
  const last = list.lastElementChild;
  if (last?.tagName === "LI") return last as HTMLElement;
  const li = doc.createElement("li");
  list.append(li);
  return li;
}
