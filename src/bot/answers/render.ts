/**
 * A tiny template language for reply texts, so the texts stay data a trainer can edit:
 * {{name}} inserts a value; {{#name}}…{{/name}} keeps the block when the value is truthy
 * (non-empty string, non-zero number, true); {{^name}}…{{/name}} keeps it when falsy. Sections nest.
 *
 * A template is parsed once into a small tree and kept (the answer book's few hundred texts are rendered
 * thousands of times a minute on a busy day); one the parser does not accept (a section left open, a close
 * without an open, a section nested in one of the same name) is rendered by the plain regex rules instead.
 */

/** Values a template can use. Nested names use dots: {{store.name}}. */
export type Vars = Record<string, string | number | boolean | null | undefined>;
type Value = Vars[string];

type Node = string | { name: string } | { sign: '#' | '^'; name: string; body: Node[] };

const TAG = /\{\{([#^/]?)\s*([\w.]+)\s*\}\}/g;
const SECTION = /\{\{([#^])\s*([\w.]+)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/;
const VALUE = /\{\{\s*([\w.]+)\s*\}\}/g;
/** Parsed templates; trainers' edits add new texts, so the table is emptied if it ever grows this big. */
const MAX_PARSED = 2000;
const parsed = new Map<string, Node[] | null>();

function truthy(v: Value): boolean {
  return v !== undefined && v !== null && v !== false && v !== '' && v !== 0;
}

const shown = (v: Value): string => (v === undefined || v === null || typeof v === 'boolean' ? '' : String(v));

/** The template's tree, or null when its tags do not pair up cleanly. */
function parse(template: string): Node[] | null {
  const root: Node[] = [];
  const open: { sign: '#' | '^'; name: string; body: Node[] }[] = [];
  let out = root;
  let last = 0;
  for (const m of template.matchAll(TAG)) {
    const [whole, sign, name = ''] = m;
    if (m.index > last) out.push(template.slice(last, m.index));
    last = m.index + whole.length;
    if (sign === '') {
      out.push({ name });
    } else if (sign === '/') {
      if (open.pop()?.name !== name) return null;
      out = open.at(-1)?.body ?? root;
    } else {
      if (open.some((s) => s.name === name)) return null;
      const section = { sign: sign as '#' | '^', name, body: [] };
      out.push(section);
      open.push(section);
      out = section.body;
    }
  }
  if (open.length > 0) return null;
  if (last < template.length) out.push(template.slice(last));
  return root;
}

function parsedOf(template: string): Node[] | null {
  let nodes = parsed.get(template);
  if (nodes === undefined) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    nodes = parse(template);
    parsed.set(template, nodes);
  }
  return nodes;
}

function emit(nodes: Node[], get: (name: string) => Value, out: string[]): void {
  for (const node of nodes) {
    if (typeof node === 'string') out.push(node);
    else if (!('sign' in node)) out.push(shown(get(node.name)));
    else if (truthy(get(node.name)) === (node.sign === '#')) emit(node.body, get, out);
  }
}

/** The regex rules, for templates the parser refuses: pairs each open tag with the first close of its name. */
function renderLoose(template: string, get: (name: string) => Value): string {
  let out = template;
  for (let m = SECTION.exec(out); m; m = SECTION.exec(out)) {
    const [whole, sign, name, body = ''] = m;
    const keep = truthy(get(name!)) === (sign === '#');
    out = out.slice(0, m.index) + (keep ? body : '') + out.slice(m.index + whole.length);
  }
  return out.replace(VALUE, (_, name: string) => shown(get(name)));
}

/**
 * Fills a template; unknown values render as empty so a typo never leaks {{braces}} to a buyer. Values in `over`
 * win over those in `vars` (an intent's own values over the ones every template may use), as one merged object
 * would, without building it.
 */
export function render(template: string, vars: Vars, over?: Vars): string {
  const get = over ? (name: string): Value => (Object.hasOwn(over, name) ? over[name] : vars[name]) : (name: string): Value => vars[name];
  const nodes = parsedOf(template);
  let text: string;
  if (nodes) {
    const out: string[] = [];
    emit(nodes, get, out);
    text = out.join('');
  } else {
    text = renderLoose(template, get);
  }
  return text.replace(/[ \t]{2,}/g, ' ').trim();
}

/** Names a template refers to (values and sections), for checking templates against what handlers give. */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(/\{\{[#^/]?\s*([\w.]+)\s*\}\}/g)) if (m[1]) names.add(m[1]);
  return [...names];
}
