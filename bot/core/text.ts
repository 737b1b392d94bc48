/**
 * Text handling shared by every channel. Core messages are plain text; the only markup
 * is bold, written with `bold()` as invisible control characters that user input can never
 * contain (`cleanInput` strips them). A channel renders them (Telegram: <b>, web: <strong>)
 * after escaping everything else, or drops them (Zalo).
 */

const B_OPEN = "\u0002";
const B_CLOSE = "\u0003";

export function bold(s: string): string {
  return B_OPEN + s.replaceAll(B_OPEN, "").replaceAll(B_CLOSE, "") + B_CLOSE;
}

/**
 * Characters never kept from what people type or are called: C0 controls (except newline and
 * tab), DEL and C1 controls, zero-width and bidirectional formatting marks (LRM/RLM/ALM,
 * embeddings, overrides and isolates: a name must not flip or restyle the text around it),
 * line/paragraph separators, the byte-order mark and interlinear annotation marks.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** Normalise user input: NFC, no control or bidirectional formatting characters (newline/tab kept), trimmed. */
export function cleanInput(s: string): string {
  return s.normalize("NFC").replace(UNSAFE, "").trim();
}

/** A display name or other one-line label: cleaned like input, every run of whitespace one space, capped. */
export function cleanName(s: string, max = 100): string {
  const one = cleanInput(s).replace(/\s+/g, " ");
  const cut = Array.from(one).slice(0, max).join("");
  return cut.trim();
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Telegram HTML: everything escaped, bold markers become <b>…</b> (balanced per message). */
export function renderTelegramHtml(s: string): string {
  let open = false;
  let out = "";
  for (const part of s.split(/([\u0002\u0003])/)) {
    if (part === B_OPEN) {
      if (!open) out += "<b>";
      open = true;
    } else if (part === B_CLOSE) {
      if (open) out += "</b>";
      open = false;
    } else out += escapeHtml(part);
  }
  return open ? out + "</b>" : out;
}

export function stripMarkup(s: string): string {
  return s.replaceAll(B_OPEN, "").replaceAll(B_CLOSE, "");
}

/** Visible length of a message (markers do not count), in UTF-16 code units as Telegram counts. */
export function visibleLength(s: string): number {
  return stripMarkup(s).length;
}

/**
 * Split a text into parts of at most `limit` visible characters, preferring paragraph
 * boundaries, then line breaks, then sentence ends and spaces; never inside a surrogate pair.
 * Bold spans cut by a split are closed and reopened.
 */
export function splitText(text: string, limit: number): string[] {
  if (visibleLength(text) <= limit) return [text];
  const parts: string[] = [];
  let rest = text;
  while (visibleLength(rest) > limit) {
    const cut = findCut(rest, limit);
    let head = rest.slice(0, cut).replace(/\s+$/, "");
    rest = rest.slice(cut).replace(/^\s+/, "");
    // keep bold balanced
    const opens = head.lastIndexOf(B_OPEN);
    if (opens > head.lastIndexOf(B_CLOSE)) {
      head += B_CLOSE;
      rest = B_OPEN + rest;
    }
    if (head.length) parts.push(head);
  }
  if (stripMarkup(rest).trim().length) parts.push(rest);
  return parts;
}

/** Index in `s` (raw) at which to cut so that the head has ≤ limit visible characters. */
function findCut(s: string, limit: number): number {
  // raw index where the visible count reaches limit
  let visible = 0;
  let max = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== B_OPEN && ch !== B_CLOSE) visible++;
    if (visible > limit) break;
    max = i + 1;
  }
  // reserve one character for a closing marker
  const window = s.slice(0, max);
  const minGood = Math.floor(max * 0.5);
  for (const sep of ["\n\n", "\n", ". ", "! ", "? ", "; ", ", ", " "]) {
    const at = window.lastIndexOf(sep);
    if (at >= minGood) return at + sep.length;
  }
  // hard cut, never between a surrogate pair
  let cut = max;
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return cut;
}

/** Shorten a text for previews, on a word boundary, with an ellipsis. */
export function preview(s: string, max = 120): string {
  const flat = stripMarkup(s).replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const sp = cut.lastIndexOf(" ");
  return (sp > max * 0.6 ? cut.slice(0, sp) : cut) + "…";
}
