// Mirrors `persona_model::initials` so the editor's avatar matches the library card
// while the name is being typed.

const words = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function firstGrapheme(word: string): string {
  for (const g of graphemes.segment(word)) return g.segment.toUpperCase();
  return '';
}

function isCjk(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
}

/** Up to two letters for an avatar: "Frugal Fred" → "FF", "王芳" → "王". */
export function initials(name: string): string {
  const list = [...words.segment(name)].filter((s) => s.isWordLike).map((s) => s.segment);
  const head = list[0];
  const last = list[list.length - 1];
  if (head === undefined || last === undefined) return '';
  if (list.length === 1 || isCjk(head)) return firstGrapheme(head);
  return firstGrapheme(head) + firstGrapheme(last);
}
