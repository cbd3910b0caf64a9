/**
 * What an input file may hold (issue 17): strict UTF-8 with the place of a bad byte, the YAML core
 * schema only, no __proto__ keys, aliases bounded by what they expand to (not by how often an
 * anchor is reused), no alias cycles.
 */
import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseText, MAX_EXPANDED_NODES } from '../../src/io/document.js';
import { RegenflowError } from '../../src/schema/errors.js';

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RegenflowError);
    return (e as RegenflowError).issues;
  }
  throw new Error('expected a RegenflowError');
}

describe('UTF-8', () => {
  it('decodes valid text, multi-byte characters and a byte-order mark', () => {
    expect(decodeUtf8('f.yaml', Buffer.from('a: "µm °C ≥ 𝄞"\n'))).toBe('a: "µm °C ≥ 𝄞"\n');
    expect(decodeUtf8('f.yaml', Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
  });

  it('places the first invalid byte by line and character column', () => {
    // Line 2 holds "µ≥" (two characters, five bytes) before the stray byte.
    const bytes = Buffer.concat([Buffer.from('id: x\nn: µ≥'), Buffer.from([0xff]), Buffer.from('\n')]);
    const [issue] = issuesOf(() => decodeUtf8('f.yaml', bytes));
    expect(issue).toMatchObject({ code: 'invalid-utf8', file: 'f.yaml', line: 2, column: 6 });
    expect(issue!.message).toContain('byte 0xFF');
  });

  it('refuses surrogates, overlong forms and truncated sequences', () => {
    for (const bad of [[0xed, 0xa0, 0x80], [0xc0, 0x80], [0xf0, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xf5, 0x80, 0x80, 0x80]]) {
      const [issue] = issuesOf(() => decodeUtf8('f.yaml', Buffer.from([0x61, ...bad])));
      expect(issue).toMatchObject({ line: 1, column: 2 });
    }
  });
});

describe('YAML', () => {
  it('refuses tags outside the core schema, at their line', () => {
    const issues = issuesOf(() => parseText('f.yaml', 'a: 1\nb: !!binary aGk=\nc: !x y\nd: !!str 5\n'));
    expect(issues.map((i) => [i.line, i.message.slice(0, 24)])).toEqual([[2, 'the tag !!binary is not '], [3, 'the tag !x is not allowe']]);
  });

  it('reads YAML 1.1 words as strings under the core schema', () => {
    expect(parseText('f.yaml', '%YAML 1.1\n---\na: yes\nb: 0o17\n').data).toEqual({ a: 'yes', b: 15 });
  });

  it('refuses __proto__ keys anywhere', () => {
    const issues = issuesOf(() => parseText('f.yaml', 'a:\n  b: { __proto__: 1 }\n'));
    expect(issues).toEqual([expect.objectContaining({ code: 'proto-key', line: 2, column: 8 })]);
  });

  it('lets one anchor be reused 10,000 times', () => {
    const text = `x: &v { a: 1, b: [1, 2, 3] }\nlist:\n${Array.from({ length: 10_000 }, () => '  - *v').join('\n')}\n`;
    const data = parseText('f.yaml', text).data as { list: unknown[] };
    expect(data.list).toHaveLength(10_000);
    expect(data.list[9999]).toEqual({ a: 1, b: [1, 2, 3] });
  });

  it('refuses an alias bomb at the alias that crosses the limit', () => {
    let text = 'a0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n';
    for (let k = 1; k <= 6; k++) text += `a${k}: &a${k} [${Array.from({ length: 10 }, () => `*a${k - 1}`).join(', ')}]\n`;
    const issues = issuesOf(() => parseText('f.yaml', text));
    expect(issues).toHaveLength(1);
    // a4 expands to 111,111 values; the ninth *a4 inside a5 (line 6) passes MAX_EXPANDED_NODES.
    expect(MAX_EXPANDED_NODES).toBe(1_000_000);
    expect(issues[0]).toMatchObject({ code: 'yaml-alias-bomb', line: 6 });
  });

  it('refuses an alias inside its own anchor', () => {
    expect(issuesOf(() => parseText('f.yaml', 'a: &x { b: [*x] }\n'))[0]).toMatchObject({ code: 'yaml-alias-cycle', line: 1 });
  });
});
