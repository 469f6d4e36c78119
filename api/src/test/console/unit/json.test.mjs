import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  duration,
  executionNameProblem,
  locateJsonError,
  MAX_INPUT_BYTES,
  parseJsonInput,
  prettyText,
} from '../../../main/resources/static/console/json.js';

describe('the JSON input editor', () => {
  it('accepts any JSON value', () => {
    for (const [text, value] of [['{}', {}], ['[1, "a"]', [1, 'a']], ['42', 42], ['"x"', 'x'], ['null', null], [' true ', true]]) {
      assert.deepEqual(parseJsonInput(text), { ok: true, value });
    }
  });

  it('names the line and column of a mistake, and what is wrong', () => {
    const cases = [
      ['{"orderId": "o-1",\n  "items": [1, 2,]\n}', 2, 18, 'Trailing comma before ]'],
      ['{"a": 1,}', 1, 9, 'Trailing comma before }'],
      ['{', 1, 2, 'Unexpected end of input; expected a property name in double quotes'],
      ['{a: 1}', 1, 2, "Unexpected 'a'; expected a property name in double quotes"],
      ['{"a" 1}', 1, 6, "Unexpected '1'; expected ':' after the property name"],
      ['[1 2]', 1, 4, "Unexpected '2'; expected ',' or ']'"],
      ['{"a": 1}\n  x', 2, 3, "Unexpected 'x' after the JSON value"],
      ['"abc', 1, 1, 'Unterminated string'],
      ['"a\\qb"', 1, 3, 'Invalid escape in a string'],
      ['"\\u12"', 1, 2, 'Invalid \\u escape: four hex digits expected'],
      ['01', 1, 2, "Unexpected '1' after the JSON value"],
      ['-', 1, 1, 'Invalid number'],
      ['[tru]', 1, 2, "Unexpected 't'; expected a value"],
      ["{'a': 1}", 1, 2, "Unexpected '''; expected a property name in double quotes"],
      ['"tab\there"', 1, 5, 'Control characters must be escaped in strings'],
    ];
    for (const [text, line, column, message] of cases) {
      assert.deepEqual(parseJsonInput(text), { ok: false, message, line, column }, text);
    }
    assert.equal(parseJsonInput('  ').ok, false);
    assert.match(parseJsonInput('').message, /Enter a JSON value/);
  });

  it('finds no error in any text JSON.stringify writes', () => {
    const values = [
      {},
      { a: [1, 2.5, -3e-7, true, false, null], 'b"c': { d: '\u0000\n\t\u2028 é 😀' } },
      [[[[]]]],
      'plain',
      -0.125,
    ];
    for (const value of values) {
      assert.equal(locateJsonError(JSON.stringify(value)), null);
      assert.equal(locateJsonError(JSON.stringify(value, null, 2)), null);
    }
  });

  it('refuses an input larger than Step Functions accepts', () => {
    const text = JSON.stringify({ blob: 'x'.repeat(MAX_INPUT_BYTES) });
    const result = parseJsonInput(text);
    assert.equal(result.ok, false);
    assert.match(result.message, /at most 262144/);
  });

  it('indents JSON text and leaves other text alone', () => {
    assert.equal(prettyText('{"a":1}'), '{\n  "a": 1\n}');
    assert.equal(prettyText('not json'), 'not json');
    assert.equal(prettyText(null), '');
  });
});

describe('execution names', () => {
  it('accepts what Step Functions accepts', () => {
    for (const name of ['run-1', 'Run_2.3', 'é-unicode', 'a'.repeat(80)]) assert.equal(executionNameProblem(name), null, name);
  });
  it('names the rule a name breaks', () => {
    assert.equal(executionNameProblem(''), 'The name must not be empty');
    assert.equal(executionNameProblem('a'.repeat(81)), 'The name has 81 characters; at most 80 are allowed');
    assert.equal(executionNameProblem('has space'), 'The name must not contain whitespace');
    assert.equal(executionNameProblem('a/b'), 'The name must not contain "/"');
    assert.equal(executionNameProblem('a{b'), 'The name must not contain "{"');
    assert.equal(executionNameProblem('a\u0007b'), 'The name must not contain a control character');
    for (const ch of '<>{}[]?*"#%\\^|~`$&,;:/') assert.notEqual(executionNameProblem(`a${ch}b`), null, ch);
  });
});

describe('durations', () => {
  it('reads naturally at every scale', () => {
    const t = (ms) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();
    assert.equal(duration(t(0), t(850)), '850 ms');
    assert.equal(duration(t(0), t(12400)), '12.4 s');
    assert.equal(duration(t(0), t(185000)), '3 min 5 s');
    assert.equal(duration(t(0), t(7440000)), '2 h 4 min');
    assert.equal(duration('nonsense', t(0)), '');
  });
});
