/**
 * The longest run of plain characters that every match of a regular expression must contain, read
 * from its source: literal characters outside groups, classes and quantifiers (of runs as long,
 * the last: a path says more than `https://`). Null when the source has a top-level `|` (no single
 * run is required) or no such run. Made for the provider URL shapes (no flags): a URL without the
 * run cannot match, so one scan for all the runs rejects most traffic before any shape is tried
 * (lib/providers/match.ts).
 */
export function requiredLiteral(source: string): string | null {
  let best = '';
  let run = '';
  const endRun = () => {
    if (run.length >= best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '|') return null;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined) return null;
      i++;
      // \d, \w, \b, \u0041, … are not the character itself.
      if (/[A-Za-z0-9]/.test(next)) endRun();
      else run += next;
      continue;
    }
    if (c === '?' || c === '*' || c === '+' || c === '{') {
      // The quantified atom is optional or repeated: the last character is not required as is
      // (after a group or class the run was already ended, so this drops nothing).
      run = run.slice(0, -1);
      endRun();
      if (c === '{') i = skipTo(source, i, '}');
      else if (source[i + 1] === '?') i++; // lazy quantifier
      continue;
    }
    if (c === '(') {
      endRun();
      i = skipGroup(source, i);
      if (i < 0) return null;
      continue;
    }
    if (c === '[') {
      endRun();
      i = skipClass(source, i);
      if (i < 0) return null;
      continue;
    }
    if (c === '.' || c === '^' || c === '$' || c === ')' || c === ']' || c === '}') {
      endRun();
      continue;
    }
    run += c;
  }
  endRun();
  return best || null;
}

function skipTo(source: string, from: number, char: string): number {
  const at = source.indexOf(char, from);
  return at < 0 ? source.length : at;
}

/** Index of the `]` closing the class that opens at `from`, or -1. */
function skipClass(source: string, from: number): number {
  for (let i = from + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return -1;
}

/** Index of the `)` closing the group that opens at `from` (nested groups and classes skipped), or -1. */
function skipGroup(source: string, from: number): number {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      i = skipClass(source, i);
      if (i < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}
