#!/usr/bin/env node
// The README's reference-results table, from the engine (`npm run build` first): every shipped
// scenario through its own route, and the reference CN feed through every shipped route. Prints
// Markdown; paste it over the table under "Reference results" when results move.
import { readdirSync } from 'node:fs';
import { loadRawScenario } from '../dist/pipeline/load.js';
import { resolveModel } from '../dist/pipeline/resolve.js';
import { evaluate } from '../dist/pipeline/evaluate.js';
import { kpisOf } from '../dist/pipeline/document.js';

const ROUTES = ['hydrothermal', 'molten-salt', 'solid-state', 'electrochemical', 'full-repair', 'full-route'];
const cases = [
  ...ROUTES.map((r) => ['scenarios/reference-cn.yaml', `flowsheets/${r}.yaml`]),
  ...readdirSync('scenarios').filter((f) => f.endsWith('.yaml') && f !== 'reference-cn.yaml').sort().map((f) => [`scenarios/${f}`, undefined]),
];

const num = (x, d) => (x === null || x === undefined ? '—' : x.toFixed(d));
const pct = (x, d = 0) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(d)} %`);
console.log('| scenario, route | in spec | NPV M USD | IRR | payback yr | gross cost USD/kg | net cost USD/kg | min. price USD/kg | site MJ/kg | primary MJ/kg | GHG kg/kg |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const [scenario, flowsheet] of cases) {
  const ev = evaluate(resolveModel(loadRawScenario(scenario, flowsheet)));
  const k = kpisOf(ev);
  const row = [
    `${ev.model.id}, ${ev.model.flowsheet.id}`, pct(k.inSpecFraction, 1), num(k.npvUsd === null ? null : k.npvUsd / 1e6, 0), pct(k.irr),
    num(k.paybackYears, 1), num(k.costUsdPerKgProduct, 2), num(k.netCostUsdPerKgProduct, 2), num(k.minSellingPriceUsdPerKg, 2),
    num(k.energyMjPerKgProduct, 0), num(k.primaryEnergyMjPerKgProduct, 0), num(k.ghgKgCo2ePerKgProduct, 1),
  ];
  console.log(`| ${row.join(' | ')} |`);
}
