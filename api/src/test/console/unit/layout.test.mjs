import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildGraph } from '../../../main/resources/static/console/graph.js';
import {
  estimateTextWidth,
  fit,
  isotonic,
  layoutGraph,
  SIZES,
} from '../../../main/resources/static/console/layout.js';
import { EXAMPLES, NESTED } from './support.mjs';

const ALL = { ...EXAMPLES, 'nested-parallel-in-map': NESTED };

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const contains = (outer, inner) =>
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.w <= outer.x + outer.w + 0.01 &&
  inner.y + inner.h <= outer.y + outer.h + 0.01;

/** The compound nodes (Parallel, Map) a node sits in, innermost first. */
function ancestors(node) {
  const out = [];
  for (let owner = node.scope.owner; owner; owner = owner.scope.owner) out.push(owner);
  return out;
}

describe('layout', () => {
  for (const [name, definition] of Object.entries(ALL)) {
    describe(name, () => {
      const graph = buildGraph(definition);
      const layout = layoutGraph(graph);
      const byId = new Map(layout.nodes.map((p) => [p.id, p]));

      it('places every node once, inside the drawing', () => {
        assert.equal(layout.nodes.length, graph.nodes.length);
        for (const p of layout.nodes) {
          for (const v of [p.x, p.y, p.w, p.h]) assert.ok(Number.isFinite(v), `${p.node.name} has finite geometry`);
          assert.ok(p.x >= 0 && p.y >= 0 && p.x + p.w <= layout.width && p.y + p.h <= layout.height, `${p.node.name} inside`);
        }
      });

      it('lets no two nodes overlap, except a Parallel or Map around its own states', () => {
        for (let i = 0; i < layout.nodes.length; i++) {
          for (let j = i + 1; j < layout.nodes.length; j++) {
            const a = layout.nodes[i];
            const b = layout.nodes[j];
            if (ancestors(a.node).includes(b.node)) {
              assert.ok(contains(b, a), `${a.node.name} inside ${b.node.name}`);
            } else if (ancestors(b.node).includes(a.node)) {
              assert.ok(contains(a, b), `${b.node.name} inside ${a.node.name}`);
            } else {
              assert.ok(!overlaps(a, b), `${a.node.name} and ${b.node.name} overlap`);
            }
          }
        }
      });

      it('puts branches side by side inside their frame, without overlapping', () => {
        const boxes = layout.boxes;
        for (const box of boxes) assert.ok(contains(byId.get(box.owner), box));
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            if (boxes[i].owner === boxes[j].owner) {
              assert.ok(!overlaps(boxes[i], boxes[j]));
              assert.equal(boxes[i].y, boxes[j].y, 'branches start level');
            }
          }
        }
        for (const p of layout.nodes) {
          const owner = p.node.scope.owner;
          if (!owner) continue;
          const box = boxes.find((b) => b.owner === owner.id && b.index === p.node.scope.index);
          assert.ok(box && contains(box, p), `${p.node.name} inside its branch`);
        }
      });

      it('keeps edge labels clear of every node and of each other', () => {
        const labels = layout.edges.filter((e) => e.label).map((e) => e.label);
        for (const label of labels) {
          for (const p of layout.nodes) {
            if (p.compound && contains(p, label)) continue; // a label inside a frame's branch
            assert.ok(!overlaps(label, p), `label ${label.text} overlaps ${p.node.name}`);
          }
        }
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < labels.length; j++) {
            assert.ok(!overlaps(labels[i], labels[j]), `labels ${labels[i].text} and ${labels[j].text}`);
          }
        }
      });

      it('draws forward edges downwards from the bottom of one node to the top of the next', () => {
        for (const route of layout.edges) {
          const from = byId.get(route.edge.from.id);
          const to = byId.get(route.edge.to.id);
          const first = route.points[0];
          const last = route.points[route.points.length - 1];
          if (route.back || route.self) {
            assert.equal(first.x, from.x + from.w, 'a loop leaves by the right-hand side');
            assert.equal(last.x, to.x + to.w, 'and comes back in on the right-hand side');
            continue;
          }
          assert.equal(first.y, from.y + from.h);
          assert.equal(last.y, to.y);
          assert.ok(to.y > from.y + from.h, `${route.edge.from.name} above ${route.edge.to.name}`);
          for (let i = 1; i < route.points.length; i++) assert.ok(route.points[i].y >= route.points[i - 1].y);
          assert.match(route.path, /^M[\d.]+,[\d.]+( C[\d.,\s-]+)+$/);
        }
      });

      it('has no edge crossings', () => {
        assert.equal(layout.crossings, 0);
      });

      it('is deterministic', () => {
        const again = layoutGraph(buildGraph(definition));
        const shape = (l) => JSON.stringify({ n: l.nodes.map((p) => [p.id, p.x, p.y, p.w, p.h]), e: l.edges.map((e) => e.path) });
        assert.equal(shape(again), shape(layout));
      });
    });
  }

  it('routes the devops rollout loop as one back edge on the right, labelled Default', () => {
    const layout = layoutGraph(buildGraph(EXAMPLES['devops-automation']));
    const back = layout.edges.filter((e) => e.back);
    assert.equal(back.length, 1);
    assert.equal(back[0].edge.from.name, 'RolloutStatus');
    assert.equal(back[0].edge.to.name, 'WaitForRollout');
    assert.equal(back[0].label.text, 'Default');
    const lane = back[0].points[1].x;
    const between = layout.nodes.filter((p) => ['WaitForRollout', 'CheckDeployment', 'RolloutStatus'].includes(p.node.name));
    for (const p of between) assert.ok(lane > p.x + p.w, `the loop passes right of ${p.node.name}`);
  });

  it('orders layers along the flow: Start first, End last', () => {
    const layout = layoutGraph(buildGraph(EXAMPLES['order-processing']));
    const y = (name) => layout.nodes.find((p) => p.node.name === name).y;
    assert.ok(y('Start') < y('ValidateOrder'));
    assert.ok(y('ValidateOrder') < y('ReserveAndCharge'));
    assert.ok(y('ReserveAndCharge') < y('ShipOrder'));
    assert.ok(y('ShipOrder') < y('OrderCompleted'));
    const end = y('End');
    for (const p of layout.nodes) if (p.node.name !== 'End') assert.ok(p.y < end);
  });

  it('draws a state that transitions to itself as a small loop', () => {
    const layout = layoutGraph(buildGraph({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, Next: 'W' } } }));
    const self = layout.edges.filter((e) => e.self);
    assert.equal(self.length, 1);
    assert.ok(layout.width > self[0].points[1].x);
  });

  it('lays out a large machine of 150 states without overlaps', () => {
    const states = {};
    for (let i = 0; i < 150; i++) {
      const next = `S${i + 1}`;
      states[`S${i}`] =
        i === 149
          ? { Type: 'Succeed' }
          : i % 10 === 5
            ? { Type: 'Choice', Choices: [{ Variable: '$.x', NumericEquals: i, Next: next }], Default: `S${Math.min(149, i + 3)}` }
            : { Type: 'Pass', Next: next };
    }
    const layout = layoutGraph(buildGraph({ StartAt: 'S0', States: states }));
    const nodes = layout.nodes;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) assert.ok(!overlaps(nodes[i], nodes[j]));
    }
  });

  it('lays out an empty or broken definition without failing', () => {
    for (const bad of [{}, null, { StartAt: 'X', States: { X: { Type: 'Parallel', Branches: [], End: true } } }]) {
      const layout = layoutGraph(buildGraph(bad));
      assert.ok(layout.width > 0 && layout.height > 0);
    }
  });

  it('sizes boxes to their text, within bounds, and cuts long names with an ellipsis', () => {
    const long = 'AVeryLongStateNameThatWouldNotFitInAnyReasonableBoxAtAll';
    const layout = layoutGraph(buildGraph({ StartAt: long, States: { [long]: { Type: 'Pass', End: true }, B: { Type: 'Pass', End: true } } }));
    const placed = layout.nodes.find((p) => p.node.name === long);
    assert.ok(placed.w <= SIZES.nodeMaxWidth && placed.w > SIZES.nodeMaxWidth - 20, `width ${placed.w}`);
    assert.ok(placed.name.endsWith('…'));
    assert.ok(estimateTextWidth(placed.name, SIZES.nameFont, true) <= SIZES.nodeMaxWidth - SIZES.iconSpace - SIZES.padRight);
    const short = layout.nodes.find((p) => p.node.name === 'B');
    assert.equal(short.w, SIZES.nodeMinWidth);
  });

  it('uses the text measure it is given', () => {
    const graph = buildGraph({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });
    // The subtitle "Pass" is the wider text: 4 characters at 30 px.
    const wide = layoutGraph(graph, { measure: (text) => text.length * 30 });
    assert.equal(wide.nodes.find((p) => p.node.name === 'A').w, 120 + SIZES.iconSpace + SIZES.padRight);
  });
});

describe('isotonic regression', () => {
  it('keeps targets already in order', () => {
    assert.deepEqual(isotonic([1, 2, 5], [1, 1, 1]), [1, 2, 5]);
  });
  it('pools violators to their weighted mean', () => {
    assert.deepEqual(isotonic([3, 1, 2], [1, 1, 1]), [2, 2, 2]);
    assert.deepEqual(isotonic([4, 0], [3, 1]), [3, 3]);
    assert.deepEqual(isotonic([0, 10, 4, 20], [1, 1, 1, 1]), [0, 7, 7, 20]);
  });
});

describe('text', () => {
  it('estimates wider text for more and wider characters', () => {
    assert.ok(estimateTextWidth('MMMM') > estimateTextWidth('iiii'));
    assert.ok(estimateTextWidth('abc', 13, true) > estimateTextWidth('abc', 13, false));
    assert.equal(estimateTextWidth(''), 0);
  });
  it('fits text with an ellipsis only when it must', () => {
    assert.equal(fit('short', 100, estimateTextWidth, 13, false), 'short');
    const cut = fit('a rather long piece of text', 60, estimateTextWidth, 13, false);
    assert.ok(cut.endsWith('…'));
    assert.ok(estimateTextWidth(cut) <= 60);
  });
});
