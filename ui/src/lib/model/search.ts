// The library search as the Rust side does it (`persona-api`'s search.rs), for the
// mock backend: every word must occur in the persona's text, without regard to case
// or accents. Kept small and equal in behaviour; the Rust tests and these pin both.
import type { ModuleBody } from '../bindings/ModuleBody';
import type { Persona } from '../bindings/Persona';
import type { PersonaCard } from '../bindings/PersonaCard';
import type { SearchQuery } from '../bindings/SearchQuery';
import type { SearchSort } from '../bindings/SearchSort';

const STROKED: Record<string, string> = { đ: 'd', ł: 'l', ø: 'o', ı: 'i' };

/** Lower case, compatibility-decomposed, accents removed. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[đłøı]/g, (c) => STROKED[c] ?? c);
}

/** `ModuleBody::texts`: every piece of user text in a module. */
function texts(body: ModuleBody): string[] {
  switch (body.kind) {
    case 'header':
      return [];
    case 'facts':
      return body.rows.flatMap((f) => [f.label, f.value]);
    case 'text':
      return [body.text];
    case 'list':
      return body.items;
    case 'sliders':
      return body.rows.flatMap((s) => [s.left, s.right]);
    case 'tags':
      return body.tags;
    case 'chart':
    case 'image':
      return [body.caption];
  }
}

/** `Persona::search_text`. */
export function searchText(p: Persona): string {
  return [p.name, p.archetype, p.quote, p.notes, ...p.tags, ...p.modules.flatMap((m) => [m.title, ...texts(m.body)])].join(
    '\n',
  );
}

export function matches(query: string, persona: Persona): boolean {
  const words = query.split(/\s+/).filter((w) => w !== '').map(fold);
  if (words.length === 0) return true;
  const haystack = fold(searchText(persona));
  return words.every((w) => haystack.includes(w));
}

/** The filters of a query (project, template, tag); the tag compared folded, like Rust. */
export function passes(p: Persona, f: Pick<SearchQuery, 'project' | 'template' | 'tag'>): boolean {
  const tag = f.tag ? fold(f.tag) : null;
  return (
    (!f.project || p.project === f.project) &&
    (!f.template || p.template === f.template) &&
    (tag === null || p.tags.some((t) => fold(t) === tag))
  );
}

export function sortCards(cards: PersonaCard[], sort: SearchSort): PersonaCard[] {
  return sort === 'updated'
    ? cards.sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.id < b.id ? -1 : 1))
    : cards.sort((a, b) => {
        const la = a.name.toLowerCase();
        const lb = b.name.toLowerCase();
        return la !== lb ? (la < lb ? -1 : 1) : a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.id < b.id ? -1 : 1;
      });
}

/** Every tag of these personas (or their cards), once, without regard to case in the order. */
export function allTags(personas: Iterable<{ tags: string[] }>): string[] {
  const set = new Set<string>();
  for (const p of personas) for (const t of p.tags) set.add(t);
  return [...set].sort((a, b) => {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la !== lb ? (la < lb ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
  });
}
