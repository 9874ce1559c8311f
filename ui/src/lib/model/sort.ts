/** The library's order for names: case-insensitive, ties broken by case (as in Rust). */
export function byName(a: { name: string }, b: { name: string }): number {
  const la = a.name.toLowerCase();
  const lb = b.name.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
