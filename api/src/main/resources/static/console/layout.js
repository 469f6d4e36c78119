// A deterministic layered layout of a graph from graph.js, scope by scope (a Parallel or Map node
// is laid out around its inner scopes first, then placed like any other node):
//   1. back edges: a depth-first search from the start, taking edges in definition order; an edge
//      to a state on the search stack closes a loop and is drawn apart, on the right-hand side;
//   2. layers: longest path from the sources over the remaining (acyclic) edges; ranks are twice
//      the layer, so every edge crosses an odd rank where its label gets a slot of its own;
//   3. order within ranks: from several starting orders, barycentre sweeps down and up plus
//      adjacent swaps, keeping the order with the fewest crossings (out.crossings counts them);
//   4. x: each rank is placed as close as possible to its neighbours' mean position, subject to
//      the nodes' widths and gaps (an exact isotonic regression, pool-adjacent-violators).
// Text is measured through an injected function so that a browser can use its real fonts while
// tests use the built-in estimate.

export const SIZES = Object.freeze({
  nodeHeight: 50,
  nodeMinWidth: 150,
  nodeMaxWidth: 250,
  headerMaxWidth: 420,
  iconSpace: 36,
  padRight: 14,
  choiceTips: 22,
  markerWidth: 64,
  markerHeight: 28,
  labelHeight: 16,
  rankGap: 14,
  oddRankMin: 8,
  nodeGap: 28,
  dummyGap: 10,
  dummyWidth: 8,
  headerHeight: 46,
  groupPad: 12,
  branchGap: 14,
  branchPad: 12,
  stack: 6,
  laneGap: 18,
  margin: 16,
  nameFont: 13,
  subtitleFont: 11,
  labelFont: 11,
});

const S = SIZES;

// Relative advance widths (em) of a typical sans-serif face; close enough to keep boxes snug.
const NARROW = new Set([...`iljtfr.,:;'|!()[] `]);
const WIDE = new Set([...'mwMW@%']);

/** A deterministic estimate of a text's width in pixels. */
export function estimateTextWidth(text, size = 13, bold = false) {
  let em = 0;
  for (const ch of String(text)) {
    if (NARROW.has(ch)) em += 0.34;
    else if (WIDE.has(ch)) em += 0.92;
    else if (ch >= 'A' && ch <= 'Z') em += 0.7;
    else if (ch >= '0' && ch <= '9') em += 0.64;
    else if (ch.charCodeAt(0) > 0x2e7f) em += 1.0;
    else em += 0.6;
  }
  return Math.ceil(em * size * (bold ? 1.08 : 1));
}

/** Cuts text with an ellipsis so that it fits in width. */
export function fit(text, width, measure, size, bold) {
  const t = String(text);
  if (measure(t, size, bold) <= width) return t;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${t.slice(0, mid)}…`, size, bold) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${t.slice(0, lo)}…`;
}

/**
 * @param graph the result of buildGraph
 * @param options {measure(text, px, bold): number}
 * @returns {{width, height, nodes: Placed[], boxes: Box[], edges: Route[]}} absolute coordinates
 */
export function layoutGraph(graph, options = {}) {
  const measure = options.measure ?? estimateTextWidth;
  const local = layoutScope(graph.root, { measure });
  const out = { nodes: [], boxes: [], edges: [], width: 0, height: 0, crossings: 0 };
  place(local, S.margin, S.margin, out);
  out.width = Math.ceil(local.width + 2 * S.margin);
  out.height = Math.ceil(local.height + 2 * S.margin);
  return out;
}

// --- sizes --------------------------------------------------------------------------------------

function sizeOf(node, m) {
  if (node.kind === 'start' || node.kind === 'end') {
    return { node, w: S.markerWidth, h: S.markerHeight, name: node.name, subtitle: '' };
  }
  // A Parallel or Map frame is as wide as its branches anyway: its header may use more room.
  const compound = node.type === 'Parallel' || node.type === 'Map';
  const textMax = (compound ? S.headerMaxWidth : S.nodeMaxWidth) - S.iconSpace - S.padRight;
  const name = fit(node.name, textMax, m.measure, S.nameFont, true);
  const subtitleText = node.kind === 'missing' ? 'no such state' : node.subtitle;
  const subtitle = fit(subtitleText, textMax, m.measure, S.subtitleFont, false);
  const textW = Math.max(
    m.measure(name, S.nameFont, true),
    m.measure(subtitle, S.subtitleFont, false),
  );
  let w = Math.min(compound ? S.headerMaxWidth : S.nodeMaxWidth, Math.max(S.nodeMinWidth, textW + S.iconSpace + S.padRight));
  if (node.type === 'Choice') w += S.choiceTips;
  const item = { node, w, h: S.nodeHeight, name, subtitle };
  if (node.type === 'Parallel' || node.type === 'Map') {
    const scopes = node.type === 'Parallel' ? node.branches : node.processor ? [node.processor] : [];
    const inner = scopes.map((scope) => layoutScope(scope, m));
    const boxes = inner.map((l) => ({ w: l.width + 2 * S.branchPad, h: l.height + 2 * S.branchPad }));
    const contentW = boxes.reduce((sum, b) => sum + b.w, 0) + Math.max(0, boxes.length - 1) * S.branchGap;
    const contentH = boxes.reduce((max, b) => Math.max(max, b.h), 0);
    const stack = node.type === 'Map' ? S.stack : 0;
    item.w = Math.max(w, contentW + 2 * S.groupPad) + stack;
    item.h = S.headerHeight + (boxes.length ? contentH : 20) + S.groupPad + stack;
    item.inner = inner;
    item.boxes = boxes;
    item.stack = stack;
  }
  return item;
}

// --- one scope ----------------------------------------------------------------------------------

function layoutScope(scope, m) {
  const items = scope.nodes.map((node) => sizeOf(node, m));
  const n = items.length;
  if (n === 0) {
    return { scope, items, width: 120, height: 30, routes: [], empty: true };
  }
  const index = new Map(scope.nodes.map((node, i) => [node, i]));
  const edges = scope.edges.map((edge, k) => ({
    edge,
    k,
    from: index.get(edge.from),
    to: index.get(edge.to),
    back: false,
    self: edge.from === edge.to,
  }));

  // 1. Back edges.
  const out = items.map(() => []);
  for (const e of edges) out[e.from].push(e);
  const roots = [];
  const first = scope.start ? index.get(scope.start) : scope.nodes.findIndex((x) => x.name === scope.startAt);
  if (first !== undefined && first >= 0) roots.push(first);
  for (let i = 0; i < n; i++) if (i !== first) roots.push(i);
  const mark = new Array(n).fill(0);
  for (const r of roots) {
    if (mark[r] !== 0) continue;
    mark[r] = 1;
    const stack = [[r, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [v, i] = top;
      if (i < out[v].length) {
        top[1]++;
        const e = out[v][i];
        if (e.self) continue;
        if (mark[e.to] === 1) e.back = true;
        else if (mark[e.to] === 0) {
          mark[e.to] = 1;
          stack.push([e.to, 0]);
        }
      } else {
        mark[v] = 2;
        stack.pop();
      }
    }
  }
  const forward = edges.filter((e) => !e.back && !e.self);

  // 2. Layers: longest path from the sources, taking ready nodes in definition order.
  const indegree = new Array(n).fill(0);
  for (const e of forward) indegree[e.to]++;
  const layer = new Array(n).fill(0);
  const done = new Array(n).fill(false);
  for (let step = 0; step < n; step++) {
    let v = -1;
    for (let i = 0; i < n; i++) {
      if (!done[i] && indegree[i] === 0) {
        v = i;
        break;
      }
    }
    if (v < 0) break; // cannot happen: forward edges are acyclic
    done[v] = true;
    for (const e of forward) {
      if (e.from === v) {
        layer[e.to] = Math.max(layer[e.to], layer[v] + 1);
        indegree[e.to]--;
      }
    }
  }
  if (scope.end) {
    const endIndex = index.get(scope.end);
    let deepest = 0;
    for (let i = 0; i < n; i++) if (i !== endIndex) deepest = Math.max(deepest, layer[i]);
    layer[endIndex] = deepest + 1;
  }

  // 3. Vertices: the items at even ranks, dummies (one per odd rank an edge crosses) in between.
  const vertices = items.map((item, i) => ({
    item,
    rank: 2 * layer[i],
    w: item.w,
    h: item.h,
    anchor: item.w / 2,
    dummy: false,
    up: [],
    down: [],
  }));
  const chains = [];
  for (const e of forward) {
    const chain = [e.from];
    const r1 = vertices[e.from].rank;
    const r2 = vertices[e.to].rank;
    for (let r = r1 + 1; r < r2; r++) {
      const labelled = r === r1 + 1 && e.edge.label;
      const labelW = labelled ? m.measure(e.edge.label, S.labelFont, false) + 8 : 0;
      vertices.push({
        rank: r,
        w: labelled ? labelW + 10 : S.dummyWidth,
        h: labelled ? S.labelHeight : 0,
        anchor: labelled ? 4 : S.dummyWidth / 2,
        dummy: true,
        label: labelled ? { text: e.edge.label, w: labelW } : null,
        up: [],
        down: [],
      });
      chain.push(vertices.length - 1);
    }
    chain.push(e.to);
    for (let i = 0; i + 1 < chain.length; i++) {
      vertices[chain[i]].down.push(chain[i + 1]);
      vertices[chain[i + 1]].up.push(chain[i]);
    }
    chains.push({ e, chain });
  }
  const maxRank = vertices.reduce((max, v) => Math.max(max, v.rank), 0);
  const { ranks, crossings } = orderRanks(vertices, roots, maxRank);
  const pos = new Array(vertices.length).fill(0);
  ranks.forEach((rank) => rank.forEach((v, i) => (pos[v] = i)));

  // 4. x: start packed, then pull each rank towards its neighbours.
  const gap = (a, b) => {
    const da = vertices[a].dummy;
    const db = vertices[b].dummy;
    if (da && db) return S.dummyGap;
    if (da || db) return S.dummyGap + 4;
    return S.nodeGap;
  };
  const left = new Array(vertices.length).fill(0);
  for (const rank of ranks) {
    let x = 0;
    rank.forEach((v, i) => {
      if (i > 0) x += gap(rank[i - 1], v);
      left[v] = x;
      x += vertices[v].w;
    });
  }
  const anchorX = (v) => left[v] + vertices[v].anchor;
  const solve = (r, neighbours) => {
    const rank = ranks[r];
    if (!rank.length) return;
    const targets = [];
    const weights = [];
    const offsets = [];
    let offset = 0;
    rank.forEach((v, i) => {
      if (i > 0) offset += vertices[rank[i - 1]].w + gap(rank[i - 1], v);
      offsets.push(offset);
      const ns = neighbours(v);
      const desired = ns.length ? ns.reduce((sum, u) => sum + anchorX(u), 0) / ns.length : anchorX(v);
      targets.push(desired - vertices[v].anchor - offset);
      weights.push(vertices[v].dummy ? 2 : 1);
    });
    const y = isotonic(targets, weights);
    rank.forEach((v, i) => (left[v] = y[i] + offsets[i]));
  };
  for (let iter = 0; iter < 8; iter++) {
    for (let r = 1; r <= maxRank; r++) solve(r, (v) => vertices[v].up);
    for (let r = maxRank - 1; r >= 0; r--) solve(r, (v) => vertices[v].down);
  }
  for (let r = 0; r <= maxRank; r++) solve(r, (v) => [...vertices[v].up, ...vertices[v].down]);
  const minLeft = Math.min(...left);
  for (let v = 0; v < vertices.length; v++) left[v] -= minLeft;

  // y: ranks stacked; nodes centred in their rank.
  const rankTop = [];
  const rankHeight = [];
  let y = 0;
  for (let r = 0; r <= maxRank; r++) {
    const hs = ranks[r].map((v) => vertices[v].h);
    const h = Math.max(r % 2 === 1 ? S.oddRankMin : 0, ...hs, 0);
    if (r > 0) y += S.rankGap;
    rankTop.push(y);
    rankHeight.push(h);
    y += h;
  }
  const top = (v) => rankTop[vertices[v].rank] + (rankHeight[vertices[v].rank] - vertices[v].h) / 2;
  let width = 0;
  for (let v = 0; v < vertices.length; v++) width = Math.max(width, left[v] + vertices[v].w);
  const height = y;

  // Item boxes (local).
  items.forEach((item, i) => {
    item.x = left[i];
    item.y = top(i);
  });

  // Routes of forward edges, with ports spread along the sides they leave and enter by.
  const outPorts = portsFor(items, chains, 'out', (c) => anchorX(c.chain[1]));
  const inPorts = portsFor(items, chains, 'in', (c) => anchorX(c.chain[c.chain.length - 2]));
  const routes = [];
  for (const c of chains) {
    const { e, chain } = c;
    const from = items[e.from];
    const to = items[e.to];
    // A node shorter than its rank leaves and enters it straight, so that curves never cut
    // through a taller neighbour (a Parallel or Map beside it).
    const fromRank = vertices[e.from].rank;
    const toRank = vertices[e.to].rank;
    const outX = outPorts.get(c);
    const inX = inPorts.get(c);
    const points = [{ x: outX, y: from.y + from.h }];
    const rankBottom = rankTop[fromRank] + rankHeight[fromRank];
    if (rankBottom - (from.y + from.h) > 1) points.push({ x: outX, y: rankBottom });
    let label = null;
    for (let i = 1; i + 1 < chain.length; i++) {
      const v = vertices[chain[i]];
      const cy = rankTop[v.rank] + rankHeight[v.rank] / 2;
      points.push({ x: anchorX(chain[i]), y: cy });
      if (v.label) {
        label = {
          x: left[chain[i]] + 8,
          y: cy - S.labelHeight / 2,
          w: v.label.w,
          h: S.labelHeight,
          text: v.label.text,
        };
      }
    }
    if (to.y - rankTop[toRank] > 1) points.push({ x: inX, y: rankTop[toRank] });
    points.push({ x: inX, y: to.y });
    routes.push({ edge: e.edge, points, path: curve(points), label, back: false, self: false });
  }

  // Loops: back edges leave the source's right side, climb a lane right of everything they pass,
  // and enter the target's right side; shorter loops take the inner lanes.
  const lanes = [];
  const loops = edges
    .filter((e) => e.back || e.self)
    .sort((a, b) => loopSpan(a, vertices) - loopSpan(b, vertices) || a.k - b.k);
  const loopCount = new Map();
  for (const e of loops) {
    const from = items[e.from];
    const to = items[e.to];
    const nthOut = loopCount.get(`o${e.from}`) ?? 0;
    const nthIn = loopCount.get(`i${e.to}`) ?? 0;
    loopCount.set(`o${e.from}`, nthOut + 1);
    loopCount.set(`i${e.to}`, nthIn + 1);
    const yFrom = from.y + from.h / 2 + 6 + nthOut * 6;
    const yTo = e.self ? yFrom - 12 - nthOut * 6 : to.y + to.h / 2 - 6 - nthIn * 6;
    const yTop = Math.min(yFrom, yTo);
    const yBottom = Math.max(yFrom, yTo);
    let extent = Math.max(from.x + from.w, to.x + to.w);
    if (!e.self) {
      const r1 = Math.min(vertices[e.from].rank, vertices[e.to].rank);
      const r2 = Math.max(vertices[e.from].rank, vertices[e.to].rank);
      for (let v = 0; v < vertices.length; v++) {
        if (vertices[v].rank >= r1 && vertices[v].rank <= r2) extent = Math.max(extent, left[v] + vertices[v].w);
      }
    }
    for (const lane of lanes) {
      if (lane.top <= yBottom + 4 && lane.bottom >= yTop - 4) extent = Math.max(extent, lane.right);
    }
    const x = extent + S.laneGap;
    const labelW = e.edge.label ? m.measure(e.edge.label, S.labelFont, false) + 8 : 0;
    const points = [
      { x: from.x + from.w, y: yFrom },
      { x, y: yFrom },
      { x, y: yTo },
      { x: to.x + to.w, y: yTo },
    ];
    const label = e.edge.label
      ? { x: x + 6, y: (yFrom + yTo) / 2 - S.labelHeight / 2, w: labelW, h: S.labelHeight, text: e.edge.label }
      : null;
    lanes.push({ top: yTop, bottom: yBottom, right: x + (label ? labelW + 8 : 0) });
    width = Math.max(width, x + 4 + (label ? labelW + 8 : 0));
    routes.push({ edge: e.edge, points, path: orthogonal(points), label, back: !e.self, self: e.self });
  }

  return { scope, items, width, height, routes, crossings };
}

// Crossing reduction. Several deterministic starting orders (depth-first with edges in definition
// order, reversed, breadth-first, shortest edges first, seeded shuffles), each improved by barycentre sweeps and
// adjacent swaps; the order with the fewest crossings wins, the earlier start on a tie.
function orderRanks(vertices, roots, maxRank) {
  const starts = [
    () => initialOrder(vertices, roots, maxRank, 'dfs'),
    () => initialOrder(vertices, roots, maxRank, 'dfs-reversed'),
    () => initialOrder(vertices, roots, maxRank, 'bfs'),
    () => initialOrder(vertices, roots, maxRank, 'dfs-short-first'),
  ];
  // Small graphs also try depth-first walks with shuffled edge orders; the generator is seeded,
  // so the same definition always gets the same drawing.
  const restarts = vertices.length <= 150 ? 16 : vertices.length <= 400 ? 4 : 0;
  const random = seeded(0x5eed + vertices.length);
  for (let i = 0; i < restarts; i++) starts.push(() => initialOrder(vertices, roots, maxRank, 'dfs', random));
  let best = null;
  let bestCrossings = Infinity;
  for (const make of starts) {
    const result = improve(vertices, make(), maxRank);

    if (result.crossings < bestCrossings) {
      best = result.ranks;
      bestCrossings = result.crossings;
    }
    if (bestCrossings === 0) break;
  }
  return { ranks: best, crossings: bestCrossings };
}

/** A deterministic pseudo-random generator (mulberry32). */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function initialOrder(vertices, roots, maxRank, how, random = null) {
  const ranks = Array.from({ length: maxRank + 1 }, () => []);
  const seen = new Array(vertices.length).fill(false);
  const walk = (start) => {
    const pending = [start];
    while (pending.length) {
      const v = how === 'bfs' ? pending.shift() : pending.pop();
      if (seen[v]) continue;
      seen[v] = true;
      ranks[vertices[v].rank].push(v);
      let next = vertices[v].down;
      if (how === 'dfs-short-first') {
        // Edges to nearer ranks first, so that long edges start on the outside.
        next = next
          .map((w, i) => ({ w, i, reach: reach(vertices, w) }))
          .sort((a, b) => a.reach - b.reach || a.i - b.i)
          .map((x) => x.w)
          .reverse();
      } else if (how === 'dfs' && random) {
        next = [...next];
        for (let i = next.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [next[i], next[j]] = [next[j], next[i]];
        }
      } else if (how === 'dfs') {
        next = [...next].reverse();
      }
      for (const w of next) if (!seen[w]) pending.push(w);
    }
  };
  for (const r of roots) walk(r);
  for (let v = 0; v < vertices.length; v++) if (!seen[v]) walk(v);
  return ranks;
}

// The rank a chain of dummies finally reaches.
function reach(vertices, v) {
  let w = v;
  while (vertices[w].dummy && vertices[w].down.length) w = vertices[w].down[0];
  return vertices[w].rank;
}

function improve(vertices, initial, maxRank) {
  const ranks = initial.map((r) => [...r]);
  const pos = new Array(vertices.length).fill(0);
  const renumber = () => ranks.forEach((rank) => rank.forEach((v, i) => (pos[v] = i)));
  renumber();
  const crossingsBetween = (r) => {
    const segs = [];
    for (const u of ranks[r]) for (const v of vertices[u].down) segs.push([pos[u], pos[v]]);
    let c = 0;
    for (let i = 0; i < segs.length; i++) {
      for (let j = i + 1; j < segs.length; j++) {
        if ((segs[i][0] - segs[j][0]) * (segs[i][1] - segs[j][1]) < 0) c++;
      }
    }
    return c;
  };
  const crossings = () => {
    let c = 0;
    for (let r = 0; r < maxRank; r++) c += crossingsBetween(r);
    return c;
  };
  const sortBy = (r, neighbours) => {
    const keyed = ranks[r].map((v) => {
      const ns = neighbours(v);
      const bary = ns.length ? ns.reduce((sum, u) => sum + pos[u], 0) / ns.length : pos[v];
      return { v, bary, was: pos[v] };
    });
    keyed.sort((a, b) => a.bary - b.bary || a.was - b.was);
    ranks[r] = keyed.map((k) => k.v);
    ranks[r].forEach((v, i) => (pos[v] = i));
  };
  const around = (r) => (r > 0 ? crossingsBetween(r - 1) : 0) + (r < maxRank ? crossingsBetween(r) : 0);
  // Adjacent swaps that remove crossings; with sideways, also swaps that keep their number, which
  // lets a chain slide past a node it ties with (the counted improvement still decides the end).
  const transpose = (sideways) => {
    let improved = true;
    for (let round = 0; improved && round < 8; round++) {
      improved = false;
      for (let r = 0; r <= maxRank; r++) {
        for (let i = 0; i + 1 < ranks[r].length; i++) {
          const before = around(r);
          const a = ranks[r][i];
          const b = ranks[r][i + 1];
          ranks[r][i] = b;
          ranks[r][i + 1] = a;
          pos[a] = i + 1;
          pos[b] = i;
          const after = around(r);
          if (after < before) {
            improved = true;
          } else if (sideways && round === 0 && after === before) {
            // keep the swap
          } else {
            ranks[r][i] = a;
            ranks[r][i + 1] = b;
            pos[a] = i;
            pos[b] = i + 1;
          }
        }
      }
    }
  };
  transpose(false);
  let best = ranks.map((r) => [...r]);
  let bestCrossings = crossings();
  for (let iter = 0; iter < 24 && bestCrossings > 0; iter++) {
    if (iter % 2 === 0) for (let r = 1; r <= maxRank; r++) sortBy(r, (v) => vertices[v].up);
    else for (let r = maxRank - 1; r >= 0; r--) sortBy(r, (v) => vertices[v].down);
    transpose(iter % 4 >= 2);
    const c = crossings();
    if (c < bestCrossings) {
      bestCrossings = c;
      best = ranks.map((r) => [...r]);
    }
  }
  return { ranks: best, crossings: bestCrossings };
}

function loopSpan(e, vertices) {
  return Math.abs(vertices[e.from].rank - vertices[e.to].rank);
}

function portsFor(items, chains, side, keyOf) {
  const groups = new Map();
  for (const c of chains) {
    const at = side === 'out' ? c.e.from : c.e.to;
    if (!groups.has(at)) groups.set(at, []);
    groups.get(at).push(c);
  }
  const ports = new Map();
  for (const [at, list] of groups) {
    const item = items[at];
    const sorted = [...list].sort((a, b) => keyOf(a) - keyOf(b) || a.e.k - b.e.k);
    const k = sorted.length;
    const room = Math.max(0, item.w - 28);
    const spacing = k > 1 ? Math.min(16, room / (k - 1)) : 0;
    sorted.forEach((c, i) => ports.set(c, item.x + item.w / 2 + (i - (k - 1) / 2) * spacing));
  }
  return ports;
}

/**
 * Minimises sum w_i (y_i - t_i)^2 subject to y non-decreasing (pool adjacent violators).
 * Exported for tests.
 */
export function isotonic(targets, weights) {
  const blocks = [];
  targets.forEach((t, i) => {
    blocks.push({ sum: t * weights[i], weight: weights[i], count: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1];
      const a = blocks[blocks.length - 2];
      if (a.sum / a.weight <= b.sum / b.weight) break;
      blocks.splice(blocks.length - 2, 2, {
        sum: a.sum + b.sum,
        weight: a.weight + b.weight,
        count: a.count + b.count,
      });
    }
  });
  const result = [];
  for (const b of blocks) for (let i = 0; i < b.count; i++) result.push(b.sum / b.weight);
  return result;
}

/** A smooth path through points, leaving and entering each vertically. */
export function curve(points) {
  let d = `M${r(points[0].x)},${r(points[0].y)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const dy = (b.y - a.y) / 2;
    d += ` C${r(a.x)},${r(a.y + dy)} ${r(b.x)},${r(b.y - dy)} ${r(b.x)},${r(b.y)}`;
  }
  return d;
}

/** Straight segments with rounded corners. */
export function orthogonal(points, radius = 8) {
  let d = `M${r(points[0].x)},${r(points[0].y)}`;
  for (let i = 1; i < points.length; i++) {
    const b = points[i];
    if (i + 1 < points.length) {
      const a = points[i - 1];
      const c = points[i + 1];
      const inLen = Math.hypot(b.x - a.x, b.y - a.y);
      const outLen = Math.hypot(c.x - b.x, c.y - b.y);
      const k = Math.min(radius, inLen / 2, outLen / 2);
      const p = { x: b.x - ((b.x - a.x) / (inLen || 1)) * k, y: b.y - ((b.y - a.y) / (inLen || 1)) * k };
      const q = { x: b.x + ((c.x - b.x) / (outLen || 1)) * k, y: b.y + ((c.y - b.y) / (outLen || 1)) * k };
      d += ` L${r(p.x)},${r(p.y)} Q${r(b.x)},${r(b.y)} ${r(q.x)},${r(q.y)}`;
    } else {
      d += ` L${r(b.x)},${r(b.y)}`;
    }
  }
  return d;
}

function r(v) {
  return Math.round(v * 10) / 10;
}

// --- absolute coordinates -----------------------------------------------------------------------

function place(local, dx, dy, out) {
  out.crossings += local.crossings ?? 0;
  for (const item of local.items) {
    const placed = {
      id: item.node.id,
      node: item.node,
      x: item.x + dx,
      y: item.y + dy,
      w: item.w,
      h: item.h,
      name: item.name,
      subtitle: item.subtitle,
      compound: Boolean(item.inner),
      stack: item.stack ?? 0,
    };
    out.nodes.push(placed);
    if (item.inner) {
      const contentW = item.boxes.reduce((sum, b) => sum + b.w, 0) + Math.max(0, item.boxes.length - 1) * S.branchGap;
      let bx = placed.x + (item.w - item.stack - contentW) / 2;
      const by = placed.y + S.headerHeight;
      item.inner.forEach((inner, i) => {
        const box = item.boxes[i];
        out.boxes.push({
          owner: item.node.id,
          node: item.node,
          index: i,
          kind: item.node.type === 'Map' ? 'processor' : 'branch',
          x: bx,
          y: by,
          w: box.w,
          h: box.h,
        });
        place(inner, bx + S.branchPad, by + S.branchPad, out);
        bx += box.w + S.branchGap;
      });
    }
  }
  for (const route of local.routes ?? []) {
    const points = route.points.map((p) => ({ x: p.x + dx, y: p.y + dy }));
    out.edges.push({
      id: route.edge.id,
      edge: route.edge,
      kind: route.edge.kind,
      points,
      path: route.back || route.self ? orthogonal(points) : curve(points),
      label: route.label ? { ...route.label, x: route.label.x + dx, y: route.label.y + dy } : null,
      back: route.back,
      self: route.self,
    });
  }
}
