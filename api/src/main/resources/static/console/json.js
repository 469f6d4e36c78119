// JSON input checks and display helpers. Pure: no DOM.

/** Step Functions' largest execution input: 256 KiB of UTF-8. */
export const MAX_INPUT_BYTES = 262144;

export function utf8Length(text) {
  return new TextEncoder().encode(text).length;
}

/**
 * Parses the text of a JSON editor.
 * @returns {{ok: true, value} | {ok: false, message, line, column}}
 */
export function parseJsonInput(text) {
  const source = String(text ?? '');
  if (source.trim() === '') {
    return { ok: false, message: 'Enter a JSON value, for example {}', line: 1, column: 1 };
  }
  try {
    const value = JSON.parse(source);
    const bytes = utf8Length(source);
    if (bytes > MAX_INPUT_BYTES) {
      return {
        ok: false,
        message: `The input is ${bytes} bytes; at most ${MAX_INPUT_BYTES} (256 KiB) are accepted`,
        line: 1,
        column: 1,
      };
    }
    return { ok: true, value };
  } catch (e) {
    // Engines word (and place) parse errors differently; the scanner below names the spot.
    const found = locateJsonError(source);
    const position = found ? found.position : source.length;
    const before = source.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    return { ok: false, message: found ? found.message : String(e?.message ?? e), line, column };
  }
}

/**
 * Where JSON text first breaks the grammar of RFC 8259, and why; null when it is valid JSON.
 * @returns {{position: number, message: string} | null}
 */
export function locateJsonError(text) {
  let i = 0;
  const fail = (message, at = i) => {
    throw { position: at, message };
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const unexpected = () => (i >= text.length ? 'Unexpected end of input' : `Unexpected '${text[i]}'`);
  const literal = (word) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`${unexpected()}; expected a value`);
  };
  const string = () => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('Control characters must be escaped in strings');
      if (text[i] === '\\') {
        const escape = i;
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('Invalid \\u escape: four hex digits expected', escape);
          i += 5;
        } else if ('"\\/bfnrt'.includes(text[i] ?? 'x') && i < text.length) {
          i++;
        } else {
          fail('Invalid escape in a string', escape);
        }
      } else {
        i++;
      }
    }
    if (i >= text.length) fail('Unterminated string', start);
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match || match[0] === '-') fail('Invalid number');
    i += match[0].length;
  };
  const value = (depth) => {
    if (depth > 1000) fail('Nested deeper than 1000 levels');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'Trailing comma before }' : `${unexpected()}; expected a property name in double quotes`);
        string();
        ws();
        if (text[i] !== ':') fail(`${unexpected()}; expected ':' after the property name`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`${unexpected()}; expected ',' or '}'`);
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail('Trailing comma before ]');
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`${unexpected()}; expected ',' or ']'`);
      }
    } else if (c === '"') {
      string();
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      number();
    } else if (c === 't') {
      literal('true');
    } else if (c === 'f') {
      literal('false');
    } else if (c === 'n') {
      literal('null');
    } else {
      fail(`${unexpected()}; expected a value`);
    }
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail(`${unexpected()} after the JSON value`);
    return null;
  } catch (e) {
    if (e && typeof e.position === 'number') return e;
    throw e;
  }
}

/** JSON text from the API (input, output, parameters) shown indented; other text as it is. */
export function prettyText(text) {
  if (text === null || text === undefined) return '';
  if (typeof text !== 'string') return pretty(text);
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function pretty(value) {
  if (value === undefined) return '';
  return JSON.stringify(value, null, 2);
}

// Execution names: 1 to 80 characters, none of them whitespace, brackets, wildcards, special
// characters or control characters (Step Functions' rule for StartExecution's name).
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

/** Why a name cannot be an execution name, or null when it can. */
export function executionNameProblem(name) {
  const length = [...name].length;
  if (length === 0) return 'The name must not be empty';
  if (length > 80) return `The name has ${length} characters; at most 80 are allowed`;
  const bad = FORBIDDEN.exec(name);
  if (bad) {
    const ch = bad[0];
    const shown = /\s/.test(ch) ? 'whitespace' : ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? 'a control character' : `"${ch}"`;
    return `The name must not contain ${shown}`;
  }
  return null;
}

/** A duration between two ISO timestamps, readable: 850 ms, 12.4 s, 3 min 5 s, 2 h 4 min. */
export function duration(from, to) {
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return '';
  const ms = Math.max(0, b - a);
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** An ISO timestamp as local date and time, with seconds. */
export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
