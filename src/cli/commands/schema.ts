/** `regenflow schema --out <dir>`: JSON Schemas of the input files, for editors. */
import type { Argv, CommandModule } from 'yargs';
import { join } from 'node:path';
import { fileSchemas } from '../../pipeline/schemas.js';
import { writeFileAtomic } from '../../io/write.js';
import type { CommandContext } from './context.js';

/** The schema command. */
export function schemaCommand(ctx: CommandContext): CommandModule {
  return {
    command: 'schema',
    describe: 'write JSON Schemas of the input files (for editors)',
    builder: (y: Argv) => y.option('out', { type: 'string', default: 'schemas', describe: 'output directory' }),
    handler: (a) => {
      for (const [name, schema] of Object.entries(fileSchemas())) {
        const file = join(a.out as string, name);
        writeFileAtomic(file, JSON.stringify(schema, null, 2) + '\n');
        ctx.io.out(`wrote ${file}`);
      }
    },
  };
}
