/** `regenflow kinds [--json]` and `regenflow components [--json]`: what the engine knows. */
import type { Argv, CommandModule } from 'yargs';
import { kindInfos, kindsText } from '../kinds.js';
import { COMPONENT_IDS, component } from '../../chemistry/components.js';
import { table } from '../output.js';
import type { CommandContext } from './context.js';

/** The kinds command. */
export function kindsCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'kinds',
    describe: 'list unit-operation kinds with their ports and parameters (unit, default, source)',
    builder: (y: Argv) => y.option('json', { type: 'boolean', default: false, describe: 'print as JSON' }),
    handler: (a) => {
      const infos = kindInfos();
      ctx.io.out(a.json ? JSON.stringify(infos, null, 2) : kindsText(infos));
    },
  };
}

/** The components command. */
export function componentsCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'components',
    describe: 'list the component registry (formula, molar mass, phase, heat capacity, source)',
    builder: (y: Argv) => y.option('json', { type: 'boolean', default: false, describe: 'print as JSON' }),
    handler: (a) => {
      const rows = COMPONENT_IDS.map((id) => {
        const c = component(id);
        return { id, name: c.name, formula: c.formula, molarMass_g_per_mol: c.molarMass_g_per_mol, phase: c.phase, cp_J_per_kgK: c.cp_J_per_kgK ?? null, source: c.source };
      });
      if (a.json) ctx.io.out(JSON.stringify(rows, null, 2));
      else ctx.io.out(table([['id', 'formula', 'g/mol', 'phase', 'cp J/(kg·K)', 'source'], ...rows.map((r) => [r.id, r.formula, r.molarMass_g_per_mol.toFixed(3), r.phase, r.cp_J_per_kgK === null ? '' : r.cp_J_per_kgK.toFixed(0), r.source])], [false, false, true, false, true, false]));
    },
  };
}
