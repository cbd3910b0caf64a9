/**
 * The message catalogue: every text the engine shows a user, as functions. Messages follow
 * DESIGN.md "Errors": `<what is wrong> (<value + unit>); <how to fix>`; the place
 * (`file:line:col › path`) is added by whoever knows it. Tests assert these texts.
 */

const list = (xs: readonly string[], max = 12) =>
  xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')}, … (${xs.length - max} more)`;

const quote = (v: unknown) => (typeof v === 'string' ? `"${v}"` : typeof v === 'number' ? String(v) : JSON.stringify(v));

/** Suggest the closest candidate by edit distance, if it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  let best = '';
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  return best && bestD < word.length && bestD <= Math.max(2, Math.floor(word.length / 3)) ? ` (did you mean "${best}"?)` : '';
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
  notPositive: (value: string) => `must be positive (${value}); give a value > 0`,
  belowMin: (value: string, min: string) => `below the minimum (${value}); it must be at least ${min}`,
  notAbove: (value: string, bound: string) => `too small (${value}); it must be more than ${bound}`,
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
  boundaryPort: (name: string, given: string) => `the ${name} boundary has no ports (${given} given); write just ${name}`,
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
  sweepValuesAndRange: () => 'both --values and --from/--to/--steps given; use one of them',
  sweepNoValues: (values: string) => `--values lists no value ("${values}"); give e.g. --values 200,220,240`,
  sweepNoAxis: () => 'give --values a,b,c or all of --from, --to and --steps',
  sweepBareNumbers: (unit: string) => ` (numbers without a unit read in ${unit}, the input's documented unit; give --unit or "<value> <unit>" for another)`,
  sweepStepsNotWhole: (steps: unknown) => `--steps must be a whole number ≥ 1 (${String(steps)} given)`,
  capacityOptionNoUnit: (value: string) => `--capacity ${value} has no unit; give one, e.g. --capacity "${value} t/yr" (a bare number is not read as kg/yr or t/yr: the two differ a thousandfold)`,
  capacityZero: (what: string) => `${what} is zero; a plant needs a positive capacity and positive operating hours`,
  operatingHoursTooMany: (hours: number) => `operating hours exceed a year (${fmt(hours)} h/yr); give at most 8760 h/yr`,

  // ---- unit operations: relithiation
  belowMeltingPoint: (system: string, tC: number, mpC: number) =>
    `temperature is below the melting point of ${system} (${fmt(Number(tC.toFixed(2)))} degC ${tC < mpC ? '<' : '≤'} ${fmt(Number(mpC.toFixed(2)))} degC); raise it above the melting point`,
  faradaicEfficiencyOutOfRange: (fe: number) =>
    `Faradaic efficiency is outside (0, 1] (${fmt(fe)}); give a value above 0 and at most 1 (1 means every electron inserts lithium)`,
  solidLiquidRatioOutOfRange: (value: number, min: number, max: number) =>
    `solid:liquid ratio is outside the validated range (${fmt(value)} kg/L); give ${fmt(min)}–${fmt(max)} kg of CAM per L of liquor`,
  // <<messages: relithiation>>
  // ---- unit operations: preparation (sorting, delamination, liquor recovery)
  lanePreset: (given: string) => `unknown lane preset (${given}); use lanes: [chemistry] (ncm, lco, lfp, lmo), [chemistry, degradation] (ncm-mild, ncm-severe, lco, lfp, lmo), [degradation] (mild, severe) or a list of lanes such as { name: ncm, families: [layered], containsNi: true }`,
  laneMixed: () => `lanes mixes preset words and lane definitions (both given); give either presets such as [chemistry, degradation] or a list of { name, … } lanes`,
  duplicateLane: (name: string) => `duplicate lane name ${quote(name)}; give every lane its own name — "rejects" is the reject outlet and cannot be a lane`,
  laneRange: (what: string, min: number, max: number) => `the ${what} range is empty (min ${fmt(min)}, max ${fmt(max)}); give min < max (min is inclusive, max exclusive)`,
  confusionRowSum: (row: string, sum: number) => `confusion-matrix row ${quote(row)} sums to ${fmt(sum)}; the fractions of true class ${quote(row)} sent to the lanes and to rejects must sum to 1 (± 1e-9)`,
  confusionRowMissing: (row: string, classes: readonly string[]) => `the confusion matrix has no row for true class ${quote(row)}; give one row per lane (${list(classes)}) — the rejects row is optional`,
  aboveFoilMelting: (tC: number) => `burn-off temperature at or above the melting point of the Al foil (${fmt(Number(tC.toFixed(2)))} degC ≥ 660.3 degC); keep the furnace below 660 degC — 500–600 degC is usual — so that the foil stays solid and can be screened off`,
  aboveBoilingPoint: (what: string, tC: number, bpC: number) => `${what} at or above its boiling point at atmospheric pressure (${fmt(Number(tC.toFixed(2)))} degC ≥ ${fmt(Number(bpC.toFixed(2)))} degC); lower the temperature`,
  steamEconomyAboveEffects: (economy: number, effects: number) => `steam economy above the number of effects (${fmt(economy)} kg water per kg steam with ${effects} effects); an N-effect evaporator evaporates at most N kg of water per kg of steam — lower steamEconomy or raise effects`,
  evaporationTwoWays: () => `both waterRemoval and targetConcentration are given (two ways to set the evaporation); give only one of them`,
  // <<messages: preparation>>
  // ---- unit operations: finishing (washing … electrode refabrication)
  finishingNotWholeNumber: (what: string, value: number) => `${what} is not a whole number (${fmt(value)}); give a whole number such as 1, 2 or 3`,
  electrodeFractionsSum: (sum: number, cam: number, conductive: number, binder: number) =>
    `electrode solids fractions sum to ${fmt(sum)} (camFraction ${fmt(cam)}, conductiveFraction ${fmt(conductive)}, binderFraction ${fmt(binder)}); they must sum to 1 (± 1e-9), e.g. 0.96, 0.02, 0.02`,
  conductiveSharesSum: (sum: number, shares: Record<string, number>) =>
    `conductive-additive shares sum to ${fmt(sum)} (${Object.entries(shares).map(([k, v]) => `${k} ${fmt(v)}`).join(', ') || 'none given'}); they must sum to 1 (± 1e-9), e.g. { carbon-black: 0.5, graphene: 0.5 }`,
  binderSolventMismatch: (binder: string, solvent: string) =>
    `the ${binder} binder does not dissolve in ${solvent} (binder ${binder}, solvent ${solvent}); use NMP with PVDF, or water with PAA or alginate`,
  dischargeNotBelowPeak: (dischargeC: number, peakC: number) =>
    `the discharge temperature is not below the peak temperature (${fmt(Number(dischargeC.toFixed(2)))} degC ≥ ${fmt(Number(peakC.toFixed(2)))} degC); give a discharge temperature below the peak`,
  dopantSourceMismatch: (source: string, dopant: string, options: readonly string[]) =>
    `the dopant source ${source} contains no ${dopant} (source ${source}, dopant ${dopant}); use one of: ${list(options)}`,
  // <<messages: finishing>>
  // ---- economics
  priceMissing: (item: string, neededFor: string, example: string) => `no price for ${quote(item)} (needed for ${neededFor}); add it to the price set or to the scenario, e.g. prices: { overrides: { ${quote(item)}: "${example}" } }`,
  unknownPriceItem: (key: string, known: readonly string[]) => `unknown price item ${quote(key)}${didYouMean(key, known)}; use one of ${list(known, 16)}, a component id of the registry (a reagent, e.g. "LiOH·H2O"), or cam.<chemistry>, regenerated.<chemistry>, feed.<chemistry or lot id>, payable.<grade>, payable-li.<grade> (grades: cathode-scrap, black-mass, cam-powder), payable-offset.<chemistry>, metal.<element>, scrap.<component>, consumable.<name>, ghg.<component>`,
  unknownPriceSet: (name: string, known: readonly string[]) => `unknown price set ${quote(name)}${didYouMean(name, known)}; use one of: ${list(known) || 'none loaded'} (files in scenarios/prices/), or give a path to a price-set file`,
  noPriceSetForRegion: (region: string, known: readonly string[]) => `no price set given and none is the default for region ${region}; add prices: { set: <name> } (available: ${list(known) || 'none loaded'})`,
  priceSetCycle: (chain: readonly string[]) => `price sets extend each other in a cycle (${chain.join(' → ')}); remove one of the extends:`,
  priceNegative: (item: string, value: string) => `price of ${quote(item)} is negative (${value}); only feed.<…> prices may be negative (the recycler is paid) — give a value ≥ 0`,
  priceNotFraction: (item: string, value: string) => `${quote(item)} is not a fraction (${value}); give a value between 0 and 1`,
  priceNotPositive: (item: string, value: string) => `${quote(item)} must be positive (${value}); give a value > 0`,
  unknownCurrency: (code: string, value: string, known: readonly string[]) => `no exchange rate for ${code} (${value}); add exchangeRates: { ${code}: { usdPerUnit: <USD per ${code}>, year: <year>, source: <source> } } to the price set${known.length ? ` (rates given: ${list(known)})` : ''}`,
  cepciMissing: (year: number, known: readonly number[]) => `no CEPCI value for ${year} (cost escalation); add finance.cepci: { ${year}: <index> } (the table has ${known.length ? `${known[0]}–${known[known.length - 1]}` : 'no years'})`,
  constructionSum: (sum: number) => `construction fractions sum to ${fmt(sum)}; they must sum to 1 (± 1e-9), one fraction of the fixed capital per construction year`,
  wholeYears: (what: string, value: number) => `${what} must be a whole number of years (${fmt(value)} yr); give e.g. "${Math.max(1, Math.round(value))} yr"`,
  unknownFactor: (id: string, method: string, known: readonly string[]) => `unknown cost factor ${quote(id)} for capexMethod ${method}${didYouMean(id, known)}; factors of this method: ${list(known, 40)}`,
  factorInvalid: (id: string, value: unknown, reason: string) => `cost factor ${quote(id)} is not valid (${quote(value)}); ${reason}`,
  sizeOutOfRange: (size: number, unit: string, min: number, max: number, source: string) => `size ${fmt(size)} ${unit} is outside the correlation's valid range ${fmt(min)}–${fmt(max)} ${unit} (${source}); the purchase cost is extrapolated — check the size or split the duty over more items`,
  priceSetRegion: (set: string, setRegion: string, region: string) => `price set ${quote(set)} is for region ${setRegion} but the plant is in ${region}; choose a ${region} price set or override the regional items (labour, electricity, grid factor, equipment-cost factor)`,
  qualityFactorDefault: (value: number, source: string) => `regenerated CAM is priced at ${fmt(value)} × the virgin price (${source}); this is the largest single driver of direct-recycling profit — set prices.overrides.quality-factor or regenerated.<chemistry> to test it`,
  noInSpecProduct: () => `no in-spec product; cost per kg, minimum selling price and per-kg environmental figures are not defined (null)`,
  operatingDaysRaised: (hours: number, days: number, newDays: number) => `operating hours (${fmt(hours)} h/yr) exceed 24 h on ${fmt(days)} operating days; labour is computed for ${newDays} days of 24 h — set finance.operatingDays`,
  depreciationTruncated: (method: string, scheduleYears: number, life: number) => `depreciation ${method} runs ${scheduleYears} years but the plant operates ${life}; the undepreciated remainder is written off in the last operating year`,
  noGreetFactor: (ids: readonly string[]) => `no GREET factor for reagent${ids.length === 1 ? '' : 's'} ${list(ids)}; their embodied energy, GHG and water are not counted (add ghg.<id> to the prices to count GHG)`,
  multipleIrr: (roots: readonly number[], chosen: number) => `the cash flow has several internal rates of return (${roots.map((r) => fmt(Number(r.toPrecision(6)))).join(', ')}); reporting ${fmt(Number(chosen.toPrecision(6)))}, the one nearest the discount rate`,
  // <<messages: economics>>
  // ---- pictures
  pictureExtension: (file: string, allowed: readonly string[]) => `cannot tell which picture to write from the file name (${file}); give --out a name ending in ${list(allowed)}`,
  diagramInputKind: (file: string) => `this file is neither a flowsheet nor a scenario (${file}); regenflow diagram draws a flowsheet file (units: and streams:) or a scenario (flowsheet:)`,
  pictureWidth: (width: number) => `the picture width is out of range (${width} px); give --width between 16 and 20000 pixels`,
  sankeyNeedsScenario: (file: string) => `a Sankey of mass flows needs a run, and a flowsheet file alone has no feed (${file}); give a scenario that uses this flowsheet, or drop --sankey`,
  chartSheetMissing: (sheet: string, sheets: readonly string[]) => `no sheet ${quote(sheet)} to put the chart on${didYouMean(sheet, sheets)}; the workbook has: ${list(sheets)}`,
  chartSpecInvalid: (title: string, sheet: string, why: string) => `chart ${quote(title)} on sheet ${quote(sheet)} cannot be drawn (${why}); give at least one series with ranges like 'Sheet'!$A$2:$A$9 and an anchor whose "to" cell is below and right of "from"`,
  // ---- export
  exportNothing: () => `there is nothing to export (no evaluation given); run at least one scenario`,
  exportExtension: (file: string) => `a workbook is written as .xlsx (${file}); give --out a file name ending in .xlsx`,
  pictureFailed: (title: string, reason: string) => `picture not drawn: ${title} (${reason}); the tables on this sheet hold the same information`,
  // ---- design and sizing
  designMarginBelowOne: (margin: number) => `design margin below 1 (${fmt(margin)}); give a margin ≥ 1 — 1.1 installs 10 % spare capacity, and rule: everbatt applies EverBatt's two items sized for 75 % each (margin 1.5, at least 2 items)`,
  fillOrder: (minFill: number, maxFill: number) => `the minimum fill is not below the maximum fill (minFill ${Number((minFill * 100).toPrecision(3))} %, maxFill ${Number((maxFill * 100).toPrecision(3))} %); give minFill < maxFill — SuperPro's defaults are 15 % and 90 %`,
  fixedItemKey: (key: string) => `an equipment item is named <unit id>.<equipment name> (${quote(key)} given); write e.g. relith.autoclave: 3 or relith: { autoclave: 3 }`,
  fixedCountNotWhole: (value: unknown) => `an equipment count must be a whole number ≥ 0 (${quote(value)}); give e.g. 3 (0: not installed)`,
  fixedSizeInvalid: (value: unknown, sizeUnit = '') => `an equipment size must be a positive number in the item's size unit${sizeUnit ? ` (${sizeUnit})` : ''} or a string with a unit (${quote(value)} given); give e.g. ${sizeUnit ? `8 or "8 ${sizeUnit}"` : '8'}`,
  unknownEquipmentItem: (key: string, known: readonly string[]) => `no equipment item ${quote(key)}${didYouMean(key, known)}; fixed counts and sizes name an item as <unit id>.<equipment name>, and ${known.length ? `this flowsheet's items are: ${list(known, 30)}` : 'no unit of this flowsheet declares equipment'}`,
  sizeBelowMin: (item: string, size: string, minSize: string) => `${item} needs only ${size} per item, less than the smallest sensible size; installed at ${minSize}, so it runs part-empty — consider sharing the item with another unit or campaign operation`,
  fillLow: (item: string, fill: number, minFill: number, idle: number) => `a back-to-back batch of ${item} would fill ${Number((fill * 100).toPrecision(3))} % of the vessel, below the minimum fill ${Number((minFill * 100).toPrecision(3))} %; batches run at the minimum fill and the item stands idle ${Number((idle * 100).toPrecision(3))} % of the time (material waits upstream)`,
  costSizeOutOfRange: (item: string, size: string, range: string) => `size of ${item} (${size}) is outside the cost correlation's valid range (${range}); its purchase cost is extrapolated — check the correlation or split the duty`,
  overloaded: (item: string, utilisation: number, itemCapacity: string, maxCapacity: string) => `${item} would run at ${Number((utilisation * 100).toPrecision(3))} % of its installed capacity; it can take the load of at most ${itemCapacity} of feed, and with the installed equipment the plant reaches at most ${maxCapacity} — add items or lower the capacity`,
  equipmentSpecInvalid: (item: string, reason: string) => `equipment ${item} cannot be sized (${reason}); this is a defect of the unit operation's design() — please report it`,
  // <<messages: design>>
  // ---- uncertainty
  distMaxNotAboveMin: (min: number, max: number) => `max is not above min (min ${fmt(min)}, max ${fmt(max)}); give max > min — a fixed value belongs in overrides`,
  distModeOutside: (mode: number, min: number, max: number) => `mode is outside the range (mode ${fmt(mode)}, range ${fmt(min)} to ${fmt(max)}); give min ≤ mode ≤ max`,
  distSdNotPositive: (sd: number) => `standard deviation is not positive (sd ${fmt(sd)}); give sd > 0`,
  distLognormalNotPositive: (name: string, value: number) => `lognormal ${name} is not positive (${name} ${fmt(value)}); give ${name} > 0`,
  distLognormalForm: () => `a lognormal takes either mean and sd (of the value) or mu and sigma (of its natural logarithm) (neither pair complete, or both given); e.g. { dist: lognormal, mean: 11, sd: 2 }`,
  distTruncationEmpty: (min: number, max: number, mean: number, sd: number) => `the truncation range holds no probability (min ${fmt(min)}, max ${fmt(max)} for mean ${fmt(mean)}, sd ${fmt(sd)}); widen min–max or move the mean inside it`,
  distPertLambda: (lambda: number) => `PERT lambda is not positive (lambda ${fmt(lambda)}); give lambda > 0 (4 is the classic PERT)`,
  distDiscreteEmpty: () => `a discrete distribution has no values (empty list); list at least one value, e.g. values: [8, 11, 18]`,
  distProbabilitiesCount: (values: number, probabilities: number) => `${probabilities} probabilities for ${values} values; give one probability per value`,
  distProbabilityNegative: (p: number) => `a probability is negative (${fmt(p)}); give probabilities ≥ 0`,
  distProbabilitiesSum: (sum: number) => `probabilities sum to ${fmt(sum)}; they must sum to 1 (± 1e-9)`,
  distUnit: (unit: string, reason: string) => `unknown unit (${quote(unit)}: ${reason}); give a unit such as degC, h, t/yr, USD/kg or %`,
  uncertainPathTwice: (path: string, first: string) => `the input ${quote(path)} is declared twice (first at ${first}); declare each uncertain input once`,
  paramSyntax: (text: string, reason: string) => `cannot read ${quote(text)} (${reason}); write <path>=<dist>:<parameters> [unit], e.g. relith.temperature=triangular:200:220:240 degC — uniform:min:max, triangular:min:mode:max, normal:mean:sd[:min:max], lognormal:mean:sd, pert:min:mode:max[:lambda], discrete:v1,v2,…[:p1,p2,…]`,
  paramNeedsDistribution: (path: string) => `${quote(path)} has no distribution (a bare path is only for tornado --range); write ${path}=<dist>:…, e.g. ${path}=uniform:8:12`,
  noUncertainInputs: () => `no uncertain inputs (the scenario has no uncertainty list and no --param was given); add an uncertainty: list to the scenario or give --param <path>=<dist>:…`,
  tornadoNeedsRange: (path: string) => `${quote(path)} has no distribution, so its low and high values are unknown; give --range (e.g. --range 20%) or a distribution`,
  noBaseValue: (path: string, found: string) => `no numeric base value at ${quote(path)} (${found}); give it a distribution, or set a number for it in the scenario's overrides`,
  badSeed: (value: unknown) => `not a valid seed (${quote(value)}); give an integer from 0 to 4294967295, e.g. --seed 42`,
  badSamples: (value: unknown, min: number) => `not a valid sample count (${quote(value)}); give an integer ≥ ${min}`,
  badWorkers: (value: unknown) => `not a valid worker count (${quote(value)}); give an integer from 1 to 64`,
  badRange: (value: unknown) => `not a valid range (${quote(value)}); give a percentage above 0 and below 100, e.g. --range 20%`,
  badBootstrap: (value: unknown) => `not a valid bootstrap count (${quote(value)}); give an integer from 0 (no confidence intervals) to 100000`,
  unknownKpi: (name: string, known: readonly string[]) => `unknown KPI ${quote(name)}${didYouMean(name, known)}; KPIs of this scenario: ${list(known, 30)}`,
  noNumericKpis: () => `the scenario's base run gives no numeric KPI (all null); nothing to analyse — check that the scenario runs (regenflow run)`,
  allSamplesFailed: (n: number, first: string) => `all ${n} evaluations failed (first: ${first}); check the distributions against the model's valid ranges`,
  samplesFailed: (failed: number, n: number, first: string) => `${failed} of ${n} evaluations failed and are left out of the statistics (first: ${first}); check the distributions against the model's valid ranges`,
  // <<messages: uncertainty>>
  // ---- issue 14: explain, paired route uncertainty, study commands
  explainNeedsTwo: (n: number, labels: readonly string[]) => `explain compares exactly two cases (${n} given${labels.length ? `: ${list(labels)}` : ''}); give two scenarios, or one scenario with --flowsheet a.yaml --flowsheet b.yaml`,
  oneFlowsheetOnly: (command: string, n: number) => `${command} takes one --flowsheet (${n} given); to compare two routes on the same samples use regenflow uncertainty <scenario> --flowsheet a.yaml --flowsheet b.yaml`,
  pairedNeedsTwo: (n: number) => `a paired route analysis compares exactly two routes (${n} --flowsheet given); give --flowsheet a.yaml --flowsheet b.yaml`,
  crossoverAllFailed: (n: number, first: string) => `every one of the ${n} grid points failed for at least one route (first: ${first}); check the axis ranges against the model's valid ranges`,
  rangeOutsideValidated: (path: string, range: string, field: string, limits: string) => `${quote(path)} samples ${range}, outside the validated range of ${field} (${limits}); samples there fail as invalid input — narrow the distribution`,
  rangeMissesBase: (path: string, range: string, route: string, base: string, kind: string) => `${quote(path)} samples ${range}, which does not include the ${route} route's base value ${base} (${kind}); if the range was written for another route, scope it (route: <flowsheet id>) or give it relative to the base value (unit: "% of base")`,
  relativeNeedsBase: (path: string, found: string) => `${quote(path)} is given relative to its base value ("% of base"), but there is no numeric base value there (${found}); give absolute values and a unit instead`,
  routeNotRun: (path: string, scope: readonly string[], routes: readonly string[]) => `${quote(path)} is scoped to ${list(scope)}, not among the routes of this run (${list(routes)}); it is left out`,
  relativeBelowMinus100: (value: number) => `a relative value of ${fmt(value)} % of base would make the input negative or zero; relative values must be above −100`,
  // ---- issue 12: feed preparation (feed basis, flotation, lithium recovery, foreign solids)
  feedWithoutCathode: (lots: readonly string[]) =>
    `the feed carries no cathode active material (cam fraction 0 in every lot: ${list(lots)}); give at least one lot a composition with cam > 0 (e.g. composition: { cam: 0.9, al: 0.1 }), or drop composition to use the basis default`,
  unitWithoutMaterial: () =>
    `the unit receives no material (every inlet is empty at the solved flows), so it is not sized and costs nothing; check the streams that feed it (sorting lanes, split fractions) or remove it from the flowsheet`,
  graphiteInKiln: (unit: string, what: string, graphiteKgPerHour: number, perCam: number, limit: number) =>
    `graphite reaches ${what} ${unit} (${fmt(Number(graphiteKgPerHour.toPrecision(4)))} kg/h, ${pct(perCam)} of the CAM, above the product limit ${pct(limit)}); at kiln temperature it burns (CO2, bought O2) and can reduce the cathode — float it off with a flotation unit before relithiation`,
  graphiteInProduct: (unit: string, graphiteKgPerHour: number, perCam: number, limit: number) =>
    `graphite leaves with the product from ${unit} (${fmt(Number(graphiteKgPerHour.toPrecision(4)))} kg/h, ${pct(perCam)} of the CAM, above the limit ${pct(limit)}); float it off with a flotation unit before relithiation`,
  blendNotSeparable: (lane: string, kgPerHour: number, share: number) =>
    `the feed is a blend (black mass) and cannot be sorted: ${fmt(Number(kgPerHour.toPrecision(4)))} kg/h of class ${lane} CAM (${pct(share)}) travels with the dominant lane; buy black mass of one chemistry, or give separation: lots if each feed lot is delivered apart`,
  flotationBinder: (binderPerCam: number) =>
    `binder coats the cathode particles (${pct(binderPerCam)} PVDF per kg CAM), so they float with the graphite and the separation is poor; burn the binder off first (delamination-thermal) or set camFloatability to what you measured`,
  liRecoverySolubility: (liKgPerHour: number, share: number) =>
    `${fmt(Number(liKgPerHour.toPrecision(4)))} kg/h of lithium (${pct(share)} of the Li fed) stays dissolved as Li2CO3 at its solubility; concentrate the liquor first (waterRemoval) to recover more`,
  // ---- issue 13: plant economics (one market for feed and off-spec, price years, KPI bases)
  pricesEscalated: (set: string, year: number, years: readonly number[], index: string) => `price set ${quote(set)} holds prices of ${list(years.map(String))}; every money price is escalated to ${year} US dollars with ${index} (each price lists its given value and factor)`,
  priceIndexMissing: (year: number, target: number, known: readonly number[]) => `no price-index value for ${year} (escalating a price to ${target} dollars); add priceIndex: { ${year}: <US CPI-U annual average> } to the price set (the built-in table has ${known.length ? `${known[0]}–${known[known.length - 1]}` : 'no years'})`,
  regeneratedAboveVirgin: (chemistry: string, regenerated: number, virgin: number) => `regenerated ${chemistry} is priced above virgin (regenerated.${chemistry} ${fmt(Number(regenerated.toPrecision(6)))} USD/kg > cam.${chemistry} ${fmt(Number(virgin.toPrecision(6)))} USD/kg); regenerated product is never worth more than virgin of the same chemistry — give regenerated.${chemistry} ≤ cam.${chemistry}`,
  priceNotSignedFraction: (item: string, value: string) => `${quote(item)} is out of range (${value}); give a value between −1 and 1 (points of payable, e.g. -0.05)`,
  noPrimaryEnergyFactor: () => `no primary-energy factor for electricity or natural gas in the prices; the cradle-to-gate primary energy is not reported (null) — add primary-energy.electricity and primary-energy.natural-gas (MJ per kWh)`,
  payableConflict: (feed: number, offspec: number) => `feed-payable-fraction (${fmt(feed)}) and offspec-payable-fraction (${fmt(offspec)}) both set the payable of CAM powder, which the feed and off-spec CAM both are; one market has one price — give one of them, or payable.cam-powder`,
  // ---- issue 16: capacity planning (catalogue sizes, saved designs, shifts, capacity curve)
  standardSizesNotList: (value: unknown) => `standard sizes are a non-empty list of sizes (${quote(value)} given); write e.g. relith.autoclave: ["6.3 m3", "10 m3"]`,
  roundTheClockNotBoolean: (value: unknown) => `roundTheClock is true (runs through unstaffed hours) or false (only in staffed shifts) (${quote(value)} given)`,
  notInstalled: (item: string) => `${item} is not installed (count 0 in the design) but carries load at this capacity; the plant cannot run — add the item to the design`,
  designItemMissing: (key: string, file: string) => `the design has no entry for ${quote(key)}, an item of this flowsheet; save the design from this scenario and flowsheet (regenflow size <scenario> --save ${file}) or add ${key}: { count, size, sizeUnit }`,
  designCostChanged: (item: string, saved: number, now: number, year: number) => `${item}: the design file recorded ${fmt(Math.round(saved))} USD (${year}) per item but the cost data now give ${fmt(Math.round(now))} USD for the same size (a parameter such as the material or pressure factor changed, or the cost data did); CAPEX uses the current figure`,
  shiftsTooLong: (shifts: number, lengthH: number) => `${fmt(shifts)} shifts of ${fmt(lengthH)} h exceed 24 h a day; give fewer shifts or shorter ones`,
  shiftLengthTwice: (plantH: number, financeH: number) => `shift length given twice: plant.shiftLength ${fmt(plantH)} h and finance.shiftLength ${fmt(financeH)} h; give it in one place (the plant's is used)`,
  badCurve: (value: string) => `not a capacity range (${quote(value)}); give lo:hi:n with capacities in t/yr or with units, lo < hi and 2 ≤ n ≤ 200, e.g. --curve 5000:20000:7 or --curve "5 kt/yr:20 kt/yr:7"`,
  badSteps: (value: unknown) => `not a number of debottlenecking steps (${quote(value)}); give a whole number from 0 to 50`,
  designOptionNeedsYaml: (file: string) => `a plant design is saved as YAML (${file}); give --save a file name ending in .yaml or .yml`,
  // ---- issue 17: hardened input handling
  invalidUtf8: (byte: string) => `not valid UTF-8 text (byte ${byte} cannot start or continue a character); save the file as UTF-8 — an editor's "save with encoding" does it`,
  yamlTag: (tag: string) => `the tag ${tag} is not allowed (only the YAML core schema: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq); remove the tag and write the value plainly`,
  yamlAliasBomb: (alias: string, limit: number) => `the file's aliases expand it to more than ${limit.toLocaleString('en-US')} values (alias *${alias} repeats anchors that themselves repeat anchors); write the data out, or reuse anchors without nesting them`,
  yamlAliasCycle: (alias: string) => `the alias *${alias} refers to a node that contains it (a cycle); an alias may only repeat a node defined before it, outside it`,
  yamlComplexKey: () => `a key must be a plain value (a list or mapping is given as a key); write the key as text`,
  protoKey: () => `"__proto__" is not a name regenflow knows (JavaScript would drop this key silently); remove it or use the intended field name`,
  writeFailed: (file: string, reason: string) => `cannot write ${file} (${reason}); check that the directory is writable`,
  moneyOutOfRange: (usd: number, maxUsd: number) => `a money amount reaches ${usd.toExponential(3)} USD, beyond the ${maxUsd.toExponential(0)} USD that totals are exact to — no plant costs this much; check the inputs that scale cost: plant capacity, prices, design margin, fixed equipment counts and sizes, efficiencies near zero`,
  moneyNotFinite: (usd: number) => `a money amount is not a finite number (${usd}); an input drives a cost or revenue to infinity — check prices, efficiencies and recoveries near zero`,
  modelError: (cause: string) => `the model failed while evaluating this scenario (${cause}); check the inputs of the units named above, and report the scenario if they are sound`,
  errorDiagnostics: (errors: readonly string[], tolerance: number) => `the result is not valid (${list(errors, 5)}); balances must close within 1e-9 — with recycle loops tighten solver.tolerance (now ${tolerance.toExponential(0)}, default 1e-10), else report the scenario`,
  countTooLarge: (value: unknown, max: number) => `an equipment count above ${max.toLocaleString('en-US')} (${quote(value)}) is no plant's; give the number of parallel items actually installed, e.g. 3`,
  cepciOutOfRange: (value: number, min: number, max: number) => `CEPCI value out of range (${fmt(value)}); the index is 100 for its 1957–59 base and about 800 today — give the annual average, between ${min} and ${max}`,
  notTmSite: (el: string) => `${el} cannot sit on the transition-metal site (${el === 'Li' ? 'lithium is given by liPerTm' : 'an anion or non-metal, part of the lattice or of another compound'}); list the metals of the TM site, e.g. tm: { Ni: 0.8, Co: 0.1, Mn: 0.1 }`,
  subLotsOutOfRange: (attribute: string, low: number, high: number, bins: number, range: string) => `the ${attribute} distribution gives sub-lots from ${fmt(Number(low.toPrecision(4)))} to ${fmt(Number(high.toPrecision(4)))} (${bins} equal-mass sub-lots), outside its valid range ${range}; narrow the distribution, or add truncate: true to cut it at the range (a warning then says how much was cut)`,
  distributionOutsideRange: (attribute: string, range: string) => `the ${attribute} distribution lies entirely outside its valid range ${range} (nothing is left after truncation); move it into the range`,
  distributionTruncated: (lot: string, attribute: string, outside: number, range: string, meanBefore: number, meanAfter: number) => `feed lot ${lot}: the ${attribute} distribution is cut at its valid range ${range} (truncate: true; ${fmt(Number((outside * 100).toPrecision(3)))} % of its probability lay outside); its sub-lots average ${fmt(Number(meanAfter.toPrecision(4)))} instead of ${fmt(Number(meanBefore.toPrecision(4)))}`,
  priceSetUnreadable: (file: string, name: string, first: string, count: number) => `the price-set file ${file} cannot be read (${first}${count > 1 ? `; ${count - 1} more problem${count > 2 ? 's' : ''}` : ''}); set ${quote(name)} is skipped — fix the file (regenflow validate ${file}) or move it out of the prices/ folder`,
  priceAboveMax: (item: string, value: string, max: string) => `${quote(item)} is implausibly large (${value}); give at most ${max} — check the unit (t for kg, MWh for kWh)`,
  feedPriceTooNegative: (item: string, value: string, min: string) => `the plant would be paid more for its feed than any recycler is (${quote(item)} ${value}); a negative feed price is a fee paid to the recycler — EverBatt's largest is 2 USD/kg (LFP) — give at least ${min}`,
  qualityFactorAboveVirgin: (value: string) => `"quality-factor" above 1 (${value}) prices regenerated cathode above virgin material; give a value ≤ 1 (1 = sold at the virgin price)`,
  negativeOpex: (opexUsd: number, feedUsd: number) => `the operating cost is negative (${(opexUsd / 1e6).toFixed(2)} M USD/yr, feed ${(feedUsd / 1e6).toFixed(2)} M USD/yr): the fees paid to the plant for its feed exceed every cost of running it; check the sign and size of the feed.<…> prices`,
  atSweepValue: (message: string, path: string, value: string) => `${message} — at the swept value ${value} of ${path}`,
  rowsCapped: (more: number, cap: number) => `… ${more.toLocaleString('en-US')} more rows not shown (a table shows at most ${cap.toLocaleString('en-US')}); the JSON output (--json) has them all`,
  scheduleItemsCapped: (item: string, count: number, shown: number) => `${item}: ${count.toLocaleString('en-US')} parallel items; the schedule shows the first ${shown} (the others repeat the same staggered pattern)`,
  scheduleEntriesCapped: (cap: number) => `the schedule stops at ${cap.toLocaleString('en-US')} bars; shorten design.scheduleHorizon or lower design.maxBatchesPerItem to see a complete campaign`,
  feedWithoutCam: () => `the feed holds no cathode active material (every lot's composition has cam 0, or no lot has a share); a plant regenerates cathode — give the lots a cam fraction, e.g. composition: { cam: 0.9, al: 0.1 }`,
  unexpectedFailure: (command: string, files: readonly string[], cause: string) => `${files.length ? `${files.join(', ')}: ` : ''}regenflow ${command} failed (${cause}); this is a defect of regenflow, not of the input — please report it with the command and these files`,
  // <<messages: issue 17>>
  // ---- issue 15: optimize (operating conditions, lot allocation between routes)
  varySyntax: (text: string, reason: string) => `cannot read --vary ${quote(text)} (${reason}); write <path>=<lo>:<hi> with optional units ("relith.temperature=160 degC:250 degC"), <path>=<lo>..<hi> for integers ("wash.stages=2..6") or <path>=a|b|c for choices`,
  varyBounds: (text: string, range: string) => `the upper bound is not above the lower bound in --vary ${quote(text)} (${range}); give lo < hi`,
  varyTwice: (path: string, first: string) => `the path ${quote(path)} is varied twice (first in --vary ${quote(first)}); vary each path once`,
  varyNone: () => `nothing to optimise (no --vary and no --route given); give --vary "<path>=<lo>:<hi>" for operating conditions or two --route files for lot allocation`,
  varyWithRoutes: () => `--vary and --route cannot be combined (conditions and allocation are separate searches); optimise the conditions of each route first, then allocate lots with --route`,
  flowsheetWithRoutes: () => `--flowsheet does not apply with --route (each route is a flowsheet); list every route with --route`,
  routesTooFew: (n: number) => `lot allocation needs at least two routes (${n} given); give --route a.yaml --route b.yaml`,
  routeTwice: (file: string) => `the route ${quote(file)} is given twice; give each route once`,
  constraintSyntax: (text: string) => `cannot read the constraint ${quote(text)}; write <kpi> >= <value> or <kpi> <= <value>, e.g. "inSpecFraction >= 0.95" or "npvUsd >= 0"`,
  badBudget: (value: unknown) => `not a valid budget (${quote(value)}); give a whole number of evaluations from 2 to 1000000, e.g. --budget 300`,
  badRestarts: (value: unknown) => `not a valid number of restarts (${quote(value)}); give a whole number from 0 to 20, e.g. --restarts 2`,
  optimizeOutExtension: (file: string) => `the optimised scenario is written as YAML (${file}); give --out a file name ending in .yaml or .yml`,
  optimizeAllFailed: (n: number, first: string) => `all ${n} evaluations failed (first: ${first}); narrow the ranges to values the model accepts, or check that the scenario runs (regenflow run)`,
  optimizeNoFeasible: (violation: string) => `no evaluated point meets every constraint (the least violating is reported: ${violation}); relax the constraints, widen the ranges or raise --budget`,
  optimizeSomeFailed: (failed: number, n: number, first: string) => `${failed} of ${n} evaluations failed and count as infeasible (first: ${first})`,
  lotFractionsOutlet: (lot: string, outlet: string, outlets: readonly string[]) => `lot ${quote(lot)} is sent to ${quote(outlet)}, which is not an outlet of this splitter${didYouMean(outlet, outlets)}; the outlets are the keys of fractions: ${list(outlets)}`,
  lotFractionsSum: (lot: string, sum: number) => `the shares of lot ${quote(lot)} sum to ${fmt(sum)}; they must sum to 1 (± 1e-9)`,
  // ---- units of measure (the reason inside badQuantity and the field messages)
  unitAmbiguous: (text: string, hint: string) => `"${text}" is ambiguous; ${hint}`,
  unitParenthesisOpen: (text: string) => `a parenthesis is not closed in "${text}"`,
  notUnitExpression: (text: string) => `"${text}" is not a unit expression`,
  unknownUnit: (symbol: string) => `"${symbol}" is not a known unit`,
  unitsNotConvertible: (from: string, fromDimension: string, to: string, toDimension: string) => `"${from}" (${fromDimension}) cannot be converted to "${to}" (${toDimension})`,
  notNumberWithUnit: (input: string) => `"${input}" is not a number with a unit`,
  quantityNoUnit: (input: string, dimension: string, example: string) => `"${input}" has no unit; give one of dimension ${dimension}, e.g. "${example}"`,
  quantityWrongDimension: (input: string, given: string, expected: string, unit: string) => `"${input}" is ${given} but ${expected} is expected (unit ${unit})`,
  // ---- files and study axes
  unknownFileKind: () => 'cannot tell what this file is (no flowsheet:, units:, lots:, capacity: or items: field); a scenario names its flowsheet, a flowsheet lists units and streams, a feed lists lots, a plant gives its capacity, a price set lists items',
  axisUnreadable: (option: string, text: string) => `${option} ${JSON.stringify(text)} cannot be read; write <path>=lo:hi:n, e.g. ${option} "feed.lots[ev-811].liPerTm=0.70:0.95:6"`,
  axisNumbers: (option: string, text: string) => `${option} ${JSON.stringify(text)}: lo and hi must be numbers and n at least 1`,
  crossoverRoutes: (n: number) => `crossover compares exactly two routes (${n} --flowsheet given); give --flowsheet a.yaml --flowsheet b.yaml`,
  economicsBadFlows: (fields: readonly string[]) => `internal: economics received negative or non-finite flows (${fields.join(', ')}); this is a model failure, not an input error`,
  // ---- unit-operation warnings
  acidLimited: (reagentKgPerHour: string, sharePercent: string) => `the citric acid charge (${reagentKgPerHour} kg/h) takes up only ${sharePercent} % of the leachable surface Li; raise acidConcentration`,
  reactantLimited: (equation: string, reactant: string, extent: string, limit: string) => `reaction "${equation}" limited by ${reactant}: extent ${extent} → ${limit} kmol/h`,
  oxygenShort: (kgPerHour: string) => `doping needs ${kgPerHour} kg/h more O2 than the atmosphere brings; drawn as extra O2`,
  naohLimited: (dissolvedKgPerHour: string, wantedKgPerHour: string) => `Al dissolution limited by NaOH or water (${dissolvedKgPerHour} of ${wantedKgPerHour} kg/h Al dissolved); raise naohConcentration or liquidToSolid`,
  cakeNotFilled: (waterKgPerHour: string, cakeWaterKgPerHour: string) => `feed liquor and wash water (${waterKgPerHour} kg/h) do not fill the cake moisture (${cakeWaterKgPerHour} kg/h); the cake leaves drier than cakeMoisture and no liquor flows — raise waterPerKgSolids`,
  solubilityLimited: (undissolved: string) => `solubility limits leave ${undissolved} undissolved in the cake; more wash water or a lower temperature (Li2CO3) dissolves more`,
  filterCakeDrier: (waterKgPerHour: string, cakeWaterKgPerHour: string) => `the feed carries less water (${waterKgPerHour} kg/h) than the cake moisture holds (${cakeWaterKgPerHour} kg/h); the cake leaves drier and there is no filtrate water`,
  lowBurnOffTemperature: (celsius: string) => `PVDF decomposes slowly below ≈450 °C (furnace at ${celsius} °C); lower pvdfConversion accordingly`,
  hfToVent: (kgPerHour: string) => `${kgPerHour} kg/h of HF leaves untreated in the vent; use scrubber: lime`,
  oxygenFromLattice: (kgPerHour: string) => `${kgPerHour} kg/h O2 drawn for Li2O loss / burn-off under N2 (stands for lattice oxygen in the fixed-O lot formula)`,
  kilnOxygenShort: (kgPerHour: string) => `the reactions need ${kgPerHour} kg/h more O2 than the atmosphere gas brings; drawn as extra O2 — raise gasPerKgPowder`,
  lithiumLimited: (holds: string, availableKmolPerHour: string, demandKmolPerHour: string, scale: string, fix: string) => `${holds} ${availableKmolPerHour} kmol/h Li but the lots would take ${demandKmolPerHour} kmol/h; every lot's uptake is scaled by ${scale} — ${fix}`,
  latticeLiEtched: (liPerTm: string) => `phosphate etching takes the Li of the coating from the lattice and leaves a lot at Li/TM ${liPerTm}; lower coatingFraction or use li3po4Source: LiOH+H3PO4`,
  noBinder: () => 'the feed carries no PVDF, so no NMP is circulated (the bath volume is that of the solids only)',
  latticeLithiumExpelled: (kmolPerHour: string, source: string) => `lots above the lattice limit lose ${kmolPerHour} kmol/h Li into residual ${source}`,
  noCathodeLots: () => 'the feed of the sorter carries no cathode lots; everything goes to rejects',
  alreadyConcentrated: (molPerL: number, solute: string) => `the feed is already at or above ${molPerL} mol/L of ${solute}; nothing is evaporated`,
  liohCrystallised: (molPerKg: string) => `the recovered salt leaves as a crystal slurry (${molPerKg} mol LiOH per kg water, above the ≈5.3 mol/kg solubility at 25 °C, a recalled value not yet checked against a source), as a salt recycle to a melt intends`,
  liohAboveSolubility: (molPerKg: string) => `recovered liquor holds ${molPerKg} mol LiOH per kg water, above its ≈5.3 mol/kg solubility at 25 °C (≈12.8 g/100 g water; recalled, not yet checked against a source); LiOH·H2O crystallises on cooling — lower waterRemoval, or set recoveredAs: salt if the recycle is a salt for a melt`,
  // ---- balances
  unitMassClosure: (closure: string, limit: number) => `mass closure ${closure} exceeds ${limit}`,
  plantClosure: (closure: string, limit: number) => `worst mass/element closure ${closure} exceeds ${limit}`,
  loopConverged: (iterations: number, tears: readonly string[], residual: string) => `recycle loop converged in ${iterations} iterations (tears ${tears.join(', ')}; residual ${residual})`,
  // <<messages: optimize>>
};

const pct = (x: number) => `${Number((x * 100).toPrecision(3))} %`;

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
