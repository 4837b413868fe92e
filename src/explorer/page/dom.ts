/** Small DOM helpers: every control the page makes has a label, so each goes through here. */

let counter = 0;

export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

/** A control with its visible label, tied by for/id. */
export function labelled<T extends HTMLElement>(text: string, control: T, prefix = 'control'): { label: HTMLLabelElement; control: T } {
  if (!control.id) control.id = uniqueId(prefix);
  const label = el('label', { for: control.id, text });
  return { label, control };
}

/** A number as a field shows it: no float noise (0.30000000000000004 → 0.3). */
export function shown(value: number): string {
  return String(Number(value.toPrecision(12)));
}
