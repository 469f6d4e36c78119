// Draws a laid-out graph as SVG. Each state is a <g class="node"> with data-state (its name),
// data-type and data-status; CSS colours it by status. Shapes tell the types apart: Task rounded,
// Pass square, Wait round-cornered, Choice pointed, Succeed a pill, Fail an octagon, Parallel and
// Map frames (Map stacked) around their branches and item processor, Start and End dark pills.

import { s } from './dom.js';
import { transitionKey } from './status.js';
import { SIZES } from './layout.js';

const ICONS = {
  Task: 'M8 2.5v2M8 11.5v2M2.5 8h2M11.5 8h2M4.1 4.1l1.4 1.4M10.5 10.5l1.4 1.4M4.1 11.9l1.4-1.4M10.5 5.5l1.4-1.4',
  Pass: 'M2 8h11M9 4l4 4-4 4',
  Wait: 'M8 4.5V8l2.5 1.5',
  Choice: 'M8 14V9M8 9L3 3.5M8 9l5-5.5M3 3.5h3M3 3.5v3M13 3.5h-3M13 3.5v3',
  Succeed: 'M3 8.5l3.5 3.5L13 4.5',
  Fail: 'M4 4l8 8M12 4l-8 8',
  Parallel: 'M5 2v12M11 2v12',
  Map: 'M2 6h8v8H2zM5 3h9v8',
  Missing: 'M6 6a2 2 0 1 1 2.5 2c-.5.2-.5.6-.5 1.5M8 12v.5',
  Unknown: 'M6 6a2 2 0 1 1 2.5 2c-.5.2-.5.6-.5 1.5M8 12v.5',
};

/**
 * @returns {{svg: SVGSVGElement, setStatuses(result|null), select(name|null), nodeElement(name)}}
 */
export function renderGraph(doc, graph, layout, { onSelect } = {}) {
  const svg = s(doc, 'svg', {
    class: 'graph',
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    role: 'group',
    'aria-label': 'State machine graph',
    'data-width': layout.width,
    'data-height': layout.height,
  });
  svg.appendChild(defs(doc));
  const frames = s(doc, 'g', { class: 'frames' });
  const edges = s(doc, 'g', { class: 'edges' });
  const labels = s(doc, 'g', { class: 'edge-labels' });
  const nodes = s(doc, 'g', { class: 'nodes' });
  svg.append(frames, edges, labels, nodes);

  const byName = new Map();
  const edgeElements = [];
  const select = (name) => {
    for (const [n, el] of byName) el.classList.toggle('selected', n === name);
  };

  for (const placed of layout.nodes) {
    const el = placed.compound ? compound(doc, placed, layout) : simple(doc, placed);
    (placed.compound ? frames : nodes).appendChild(el);
    if (placed.node.kind === 'state') {
      byName.set(placed.node.name, el);
      const activate = () => onSelect?.(placed.node.name);
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'button');
      el.addEventListener('click', (event) => {
        event.stopPropagation();
        activate();
      });
      el.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          activate();
        }
      });
    } else if (placed.node.kind === 'start' || placed.node.kind === 'end') {
      byName.set(`\u0000${placed.node.kind}`, el);
    }
  }

  for (const route of layout.edges) {
    const path = s(doc, 'path', {
      class: `edge edge-${route.kind}${route.back ? ' edge-back' : ''}`,
      d: route.path,
      'marker-end': `url(#arrow-${route.kind === 'catch' ? 'catch' : 'plain'})`,
      'data-from': route.edge.from.name,
      'data-to': route.edge.to.name,
      'data-kind': route.kind,
    });
    if (route.edge.title) path.appendChild(s(doc, 'title', null, route.edge.title));
    edges.appendChild(path);
    edgeElements.push({ route, el: path });
    if (route.label) {
      const g = s(doc, 'g', { class: `edge-label edge-label-${route.kind}` });
      g.appendChild(s(doc, 'title', null, route.edge.title));
      g.appendChild(
        s(doc, 'rect', { x: route.label.x - 3, y: route.label.y, width: route.label.w + 2, height: route.label.h, rx: 3 }),
      );
      g.appendChild(s(doc, 'text', { x: route.label.x, y: route.label.y + route.label.h - 4 }, route.label.text));
      labels.appendChild(g);
    }
  }

  const setStatuses = (result) => {
    for (const [name, el] of byName) {
      if (name === '\u0000start') {
        el.setAttribute('data-status', result ? result.start : 'none');
        continue;
      }
      if (name === '\u0000end') {
        el.setAttribute('data-status', result ? result.end : 'none');
        continue;
      }
      const state = result?.states.get(name);
      el.setAttribute('data-status', result ? state?.status ?? 'not-started' : 'none');
      setBadge(doc, el, result ? badgeFor(state) : null);
    }
    for (const { route, el } of edgeElements) {
      if (result && result.transitions.has(transitionKey(route.edge))) el.setAttribute('data-taken', 'true');
      else el.removeAttribute('data-taken');
    }
  };
  setStatuses(null);
  return { svg, setStatuses, select, nodeElement: (name) => byName.get(name) ?? null };
}

/** The badge of a state in an execution: attempts, visits, iterations. */
export function badgeFor(state) {
  if (!state || state.visits.length === 0) return null;
  const items = state.visits.reduce((sum, v) => sum + v.iterations.length, 0);
  if (items > 0) return { text: `${items} item${items === 1 ? '' : 's'}`, title: `${items} iterations started` };
  if (state.iterations > 0) {
    const done = state.counts.succeeded + state.counts.retried + state.counts.caught;
    return { text: `${done}/${state.visits.length}`, title: `${state.visits.length} iterations` };
  }
  if (state.visits.length > 1) return { text: `×${state.visits.length}`, title: `${state.visits.length} visits` };
  if (state.attempts > 1) return { text: `${state.attempts} tries`, title: `${state.attempts} attempts` };
  return null;
}

function setBadge(doc, el, badge) {
  el.querySelector(':scope > .badge')?.remove();
  if (!badge) return;
  const x = Number(el.getAttribute('data-x')) + Number(el.getAttribute('data-w'));
  const y = Number(el.getAttribute('data-y'));
  const w = Math.max(22, badge.text.length * 6.5 + 10);
  const g = s(doc, 'g', { class: 'badge' });
  g.appendChild(s(doc, 'title', null, badge.title));
  g.appendChild(s(doc, 'rect', { x: x - w + 6, y: y - 8, width: w, height: 16, rx: 8 }));
  g.appendChild(s(doc, 'text', { x: x - w / 2 + 6, y: y + 4, 'text-anchor': 'middle' }, badge.text));
  el.appendChild(g);
}

function defs(doc) {
  const d = s(doc, 'defs');
  for (const kind of ['plain', 'catch']) {
    const marker = s(doc, 'marker', {
      id: `arrow-${kind}`,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      // In user units, so that arrows keep their size on thicker (taken) edges.
      markerUnits: 'userSpaceOnUse',
      markerWidth: 9,
      markerHeight: 9,
      orient: 'auto-start-reverse',
      class: `arrow arrow-${kind}`,
    });
    marker.appendChild(s(doc, 'path', { d: 'M0,0 L10,5 L0,10 z' }));
    d.appendChild(marker);
  }
  return d;
}

function base(doc, placed) {
  const node = placed.node;
  const g = s(doc, 'g', {
    class: `node node-${node.kind}${placed.compound ? ' compound' : ''}`,
    'data-type': node.type,
    'data-x': placed.x,
    'data-y': placed.y,
    'data-w': placed.w,
    'data-h': placed.h,
  });
  if (node.kind === 'state' || node.kind === 'missing') {
    g.setAttribute('data-state', node.name);
    g.setAttribute('aria-label', `${node.name}, ${node.type} state`);
  } else {
    g.setAttribute('data-marker', node.kind);
  }
  const tip = [node.name, node.subtitle, node.comment].filter(Boolean);
  if (node.retries) tip.push(`${node.retries} retrier${node.retries === 1 ? '' : 's'}`);
  if (node.catches) tip.push(`${node.catches} catcher${node.catches === 1 ? '' : 's'}`);
  g.appendChild(s(doc, 'title', null, tip.join('\n')));
  return g;
}

function simple(doc, placed) {
  const { x, y, w, h, node } = placed;
  const g = base(doc, placed);
  if (node.kind === 'start' || node.kind === 'end') {
    g.appendChild(s(doc, 'rect', { class: 'shape', x, y, width: w, height: h, rx: h / 2 }));
    if (node.kind === 'end') {
      g.appendChild(s(doc, 'rect', { class: 'shape-inner', x: x + 3, y: y + 3, width: w - 6, height: h - 6, rx: (h - 6) / 2 }));
    }
    g.appendChild(s(doc, 'text', { class: 'marker-text', x: x + w / 2, y: y + h / 2 + 4, 'text-anchor': 'middle' }, node.name));
    return g;
  }
  g.appendChild(shape(doc, node.type, x, y, w, h));
  const inset = node.type === 'Choice' ? SIZES.choiceTips / 2 : 0;
  g.appendChild(icon(doc, node.type, x + inset + 10, y + h / 2 - 8));
  g.appendChild(s(doc, 'text', { class: 'name', x: x + inset + SIZES.iconSpace - 4, y: y + 21 }, placed.name));
  g.appendChild(s(doc, 'text', { class: 'subtitle', x: x + inset + SIZES.iconSpace - 4, y: y + 37 }, placed.subtitle));
  return g;
}

function shape(doc, type, x, y, w, h) {
  const attrs = { class: 'shape' };
  switch (type) {
    case 'Choice': {
      const t = SIZES.choiceTips / 2;
      const points = [
        [x + t, y],
        [x + w - t, y],
        [x + w, y + h / 2],
        [x + w - t, y + h],
        [x + t, y + h],
        [x, y + h / 2],
      ];
      return s(doc, 'polygon', { ...attrs, points: points.map((p) => p.join(',')).join(' ') });
    }
    case 'Fail': {
      const c = 10;
      const points = [
        [x + c, y],
        [x + w - c, y],
        [x + w, y + c],
        [x + w, y + h - c],
        [x + w - c, y + h],
        [x + c, y + h],
        [x, y + h - c],
        [x, y + c],
      ];
      return s(doc, 'polygon', { ...attrs, points: points.map((p) => p.join(',')).join(' ') });
    }
    case 'Succeed':
      return s(doc, 'rect', { ...attrs, x, y, width: w, height: h, rx: h / 2 });
    case 'Pass':
      return s(doc, 'rect', { ...attrs, x, y, width: w, height: h, rx: 1 });
    case 'Wait':
      return s(doc, 'rect', { ...attrs, x, y, width: w, height: h, rx: 16 });
    default:
      return s(doc, 'rect', { ...attrs, x, y, width: w, height: h, rx: 7 });
  }
}

function icon(doc, type, x, y) {
  const g = s(doc, 'g', { class: `icon icon-${type}`, transform: `translate(${x},${y})` });
  if (type === 'Task') g.appendChild(s(doc, 'circle', { cx: 8, cy: 8, r: 3.2 }));
  if (type === 'Wait') g.appendChild(s(doc, 'circle', { cx: 8, cy: 8, r: 6.2 }));
  g.appendChild(s(doc, 'path', { d: ICONS[type] ?? ICONS.Unknown }));
  return g;
}

function compound(doc, placed, layout) {
  const { x, y, w, h, node, stack } = placed;
  const g = base(doc, placed);
  if (node.type === 'Map') {
    g.appendChild(s(doc, 'rect', { class: 'stack', x: x + stack, y: y + stack, width: w - stack, height: h - stack, rx: 10 }));
  }
  g.appendChild(s(doc, 'rect', { class: 'shape frame', x, y, width: w - stack, height: h - stack, rx: 10 }));
  g.appendChild(icon(doc, node.type, x + 10, y + 13));
  g.appendChild(s(doc, 'text', { class: 'name', x: x + SIZES.iconSpace - 4, y: y + 19 }, placed.name));
  g.appendChild(s(doc, 'text', { class: 'subtitle', x: x + SIZES.iconSpace - 4, y: y + 34 }, placed.subtitle));
  for (const box of layout.boxes) {
    if (box.owner !== node.id) continue;
    const b = s(doc, 'rect', {
      class: `inner-box inner-${box.kind}`,
      x: box.x,
      y: box.y,
      width: box.w,
      height: box.h,
      rx: 6,
      'data-index': box.index,
    });
    b.appendChild(
      s(doc, 'title', null, box.kind === 'processor' ? 'Item processor (runs once per item)' : `Branch ${box.index + 1}`),
    );
    g.appendChild(b);
  }
  return g;
}
