/**
 * The CLI validates each input once, so zod's compiled object parsers (generated with `new Function`
 * on an object schema's first parse, worth it only for an object parsed many times) cost more than
 * they save: without them `run` and `validate` start ≈ 10–15 ms sooner, and Monte Carlo, sweep and
 * optimize are no slower (they re-parse only the values a patch changes). Results and messages are
 * the same either way (the corpus of broken inputs prints byte-identical output).
 *
 * zod reads the setting when an object schema is built, so this module is the CLI's first import
 * (src/cli/main.ts), before any module that builds schemas. The library (src/index.ts) and the
 * worker threads keep zod's default.
 */
import { z } from 'zod';

z.config({ jitless: true });
