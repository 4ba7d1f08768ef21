/**
 * The hostile-input corpus: text a person (or an attacker with a staff account, or a pasted document) can type into
 * any field. Every entry goes through every field (e2e/security/hostile-inputs.spec.ts) and through the pure
 * renderers (tests/unit/hostile-inputs.test.ts); it must be stored and shown as text, or refused with a clear
 * message, never executed and never a 500.
 *
 * Markers: a payload that would create an element gives it an id starting with "pwn" (or a data-pwn attribute), and
 * a payload that would run script calls alert(). The browser checks assert that no element with such an id exists
 * and that no dialog opens. The 1 MB strings and the control characters are built here, not committed as bytes.
 *
 * HOSTILE_DOCUMENTS are article bodies whose shape, not their text, is the attack: each must be refused with a
 * message on the body field (a 400), never a 500.
 */

export type HostileCategory =
  | "script"
  | "event-handler"
  | "javascript-url"
  | "offsite-url"
  | "data-url"
  | "svg"
  | "mathml"
  | "css"
  | "entities"
  | "lookalike"
  | "bidi"
  | "null-byte"
  | "control"
  | "huge"
  | "sql"
  | "template"
  | "breakout";

export type HostileInput = { name: string; category: HostileCategory; value: string };

const MB = 1024 * 1024;
const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  // <script> in every costume
  { name: "script tag", category: "script", value: `<script id="pwn1">alert("pwn1")</script>` },
  { name: "script after closing title", category: "script", value: `</title><script id=pwn2>alert(2)</script>` },
  { name: "double-quoted attribute breakout", category: "script", value: `"><script id=pwn3>alert(3)</script>` },
  { name: "single-quoted attribute breakout", category: "script", value: `'><script id=pwn4>alert(4)</script>` },
  { name: "mixed-case script", category: "script", value: `<ScRiPt id=pwn5>alert(5)</sCrIpT>` },
  { name: "script with data: src", category: "script", value: `<script id=pwn6 src="data:text/javascript,alert(6)"></script>` },
  { name: "template element with script", category: "script", value: `<template><script id=pwn7>alert(7)</script></template>` },

  // Breaking out of the containers the text lands in: JSON-LD <script>, XML CDATA, comments, textarea
  { name: "closing script (JSON-LD breakout)", category: "breakout", value: `</script><script id=pwn8>alert(8)</script>` },
  { name: "HTML comment opener (JSON-LD)", category: "breakout", value: `<!--<script id=pwn9>alert(9)</script>` },
  { name: "CDATA end (feeds)", category: "breakout", value: `]]><script id=pwn10>alert(10)</script><![CDATA[` },
  { name: "two CDATA ends", category: "breakout", value: `a]]>b]]>c<![CDATA[d]]>` },
  { name: "closing textarea", category: "breakout", value: `</textarea><img id=pwn11 src=x onerror=alert(11)>` },
  { name: "closing style and noscript", category: "breakout", value: `</style></noscript><img id=pwn12 src=x onerror=alert(12)>` },
  { name: "XML declaration and doctype", category: "breakout", value: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>` },

  // Event handlers
  { name: "img onerror", category: "event-handler", value: `<img src=x id=pwn13 onerror=alert(13)>` },
  { name: "svg onload", category: "event-handler", value: `<svg id=pwn14 onload=alert(14)>` },
  { name: "body onload", category: "event-handler", value: `<body onload=alert(15) id=pwn15>` },
  { name: "full-page onmouseover", category: "event-handler", value: `<div id=pwn16 onmouseover="alert(16)" style="position:fixed;inset:0">x</div>` },
  { name: "attribute injection with autofocus", category: "event-handler", value: `" autofocus onfocus="alert(17)" data-pwn="17` },
  { name: "single-quote attribute injection", category: "event-handler", value: `' onmouseover='alert(18)' data-pwn='18` },
  { name: "details ontoggle", category: "event-handler", value: `<details open ontoggle=alert(19) id=pwn19>` },
  { name: "input autofocus onfocus", category: "event-handler", value: `<input autofocus onfocus=alert(20) id=pwn20>` },
  { name: "iframe srcdoc", category: "event-handler", value: `<iframe id=pwn21 srcdoc="<script>parent.alert(21)</script>"></iframe>` },

  // javascript: URLs
  { name: "javascript: URL", category: "javascript-url", value: "javascript:alert(22)" },
  { name: "mixed-case javascript: URL", category: "javascript-url", value: "JaVaScRiPt:alert(23)" },
  { name: "javascript: URL behind whitespace", category: "javascript-url", value: " \t\njavascript:alert(24)" },
  { name: "javascript: URL with a tab inside", category: "javascript-url", value: "java\tscript:alert(25)" },
  { name: "anchor with javascript: href", category: "javascript-url", value: `<a id=pwn26 href="javascript:alert(26)">click me</a>` },
  { name: "entity-encoded javascript:", category: "javascript-url", value: "&#106;avascript:alert(27)" },
  { name: "javascript&colon;", category: "javascript-url", value: "javascript&colon;alert(28)" },
  { name: "vbscript: URL", category: "javascript-url", value: "vbscript:msgbox(29)" },
  { name: "base href javascript:", category: "javascript-url", value: `<base href="javascript:alert(30)//">` },
  { name: "form action javascript:", category: "javascript-url", value: `<form id=pwn31 action="javascript:alert(31)"><button>go</button></form>` },
  { name: "protocol-relative URL", category: "javascript-url", value: "//evil.example/x" },
  { name: "backslash host URL", category: "javascript-url", value: "/\\evil.example/x" },

  // Paths that look site-relative but that a browser resolves to another host (tabs, newlines and CRs are dropped
  // from URLs, a backslash reads as a slash, "/.//host" normalizes to "//host"), as links and image sources
  { name: "tab between the slashes", category: "offsite-url", value: "/\t/evil.example/phish" },
  { name: "newline between the slashes", category: "offsite-url", value: "/\n/evil.example/phish" },
  { name: "carriage return between the slashes", category: "offsite-url", value: "/\r/evil.example/phish" },
  { name: "CR LF and tabs around the slashes", category: "offsite-url", value: "\t/\r\n\t/evil.example/phish" },
  { name: "percent-encoded tab", category: "offsite-url", value: "/%09/evil.example/phish" },
  { name: "percent-encoded newline, escaped twice", category: "offsite-url", value: "/%250A/evil.example/phish" },
  { name: "slash backslash", category: "offsite-url", value: "/\\/evil.example/phish" },
  { name: "two backslashes", category: "offsite-url", value: "\\\\evil.example/phish" },
  { name: "tab and backslash", category: "offsite-url", value: "/\t\\evil.example/phish" },
  { name: "null byte between the slashes", category: "offsite-url", value: "/\u0000/evil.example/phish" },
  { name: "dot segment to two slashes", category: "offsite-url", value: "/.//evil.example/phish" },
  { name: "encoded slashes", category: "offsite-url", value: "/%2F%2Fevil.example/phish" },
  { name: "mixed-case scheme, backslashes", category: "offsite-url", value: "HtTpS:\\\\evil.example/phish" },
  { name: "fullwidth and division slashes", category: "offsite-url", value: "/\uFF0F\u2215evil.example/phish" },
  { name: "ideographic full stop host", category: "offsite-url", value: "//evil\u3002example/phish" },

  // data: URLs
  { name: "data:text/html URL", category: "data-url", value: "data:text/html,<script>alert(32)</script>" },
  { name: "base64 data: URL", category: "data-url", value: "data:text/html;base64,PHNjcmlwdD5hbGVydCgzMyk8L3NjcmlwdD4=" },
  { name: "object with data:", category: "data-url", value: `<object id=pwn34 data="data:text/html,<script>alert(34)</script>"></object>` },
  { name: "embed with SVG data:", category: "data-url", value: `<embed id=pwn35 src="data:image/svg+xml,<svg onload=alert(35)>">` },

  // SVG
  { name: "script inside svg", category: "svg", value: `<svg><script id=pwn36>alert(36)</script></svg>` },
  { name: "svg xlink:href javascript:", category: "svg", value: `<svg><a id=pwn37 xlink:href="javascript:alert(37)"><text x=20 y=20>x</text></a></svg>` },
  { name: "svg animate onbegin", category: "svg", value: `<svg><animate id=pwn38 onbegin=alert(38) attributeName=x dur=1s>` },
  { name: "svg foreignObject iframe", category: "svg", value: `<svg><foreignObject><iframe id=pwn39 src="javascript:alert(39)"></iframe></foreignObject></svg>` },
  { name: "svg use with data: href", category: "svg", value: `<svg><use id=pwn40 href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(40)'/></svg>#x"/></svg>` },

  // MathML
  { name: "MathML mglyph/style mutation", category: "mathml", value: `<math><mtext><table><mglyph><style><img id=pwn41 src=x onerror=alert(41)>` },
  { name: "MathML href javascript:", category: "mathml", value: `<math id=pwn42 href="javascript:alert(42)">click</math>` },
  { name: "MathML maction xlink", category: "mathml", value: `<math><maction id=pwn43 actiontype=statusline xlink:href="javascript:alert(43)">x</maction></math>` },

  // CSS
  { name: "style element", category: "css", value: `<style>body{display:none}#pwn44{}</style>` },
  { name: "inline style url(javascript:)", category: "css", value: `<div id=pwn45 style="background-image:url(javascript:alert(45))">x</div>` },
  { name: "CSS expression()", category: "css", value: `x:expression(alert(46)); background:url("javascript:alert(46)")` },
  { name: "stylesheet link with data:", category: "css", value: `<link id=pwn47 rel=stylesheet href="data:text/css,body{display:none}">` },
  { name: "CSS escape of javascript", category: "css", value: `} body { background: url(\\6a avascript:alert(48)) } {` },

  // HTML entities
  { name: "pre-escaped script", category: "entities", value: "&lt;script id=pwn49&gt;alert(49)&lt;/script&gt;" },
  { name: "numeric-entity img", category: "entities", value: "&#60;img id=pwn50 src=x onerror=alert(50)&#62;" },
  { name: "entity soup", category: "entities", value: "&amp; &quot; &apos; &#x27; &nbsp; &copy; &#0; &#xD800; &notanentity;" },
  { name: "JavaScript unicode escapes", category: "entities", value: "\\u003cimg id=pwn51 src=x onerror=alert(51)\\u003e" },

  // Unicode look-alikes and invisible characters
  { name: "fullwidth angle brackets", category: "lookalike", value: "＜script id=pwn52＞alert(52)＜/script＞" },
  { name: "small less-than sign", category: "lookalike", value: "\uFE64script\uFE65alert(53)\uFE64/script\uFE65" },
  { name: "Cyrillic homoglyphs", category: "lookalike", value: "аdmin@dаteline.test раураl.com" },
  { name: "zero-width joiners in script", category: "lookalike", value: "<scr\u200Bipt id=pwn54>alert(54)</scr\u200Dipt> java\u200Bscript:alert(54)" },
  { name: "combining characters (Zalgo)", category: "lookalike", value: "Z\u0351\u0344\u036B\u0343a\u0352l\u0350\u0346g\u0363o\u0489\u0489\u0489" },
  { name: "emoji with ZWJ and flags", category: "lookalike", value: "👩🏽‍💻 🏳️‍🌈 🇲🇽 𝕏 𝒶" },

  // Right-to-left overrides
  { name: "right-to-left override file name", category: "bidi", value: "invoice\u202Egnp.exe" },
  { name: "RLE/PDF around Arabic", category: "bidi", value: "\u202Bمرحبا <b id=pwn55>x</b>\u202C end" },
  { name: "bidi isolates and marks", category: "bidi", value: "\u2066\u2067\u2068isolated\u2069\u2069\u2069 \u200F\u200E\u061C" },
  { name: "unterminated override", category: "bidi", value: "\u202Dstart \u202E never closed" },

  // Null bytes and control characters
  { name: "a lone null byte", category: "null-byte", value: "\u0000" },
  { name: "null byte before a script", category: "null-byte", value: "before\u0000<script id=pwn56>alert(56)</script>" },
  { name: "null byte inside javascript:", category: "null-byte", value: "java\u0000script:alert(57)" },
  { name: "percent-encoded null", category: "null-byte", value: "%00<img id=pwn58 src=x onerror=alert(58)>" },
  { name: "C0 controls XML cannot carry", category: "control", value: "bell\u0007 vt\u000B ff\u000C esc\u001B us\u001F \uFFFE\uFFFF end" },
  { name: "lone surrogates", category: "control", value: "high \uD800 low \uDC00 end" },
  { name: "line and paragraph separators", category: "control", value: "a\u2028b\u2029c</script>" },
  { name: "CRLF header injection", category: "control", value: "x\r\nSet-Cookie: pwn=1\r\n\r\n<script id=pwn59>alert(59)</script>" },

  // 1 MB strings
  { name: "1 MB of letters", category: "huge", value: repeatTo("A", MB) },
  { name: "1 MB of markup", category: "huge", value: repeatTo(`<img id=pwn60 src=x onerror=alert(60)>`, MB) },
  { name: "10,000-character word", category: "huge", value: repeatTo("supercalifragilistic", 10_000) },

  // SQL and search-syntax fragments
  { name: "SQL drop table", category: "sql", value: `'; DROP TABLE "Article"; --` },
  { name: "SQL tautology", category: "sql", value: "' OR '1'='1' --" },
  { name: "LIKE wildcards", category: "sql", value: "%' OR 1=1 -- _%\\" },
  { name: "pg_sleep", category: "sql", value: "1'); SELECT pg_sleep(5); --" },
  { name: "tsquery operators", category: "sql", value: "!(water & pipes) | council:* <-> 'x' <2> (" },
  { name: "dollar quoting", category: "sql", value: "$$; DELETE FROM \"User\"; $$ $tag$ x $tag$" },

  // Template and prototype tricks
  { name: "Angular/Vue template", category: "template", value: "{{constructor.constructor('alert(61)')()}}" },
  { name: "JS template literal", category: "template", value: "${alert(62)} #{7*7} <%= 7*7 %>" },
  { name: "prototype pollution keys", category: "template", value: `{"__proto__":{"polluted":"pwn63"},"constructor":{"prototype":{"x":1}}}` },
  { name: "meta refresh", category: "template", value: `<meta http-equiv="refresh" content="0;url=javascript:alert(64)">` },
  { name: "noscript title mutation", category: "template", value: `<noscript><p title="</noscript><img id=pwn65 src=x onerror=alert(65)>">` },
];

/** Entries that fit a field of `max` characters (after trimming), for packing several into one short field. */
export function inputsFitting(max: number): HostileInput[] {
  return HOSTILE_INPUTS.filter((h) => h.value.trim().length > 0 && h.value.trim().length <= max);
}

/** Packs entries greedily into strings of at most `max` characters, joined by `separator`. */
export function packInputs(inputs: readonly HostileInput[], max: number, separator = " · "): string[] {
  const packs: string[] = [];
  let current = "";
  for (const input of inputs) {
    const value = input.value;
    if (value.length > max) continue;
    const next = current ? `${current}${separator}${value}` : value;
    if (next.length <= max) current = next;
    else {
      packs.push(current);
      current = value;
    }
  }
  if (current) packs.push(current);
  return packs;
}

/**
 * A body of `depth` levels of `open` around one paragraph, as JSON text: built as a string, since JSON.stringify (and
 * anything else recursive) overflows the stack on such a value, which is the point. JSON.parse reads it back.
 */
function nestedBody(open: string, close: string, depth: number): string {
  const paragraph = `{"type":"paragraph","content":[{"type":"text","text":"deep"}]}`;
  return `{"type":"doc","content":[${open.repeat(depth)}${paragraph}${close.repeat(depth)}]}`;
}

export type HostileDocument = { name: string; json: string };

export const HOSTILE_DOCUMENTS: readonly HostileDocument[] = [
  { name: "quotes nested 1,000 levels deep (34 KB)", json: nestedBody(`{"type":"blockquote","content":[`, "]}", 1000) },
  { name: "lists nested 600 levels deep", json: nestedBody(`{"type":"bulletList","content":[{"type":"listItem","content":[`, "]}]}", 600) },
  { name: "an unknown node nested 100,000 levels deep", json: nestedBody(`{"type":"x","content":[`, "]}", 100_000) },
  {
    name: "a link attribute nested 200,000 arrays deep",
    json: `{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x","marks":[{"type":"link","attrs":{"href":${"[".repeat(200_000)}${"]".repeat(200_000)}}}]}]}]}`,
  },
];
