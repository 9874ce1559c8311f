/** The library's order for names: case-insensitive, ties broken by case (as in Rust). */
export function byName(a: { name: string }, b: { name: string }): number {
  const la = a.name.toLowerCase();
  const lb = b.name.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Names in the order of a language (Lithuanian puts Y right after I and Ž after Z;
 * Russian and Chinese have their own), with numbers in numeric order.
 */
export function collator(locale: string): (a: { name: string }, b: { name: string }) => number {
  const c = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return (a, b) => c.compare(a.name, b.name) || byName(a, b);
}
