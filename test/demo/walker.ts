/**
 * A tiny browser stand-in for demo tests: follows redirects by hand and keeps cookies the way a
 * browser does on loopback (per host name, ports ignored, path-scoped, expired ones removed).
 */
interface StoredCookie {
  name: string;
  value: string;
  host: string;
  path: string;
}

export interface Hop {
  method: string;
  url: string;
  status: number;
  location: string | null;
  body: string;
}

export class Walker {
  readonly #jar: StoredCookie[] = [];

  async request(url: string, init: { method?: string; form?: URLSearchParams } = {}): Promise<Hop> {
    const target = new URL(url);
    const cookie = this.#jar
      .filter((c) => c.host === target.hostname && target.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const headers: Record<string, string> = cookie ? { cookie } : {};
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(target, { method: init.method ?? 'GET', headers, body: init.form, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) this.#store(target, line);
    const location = res.headers.get('location');
    return { method: init.method ?? 'GET', url, status: res.status, location: location ? new URL(location, target).href : null, body: await res.text() };
  }

  /** GETs `url` and follows 3xx hops until a non-redirect answer; returns every hop. */
  async follow(url: string, limit = 15): Promise<Hop[]> {
    const hops: Hop[] = [];
    let next: string | null = url;
    while (next && hops.length < limit) {
      const hop = await this.request(next);
      hops.push(hop);
      next = hop.status >= 300 && hop.status < 400 ? hop.location : null;
    }
    return hops;
  }

  cookieNames(host: string): string[] {
    return this.#jar.filter((c) => c.host === host).map((c) => c.name);
  }

  #store(url: URL, line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const attr = new Map(attributes.map((a) => [a.split('=')[0]!.trim().toLowerCase(), a.split('=').slice(1).join('=').trim()]));
    const path = attr.get('path') || '/';
    const expires = attr.get('expires');
    const gone = attr.get('max-age') === '0' || (expires !== undefined && Date.parse(expires) < Date.now());
    const index = this.#jar.findIndex((c) => c.name === name && c.host === url.hostname && c.path === path);
    if (index >= 0) this.#jar.splice(index, 1);
    if (!gone) this.#jar.push({ name, value, host: url.hostname, path });
  }
}
