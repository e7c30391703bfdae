/**
 * A tiny template language for reply texts, so the texts stay data a trainer can edit:
 * {{name}} inserts a value; {{#name}}…{{/name}} keeps the block when the value is truthy
 * (non-empty string, non-zero number, true); {{^name}}…{{/name}} keeps it when falsy. Sections nest.
 */

/** Values a template can use. Nested names use dots: {{store.name}}. */
export type Vars = Record<string, string | number | boolean | null | undefined>;

const SECTION = /\{\{([#^])\s*([\w.]+)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/;
const VALUE = /\{\{\s*([\w.]+)\s*\}\}/g;

function truthy(v: Vars[string]): boolean {
  return v !== undefined && v !== null && v !== false && v !== '' && v !== 0;
}

/** Fills a template; unknown values render as empty so a typo never leaks {{braces}} to a buyer. */
export function render(template: string, vars: Vars): string {
  let out = template;
  // Innermost-first is not needed: the lazy match plus the back-reference pairs each open tag with its own close.
  for (let m = SECTION.exec(out); m; m = SECTION.exec(out)) {
    const [whole, sign, name, body = ''] = m;
    const keep = truthy(vars[name!]) === (sign === '#');
    out = out.slice(0, m.index) + (keep ? body : '') + out.slice(m.index + whole.length);
  }
  return out.replace(VALUE, (_, name: string) => {
    const v = vars[name];
    return v === undefined || v === null || typeof v === 'boolean' ? '' : String(v);
  }).replace(/[ \t]{2,}/g, ' ').trim();
}

/** Names a template refers to (values and sections), for checking templates against what handlers give. */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(/\{\{[#^/]?\s*([\w.]+)\s*\}\}/g)) if (m[1]) names.add(m[1]);
  return [...names];
}
