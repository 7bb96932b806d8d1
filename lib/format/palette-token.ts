/**
 * A colour of the light palette (the first rule of components/palette.css), read from the CSS
 * text. The panel reads the same custom properties, so the toolbar badge and the icon use the
 * page's colours instead of copies of them.
 */
export function lightToken(css: string, name: string): string {
  const rules = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const light = rules.slice(0, rules.indexOf('}'));
  const value = new RegExp(`${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`).exec(light)?.[1];
  if (!value) throw new Error(`components/palette.css: no ${name} colour in the light palette`);
  return value;
}
