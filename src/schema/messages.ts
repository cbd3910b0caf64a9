/**
 * The message catalogue: every text the engine shows a user, as functions. Messages follow
 * DESIGN.md "Errors": `<what is wrong> (<value + unit>); <how to fix>`; the place
 * (`file:line:col › path`) is added by whoever knows it. Tests assert these texts.
 */

const list = (xs: readonly string[], max = 12) =>
  xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')}, … (${xs.length - max} more)`;

const quote = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** Suggest the closest candidate by edit distance, if it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  let best = '';
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  return best && bestD <= Math.max(2, Math.floor(word.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Catalogue of messages. */
export const msg = {
  // ---- files and syntax
  fileNotFound: (file: string) => `file not found (${file}); check the path — relative paths are resolved from the file that names them`,
  fileUnreadable: (file: string, reason: string) => `cannot read ${file} (${reason}); check that it is a readable file`,
  unsupportedExtension: (file: string) => `unsupported file type (${file}); use a .yaml, .yml or .json file`,
  yamlSyntax: (reason: string) => `not valid YAML/JSON (${reason}); fix the syntax at this line`,
  notAMapping: (what: string) => `the file is not a mapping of fields (${what}); a flowsheet or scenario file starts with fields such as id:, name:`,
  emptyFile: () => `the file is empty; a flowsheet needs id, units and streams, a scenario needs id, flowsheet, plant and feed`,

  // ---- generic field checks (from zod)
  unknownField: (key: string, known: readonly string[]) => `unknown field ${quote(key)}${didYouMean(key, known)}; allowed fields here: ${list(known)}`,
  missingField: (expected: string) => `this field is required (${expected} expected); add it`,
  wrongType: (expected: string, got: string) => `wrong type (${got} given, ${expected} expected); give a ${expected}`,
  notOneOf: (value: unknown, options: readonly string[]) => `${quote(value)} is not allowed${typeof value === 'string' ? didYouMean(value, options) : ''}; use one of: ${list(options)}`,
  tooSmall: (value: unknown, min: string) => `value too small (${quote(value)}); it must be ${min}`,
  tooBig: (value: unknown, max: string) => `value too large (${quote(value)}); it must be ${max}`,
  invalid: (detail: string) => `${detail}`,

  // ---- quantities
  badQuantity: (value: unknown, reason: string, unit: string) => `${reason} (${quote(value)}); give a number in ${unit} or a string with a unit, e.g. "${exampleFor(unit)}"`,
  notFinite: (value: unknown) => `not a finite number (${quote(value)}); give a finite value`,
  negative: (value: string) => `must not be negative (${value}); give a value ≥ 0`,
  belowMin: (value: string, min: string) => `below the minimum (${value}); it must be at least ${min}`,
  aboveMax: (value: string, max: string) => `above the maximum (${value}); it must be at most ${max}`,
  notAFraction: (value: string) => `not a fraction (${value}); give a value between 0 and 1`,

  // ---- chemistry
  formulaInvalid: (formula: string, reason: string) => `formula ${quote(formula)} cannot be read: ${reason}; write it like LiOH·H2O or Ni(OH)2`,
  unknownComponent: (name: string, known: readonly string[]) => `unknown component ${quote(name)}${didYouMean(name, known)}; use a component of the registry (regenflow components lists them): ${list(known, 20)}`,
  unknownChemistry: (name: string, known: readonly string[]) => `unknown chemistry ${quote(name)}${didYouMean(name, known)}; use one of ${list(known)} or give tm fractions, e.g. { family: layered, tm: { Ni: 0.6, Co: 0.2, Mn: 0.2 } }`,
  tmFractionsSum: (sum: number) => `TM-site fractions sum to ${fmt(sum)}; they must sum to 1`,
  reactionUnbalanced: (equation: string, detail: string) => `the reaction ${quote(equation)} does not balance (${detail}); fix the coefficients so every element balances`,
  reactionUnreadable: (equation: string, reason: string) => `the reaction ${quote(equation)} cannot be read (${reason}); write it like "2 LiOH + CO2 -> Li2CO3 + H2O"`,
  reactionKeyNotReactant: (key: string, equation: string) => `the key component ${quote(key)} is not a reactant of ${quote(equation)}; name one of its reactants`,

  // ---- flowsheet graph
  unknownKind: (kind: string, known: readonly string[]) => `unknown unit kind ${quote(kind)}${didYouMean(kind, known)}; use one of: ${list(known, 40)} (regenflow kinds describes them)`,
  duplicateUnitId: (id: string, firstIndex: number) => `duplicate unit id ${quote(id)} (first used by units[${firstIndex}]); give every unit its own id`,
  reservedUnitId: (id: string, reserved: readonly string[]) => `${quote(id)} is a reserved boundary name (${list(reserved)}); choose another unit id`,
  duplicateStreamId: (id: string) => `duplicate stream id ${quote(id)}; give every stream its own id`,
  unknownUnitRef: (ref: string, units: readonly string[]) => `no unit named ${quote(ref)}${didYouMean(ref, units)}; units are: ${list(units, 30)} (boundaries: feed, product, byproduct, waste, emissions)`,
  unknownPort: (unit: string, kind: string, dir: 'inlet' | 'outlet', port: string, ports: readonly string[]) => `unit ${quote(unit)} (${kind}) has no ${dir} ${quote(port)}${didYouMean(port, ports)}; its ${dir}s are: ${list(ports) || 'none'}`,
  ambiguousPort: (unit: string, kind: string, dir: 'inlet' | 'outlet', ports: readonly string[]) => `unit ${quote(unit)} (${kind}) has several ${dir}s (${list(ports)}); name one, e.g. ${unit}.${ports[0]}`,
  boundaryWrongWay: (name: string) => name === 'feed' ? `the feed boundary only supplies streams; use feed in "from", not "to"` : `the ${name} boundary only receives streams; use ${name} in "to", not "from"`,
  boundaryPort: (name: string) => `the ${name} boundary has no ports (${name}.<port> given); write just ${name}`,
  portUnconnected: (unit: string, kind: string, dir: 'inlet' | 'outlet', port: string) =>
    dir === 'outlet'
      ? `outlet ${quote(port)} of unit ${quote(unit)} (${kind}) is not connected; add a stream { from: ${unit}.${port}, to: <unit or waste/product/byproduct/emissions> }`
      : `inlet ${quote(port)} of unit ${quote(unit)} (${kind}) is not connected; add a stream { from: <unit or feed>, to: ${unit}.${port} }`,
  outletTwice: (unit: string, port: string, streams: readonly string[]) => `outlet ${quote(port)} of unit ${quote(unit)} feeds more than one stream (${list(streams)}); an outlet feeds one stream — add a splitter to divide it`,
  noFeed: () => `no stream leaves the feed boundary; add { from: feed, to: <first unit> }`,
  feedTwice: (streams: readonly string[]) => `more than one stream leaves the feed boundary (${list(streams)}); feed one unit and divide with a splitter if needed`,
  tearNotInLoop: (stream: string) => `stream ${quote(stream)} is marked tear: true but is not part of a recycle loop; remove the mark`,
  unreachable: (unit: string) => `unit ${quote(unit)} receives no material from the feed (not reachable from it); connect it or remove it`,

  // ---- solver
  notConverged: (loop: readonly string[], tears: readonly string[], iterations: number, residual: number, tolerance: number) =>
    `recycle loop through ${list(loop, 20)} did not converge (tear streams ${list(tears)}; ${iterations} iterations; residual ${residual.toExponential(2)} > tolerance ${tolerance.toExponential(0)}); check split fractions and recoveries in the loop (a purge is needed when nothing leaves it), or raise solver.maxIterations`,
  diverged: (loop: readonly string[], tears: readonly string[], iterations: number) =>
    `recycle loop through ${list(loop, 20)} diverged (tear streams ${list(tears)}; non-finite flows after ${iterations} iterations); material accumulates in the loop — add a purge or lower the recycle fraction`,

  // ---- feed and scenario
  sharesSum: (sum: number, lots: readonly { id: string; share: number }[]) => `shares sum to ${fmt(sum)} (${lots.map((l) => `${l.id} ${fmt(l.share)}`).join(', ')}); they must sum to 1 (± 1e-9)`,
  compositionSum: (sum: number) => `composition fractions sum to ${fmt(sum)}; they must sum to 1 (± 1e-9) — give the rest as another entry`,
  duplicateLotId: (id: string) => `duplicate lot id ${quote(id)}; give every feed lot its own id`,
  unknownOverride: (path: string, reason: string) => `cannot override ${quote(path)} (${reason}); write <unit id>.<parameter>, e.g. relith.temperature`,
  capacityZero: (what: string) => `${what} is zero; a plant needs a positive capacity and positive operating hours`,
  operatingHoursTooMany: (hours: number) => `operating hours exceed a year (${fmt(hours)} h/yr); give at most 8760 h/yr`,

  // ---- unit operations: relithiation
  // <<messages: relithiation>>
  // ---- unit operations: preparation (sorting, delamination, liquor recovery)
  // <<messages: preparation>>
  // ---- unit operations: finishing (washing … electrode refabrication)
  // <<messages: finishing>>
  // ---- economics
  // <<messages: economics>>
  // ---- design and sizing
  // <<messages: design>>
  // ---- uncertainty
  // <<messages: uncertainty>>
};

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(10)));
}

function exampleFor(unit: string): string {
  const examples: Record<string, string> = {
    K: '220 degC', h: '4 h', 'kg/h': '1200 kg/h', 'kg/yr': '10000 t/yr', 'mol/L': '4 mol/L', kWh: '3 kWh',
    'h/yr': '7920 h/yr', nm: '6 nm', um: '10 um', Pa: '1 bar', 'K/h': '300 degC/h', 'USD/kg': '11 USD/kg', yr: '15 yr',
  };
  return examples[unit] ?? `1 ${unit}`;
}
