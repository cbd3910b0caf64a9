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

/**
 * Names joined from a first part and each name of a list — a lot id and every lane of a sorter —
 * made once per list and first part and handed out again as one array (by list position): one
 * lookup per lot instead of one per lot and lane, which at tens of thousands of lots is a cache
 * miss each (issue 19). The joiner is called with the list once per use of it (lists with the same
 * names share what was made), and what it returns with each first part; at most `limit` first
 * parts are remembered per list.
 */
export function joinedNameLists(separator: string, limit = Infinity): (bs: readonly string[]) => (a: string) => readonly string[] {
  const byList = new Map<string, Map<string, readonly string[]>>();
  return (bs) => {
    const key = bs.join('\u0000');
    let made = byList.get(key);
    if (!made) byList.set(key, (made = new Map()));
    const remembered = made;
    return (a) => {
      let names = remembered.get(a);
      if (names === undefined) {
        const list: string[] = [];
        for (let i = 0; i < bs.length; i++) list.push(a + separator + bs[i]!);
        if (remembered.size >= limit) return list;
        remembered.set(a, (names = list));
      }
      return names;
    };
  };
}
