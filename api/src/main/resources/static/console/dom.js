// Element builders. Text always goes in as text nodes and attributes through setAttribute, so data
// from the API can never become markup (the console never assigns innerHTML).

export const SVG_NS = 'http://www.w3.org/2000/svg';

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(parent, child);
    } else if (typeof child === 'string' || typeof child === 'number') {
      parent.appendChild(parent.ownerDocument.createTextNode(String(child)));
    } else {
      parent.appendChild(child);
    }
  }
  return parent;
}

function apply(element, props) {
  if (!props) return element;
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'dataset') {
      for (const [k, v] of Object.entries(value)) {
        if (v !== null && v !== undefined) element.dataset[k] = String(v);
      }
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'value' && 'value' in element) {
      element.value = String(value);
    } else if (key === 'checked' || key === 'disabled' || key === 'selected') {
      element[key] = Boolean(value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  return element;
}

/** An HTML element: h('a', {href: '#/'}, 'text', child, [more]). */
export function h(tag, props, ...children) {
  return append(apply(document.createElement(tag), props), children);
}

/** An SVG element in the given document. */
export function s(doc, tag, attrs, ...children) {
  return append(apply(doc.createElementNS(SVG_NS, tag), attrs), children);
}

export function clear(element) {
  while (element.firstChild) element.removeChild(element.firstChild);
  return element;
}

export function replace(element, ...children) {
  return append(clear(element), children);
}
