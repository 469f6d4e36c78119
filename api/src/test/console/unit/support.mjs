// Definitions the unit tests draw: the four examples and the nested fixture.

import { readFileSync, readdirSync } from 'node:fs';

const examplesDir = new URL('../../../../../examples/', import.meta.url);

export const EXAMPLES = Object.fromEntries(
  readdirSync(examplesDir)
    .filter((f) => f.endsWith('.asl.json'))
    .sort()
    .map((f) => [f.replace(/\.asl\.json$/, ''), JSON.parse(readFileSync(new URL(f, examplesDir), 'utf8'))]),
);

export const NESTED = JSON.parse(readFileSync(new URL('../fixtures/nested-parallel-in-map.asl.json', import.meta.url), 'utf8'));

/** Every state of a definition with its object, nested ones included. */
export function allStates(definition) {
  const out = [];
  const walk = (block) => {
    for (const [name, state] of Object.entries(block.States)) {
      out.push({ name, state });
      for (const branch of state.Branches ?? []) walk(branch);
      if (state.ItemProcessor ?? state.Iterator) walk(state.ItemProcessor ?? state.Iterator);
    }
  };
  walk(definition);
  return out;
}
