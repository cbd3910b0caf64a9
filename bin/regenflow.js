#!/usr/bin/env node
// Thin launcher: the CLI bundled in dist/bundle/ (scripts/bundle.js, built with the compiled dist/
// by `npm install` through the prepare script, and by `npm run build`), which starts faster than
// the ~200 compiled modules of dist/ it is made from.
import { main } from '../dist/bundle/main.js';
main(process.argv.slice(2));
