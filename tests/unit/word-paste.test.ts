// @vitest-environment happy-dom
/**
 * Word's list paragraphs become lists (components/editor/word-paste.ts), checked on the e2e fixture of Word's
 * clipboard HTML and on small cases: nesting by level, numbered vs bulleted by the marker, separate lists, and HTML
 * that is not Word's left alone.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasWordLists, transformWordLists } from "@/components/editor/word-paste";

const fixture = readFileSync(path.join(import.meta.dirname, "../../e2e/fixtures/word-lists.html"), "utf8");

function parse(html: string) {
  return new DOMParser().parseFromString(html, "text/html").body;
}

/** A Word list paragraph: its marker in an mso-list:Ignore span, as Word writes it. */
function item(list: string, level: number, marker: string, text: string) {
  return `<p class=MsoListParagraphCxSpMiddle style='text-indent:-.25in;mso-list:${list} level${level} lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>${text}<o:p></o:p></p>`;
}

const texts = (elements: Iterable<Element>) => [...elements].map((e) => e.textContent?.replace(/\s+/g, " ").trim());

describe("transformWordLists", () => {
  it("turns the fixture's bulleted and numbered lists into nested ul/ol with no marker left", () => {
    const body = parse(transformWordLists(fixture));
    const lists = body.querySelectorAll(":scope > ul, :scope > ol");
    expect([...lists].map((l) => l.tagName)).toEqual(["UL", "OL"]);
    const [bullets, numbers] = [...lists];

    expect(texts(bullets!.querySelectorAll(":scope > li > p"))).toEqual([
      "Dredging the lower channel before the spring floods",
      "Raising the levee at two places",
      "A warning siren for the east bank",
    ]);
    expect(bullets!.querySelector("b")?.textContent).toBe("spring floods");
    const nested = bullets!.querySelectorAll(":scope > li")[1]!.querySelector(":scope > ul");
    expect(texts(nested!.querySelectorAll("li"))).toEqual(["Below the old mill", "Along the school playing fields"]);

    expect(texts(numbers!.querySelectorAll(":scope > li > p"))).toEqual(["Surveys of the riverbed in March", "Dredging from May to July", "The levee and the siren by October"]);
    const lettered = numbers!.querySelector(":scope > li > ol");
    expect(texts(lettered!.querySelectorAll("li"))).toEqual(["Soundings from the footbridge", "Core samples near the weir"]);

    // No marker survives as text, and the paragraphs around the lists stay where they were.
    expect(body.textContent).not.toMatch(/·|(^|\s)o\s|\b1\.|\ba\./);
    const order = [...body.children].filter((e) => ["P", "UL", "OL"].includes(e.tagName)).map((e) => e.tagName);
    expect(order).toEqual(["P", "UL", "P", "OL", "P"]);
  });

  it("starts a new list for another Word list at the top level, and for another kind of marker at one level", () => {
    const html = [item("l0", 1, "·", "One"), item("l0", 1, "·", "Two"), item("l3", 1, "·", "Other list"), item("l3", 1, "1.", "Numbered now")].join("\n");
    const body = parse(transformWordLists(html));
    expect([...body.children].map((e) => `${e.tagName}:${texts(e.querySelectorAll("li")).join("|")}`)).toEqual(["UL:One|Two", "UL:Other list", "OL:Numbered now"]);
  });

  it("nests a deeper item in the item before it; items deeper than any before them open a list of their own", () => {
    const html = [item("l0", 2, "o", "Deep first"), item("l0", 1, "·", "Top"), item("l0", 3, "§", "Three down"), item("l0", 1, "·", "Top again")].join("\n");
    const body = parse(transformWordLists(html));
    const [first, second] = [...body.querySelectorAll(":scope > ul")];
    // A list item cannot start with a list (the editor would add an empty bullet): the stray deep item stands alone.
    expect(texts(first!.querySelectorAll("li"))).toEqual(["Deep first"]);
    expect(texts(second!.querySelectorAll(":scope > li > p"))).toEqual(["Top", "Top again"]);
    expect(second!.querySelector(":scope > li > ul > li > p")?.textContent).toBe("Three down");
  });

  it("recognises numbered markers: digits, letters, roman numerals and parentheses", () => {
    for (const marker of ["1.", "12)", "a.", "iv.", "(b)"]) {
      expect(parse(transformWordLists(item("l0", 1, marker, "x"))).firstElementChild?.tagName, marker).toBe("OL");
    }
    for (const marker of ["·", "o", "§", "-", "•"]) {
      expect(parse(transformWordLists(item("l0", 1, marker, "x"))).firstElementChild?.tagName, marker).toBe("UL");
    }
  });

  it("leaves HTML without Word lists exactly as it was", () => {
    const html = "<p>Plain <b>text</b></p><ul><li>Already a list</li></ul>";
    expect(hasWordLists(html)).toBe(false);
    expect(transformWordLists(html)).toBe(html);
  });
});
