import { Composer, CST, isAlias, isMap, isPair, isScalar, isSeq, Lexer, Parser, type Document, type LineCounter, type Node } from 'yaml';
import { ScenarioError } from './scenario-error.js';
import { excerpt, quoteText } from './display-text.js';
import { yamlSyntaxIssue } from './yaml-syntax-issue.js';
import { jsonSyntaxProblem } from './json-syntax-issue.js';
import { YAML_LEXER_MARKERS } from './yaml-lexer-markers.js';
import { MAX_ALIAS_COUNT, MAX_EXPANDED_VALUES, MAX_NESTING_DEPTH } from './limits.js';

/**
 * Reading YAML (and JSON, which is YAML, held to JSON's grammar in a `.json` file) safely, before any validation:
 *
 * - nesting deeper than MAX_NESTING_DEPTH is refused from the parser's token tree, which is built
 *   without recursion, before the recursive part of the YAML reader runs (thousands of levels
 *   would exhaust the stack, and V8 can then fail hard instead of throwing);
 * - anchors and aliases (`&name` / `*name`) are supported, but a file whose aliases expand to more
 *   than MAX_EXPANDED_VALUES values (a "billion laughs", exponential or multiplied) is refused
 *   before it is expanded, at the alias that crosses the limit;
 * - merge keys (`<<: *base`) are refused at their line, even under `%YAML 1.1` (where they would
 *   otherwise merge silently): they would be a second, different way of sharing settings beside
 *   `extends:`, and the merged keys would have no line of their own to report problems at;
 * - a file holding several YAML documents (`---`) is refused, and so is a key that is a list, a
 *   mapping or an alias;
 * - an alias with no anchor before it, or inside the value it names (a value containing itself), is
 *   refused at the alias, with its line and column.
 *
 * Every refusal is a ScenarioError naming `source`, with a line and column.
 */
export function composeYaml(written: string, source: string, lines: LineCounter): Document {
  const text = loneCarriageReturnsAsLineFeeds(written);
  const at = (offset: number) => {
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const fail = (offset: number, message: string): never => {
    throw new ScenarioError(source, [{ path: [], message, ...at(offset) }]);
  };

  const many = tooManyValues(text, MAX_EXPANDED_VALUES);
  if (many !== undefined)
    throw new ScenarioError(source, [
      {
        path: [],
        ...positionIn(text, many),
        message: `holds more than ${MAX_EXPANDED_VALUES.toLocaleString('en-US')} values (numbers, strings, lists and mappings each count) by here; a scenario holds hundreds (see README, "Limits and bad input")`,
      },
    ]);
  const tokens = [...new Parser(lines.addNewLine).parse(text)];

  const deep = tooDeep(tokens, MAX_NESTING_DEPTH);
  if (deep !== undefined)
    fail(deep, `is nested more than ${MAX_NESTING_DEPTH} levels deep here; a scenario is a few levels deep (see README, "Limits and bad input")`);

  // A .json file is JSON: its syntax errors named as JSON's, and a trailing comma (which YAML allows) refused.
  if (/\.json$/i.test(source)) {
    const problem = jsonSyntaxProblem(text);
    if (problem !== undefined) fail(problem.offset, `not valid JSON: ${problem.message}`);
  }
  const docs = [...new Composer({ prettyErrors: false, uniqueKeys: false, strict: true, merge: false }).compose(tokens, true, text.length)];
  const doc = docs[0]!;
  if (docs.length > 1) fail(docs[1]!.range[0], 'holds more than one YAML document (a second one starts here); a scenario file holds one');
  if (doc.errors.length > 0) {
    throw new ScenarioError(source, [yamlSyntaxIssue(text, doc.errors, at)]);
  }
  checkAliasesAndMergeKeys(doc, fail, (offset) => at(offset).line);
  return doc;
}

/**
 * `text` with each carriage return that no line feed follows made a line feed: YAML 1.2 counts a
 * lone CR as a line break (a file saved with classic Mac OS line endings), but the YAML reader does
 * not, and read such a file as one comment line ("is empty"). One character for one, so every offset,
 * line and column stays the file's own; CRLF is left as it is.
 *
 * @example loneCarriageReturnsAsLineFeeds('a: 1\rb: 2\r\n') // => 'a: 1\nb: 2\r\n'
 * Complexity: O(length of the text).
 */
export function loneCarriageReturnsAsLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Plain data of a composed document; aliases are expanded (bounded by MAX_ALIAS_COUNT too). */
export function yamlToData(doc: Document, source: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/alias count/i.test(message))
      throw new ScenarioError(source, [{ path: [], message: `uses aliases (*name) more than ${MAX_ALIAS_COUNT} times over; write the values out instead` }]);
    throw new ScenarioError(source, [{ path: [], message: `cannot be read: ${excerpt(firstLine(message), 120)}` }]);
  }
}

/** 1-based line and column (UTF-16 units, as the YAML reader counts) of an offset in `text`. */
function positionIn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Lexemes that stand for one value each: a scalar, an alias, the start of a flow list or mapping (block ones have scalars). */
const VALUE_LEXEMES = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'block-scalar-header', 'alias', 'flow-map-start', 'flow-seq-start']);

/**
 * Offset of the value that takes the file past `max` values as written (before aliases), or
 * undefined. Runs on the lexer's stream, which keeps nothing, so a file of millions of short values
 * is refused before the parser and the document, which cost about 1 KB a value, are built. A text of
 * at most `max` characters is not lexed (every value counted takes a character): a plan pays nothing.
 */
function tooManyValues(text: string, max: number): number | undefined {
  // Each value counted takes at least one character of the text: a shorter text is within the limit.
  if (text.length <= max) return undefined;
  let count = 0;
  let offset = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (VALUE_LEXEMES.has(CST.tokenType(lexeme) ?? '') && ++count > max) return offset;
    if (!YAML_LEXER_MARKERS.has(lexeme)) offset += lexeme.length;
  }
  return undefined;
}

/** Offset of the first collection nested deeper than `max`, walking the token tree without recursion. */
function tooDeep(tokens: readonly CST.Token[], max: number): number | undefined {
  const stack: Array<[CST.Token, number]> = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push([tokens[i]!, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > max) return token.offset;
      const items = token.items as ReadonlyArray<{ key?: CST.Token | null; value?: CST.Token }>;
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i]!;
        if (item.value) stack.push([item.value, depth + 1]);
        if (item.key) stack.push([item.key, depth + 1]);
      }
    }
  }
  return undefined;
}

/**
 * Count the values the document stands for once its aliases are expanded, in document order, and
 * refuse at the alias where the count passes MAX_EXPANDED_VALUES; refuse merge keys. Each anchored
 * node's expanded size is known before any alias to it (an alias follows its anchor), so this is one
 * pass over the written nodes, whatever the aliases expand to. The recursion follows the written
 * nesting only, which tooDeep has bounded.
 */
function checkAliasesAndMergeKeys(doc: Document, fail: (offset: number, message: string) => never, lineOf: (offset: number) => number): void {
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  /** Anchored nodes being visited: an alias to one of them would make a value contain itself. */
  const open = new Set<Node>();
  let total = 0;
  const visit = (node: unknown): number => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const name = excerpt(node.source);
      if (target === undefined)
        fail(node.range?.[0] ?? 0, `alias *${name} has no anchor &${name} before it: put the anchor on the value first, or write the value out`);
      if (open.has(target))
        fail(node.range?.[0] ?? 0, `alias *${name} is inside the value anchored &${name}, so that value would contain itself: write the value out`);
      const size = sizes.get(target) ?? 1;
      total += size;
      if (total > MAX_EXPANDED_VALUES)
        fail(
          node.range?.[0] ?? 0,
          `aliases (*name) expand this file to more than ${MAX_EXPANDED_VALUES.toLocaleString('en-US')} values (this one stands for ${size.toLocaleString('en-US')}); write the values out, or alias less`,
        );
      return size;
    }
    const anchored = node && typeof node === 'object' && 'anchor' in node && typeof node.anchor === 'string' ? (node as Node) : undefined;
    if (anchored) {
      anchors.set(anchored.anchor!, anchored);
      open.add(anchored);
    }
    let size = 1;
    total += 1;
    if (isMap(node) || isSeq(node)) {
      // Duplicate keys are found here, one set per mapping: the YAML reader's own check compares
      // every key with every other (20,000 keys took 18 s).
      const keys = isMap(node) ? new Map<unknown, number>() : undefined;
      for (const item of node.items) {
        if (isPair(item)) {
          if (keys && isScalar(item.key)) {
            const earlier = keys.get(item.key.value);
            if (earlier !== undefined)
              fail(
                item.key.range?.[0] ?? 0,
                `not valid YAML: the key ${quoteText(String(item.key.value))} is given twice in this mapping (first at line ${lineOf(earlier)}): keep one`,
              );
            keys.set(item.key.value, item.key.range?.[0] ?? 0);
          }
          // Under `%YAML 1.1` a merge key's value is a symbol, and `merge: false` does not turn it off.
          if (isScalar(item.key) && (item.key.value === '<<' || typeof item.key.value === 'symbol'))
            fail(
              item.key.range?.[0] ?? 0,
              'merge keys (<<) are not supported: write the keys out, use an alias (*name) for a whole value, or put shared settings in a base scenario (extends:)',
            );
          // A list, mapping or alias as a key (`? [a, b]: 1`) has no name to validate; YAML would
          // turn it into a string, with a warning printed.
          if (item.key !== null && !isScalar(item.key))
            fail((item.key as Node).range?.[0] ?? 0, 'a key must be a plain name, not a list, a mapping or an alias');
          size += visit(item.key) + visit(item.value);
        } else size += visit(item);
      }
    }
    if (anchored) {
      open.delete(anchored);
      sizes.set(anchored, size);
    }
    return size;
  };
  if (doc.contents) visit(doc.contents);
}

const firstLine = (s: string) => s.split('\n')[0] ?? s;
