/**
 * Names joined from two parts — a price key `metal.` + `Ni`, an item key `relith` + `.` +
 * `autoclave`, a lane lot id `ev-811#3` + `@` + `ncm` — made once per pair and handed out again: a
 * name joined anew on every Monte Carlo sample is a new string, built, then hashed again wherever
 * it is looked up.
 */

/**
 * A joiner `(a, b) => a + separator + b` that remembers what it made, for at most `limit` distinct
 * first parts (past that it joins without remembering: a feed of many lots must not grow it
 * without bound).
 */
export function joinedNames(separator: string, limit = Infinity): (a: string, b: string) => string {
  const made = new Map<string, Map<string, string>>();
  return (a, b) => {
    let byB = made.get(a);
    if (!byB) {
      if (made.size >= limit) return a + separator + b;
      made.set(a, (byB = new Map()));
    }
    let name = byB.get(b);
    if (name === undefined) byB.set(b, (name = a + separator + b));
    return name;
  };
}
