#!/usr/bin/env node
// Thin launcher: the CLI bundled in dist/bundle/ (scripts/bundle.js, built with the compiled dist/
// by `npm install` through the prepare script, and by `npm run build`), loaded with its code cache
// (bin/load-cli.js); it starts faster than the ~200 compiled modules of dist/ it is made from.
import { loadCli } from './load-cli.js';

loadCli().exports.main(process.argv.slice(2));
