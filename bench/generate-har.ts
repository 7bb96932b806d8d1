/**
 * A realistic large HAR: mostly ordinary page traffic (documents, scripts, images, XHR with JSON
 * bodies) with an OAuth login every few hundred entries, shaped like Chrome's export.
 */
export function generateHar(entries: number, seed = 1): string {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const body = (n: number) => 'x'.repeat(n);
  const out: string[] = [];
  const t0 = Date.parse('2026-11-23T10:00:00Z');
  let t = t0;
  const entry = (method: string, url: string, status: number, headers: Array<[string, string]>, text: string, extra = '') => {
    t += 5 + Math.floor(rand() * 20);
    const h = headers.map(([name, value]) => `{"name":${JSON.stringify(name)},"value":${JSON.stringify(value)}}`).join(',');
    out.push(
      `{"pageref":"page_1","startedDateTime":"${new Date(t).toISOString()}","time":12,"request":{"method":"${method}","url":${JSON.stringify(url)},"httpVersion":"HTTP/1.1","headers":[{"name":"Accept","value":"*/*"}],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":-1${extra}},"response":{"status":${status},"statusText":"","httpVersion":"HTTP/1.1","headers":[${h}],"cookies":[],"content":{"size":${text.length},"mimeType":"text/plain","text":${JSON.stringify(text)}},"redirectURL":"","headersSize":-1,"bodySize":-1},"cache":{},"timings":{"send":1,"wait":8,"receive":3}}`,
    );
  };
  for (let i = 0; out.length < entries; i++) {
    if (i % 300 === 0) {
      const state = `st${i}abcdefghijklmnop`;
      entry('GET', `https://app.example.com/login?i=${i}`, 302, [['Location', `https://idp.example.com/authorize?client_id=app&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&scope=openid&state=${state}&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&nonce=n${i}`]], '');
      entry('GET', `https://idp.example.com/authorize?client_id=app&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&scope=openid&state=${state}&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&nonce=n${i}`, 302, [['Location', `https://app.example.com/cb?code=c${i}&state=${state}`]], '');
      entry('GET', `https://app.example.com/cb?code=c${i}&state=${state}`, 302, [['Location', '/']], '');
      continue;
    }
    const kind = rand();
    if (kind < 0.4) entry('GET', `https://cdn.example.net/static/img${i}.png`, 200, [['Content-Type', 'image/png']], body(2600));
    else if (kind < 0.7) entry('GET', `https://cdn.example.net/js/chunk${i}.js`, 200, [['Content-Type', 'application/javascript']], body(10500));
    else entry('POST', `https://api.example.com/v1/items?page=${i}`, 200, [['Content-Type', 'application/json']], JSON.stringify({ items: Array.from({ length: 40 }, (_, k) => ({ id: k, name: `item ${k}` })) }), `,"postData":{"mimeType":"application/json","text":"{\\"q\\":${i}}"}`);
  }
  return `{"log":{"version":"1.2","creator":{"name":"bench","version":"1"},"pages":[{"id":"page_1","startedDateTime":"${new Date(t0).toISOString()}","title":"bench"}],"entries":[${out.join(',')}]}}`;
}

/**
 * A HAR of many pages (tabs), each holding one login of the same client: the first document of
 * every page has a Referer (so popup linking runs on every page), and every page's login is a flow
 * that the cross-flow checks compare with all others. Issue 12 measured 20k pages at > 90 s.
 */
export function generatePagesHar(pages: number): string {
  const t0 = Date.parse('2026-11-23T10:00:00Z');
  const out: string[] = [];
  const pageList: string[] = [];
  const entry = (page: number, t: number, url: string, status: number, location: string) =>
    `{"pageref":"page_${page}","startedDateTime":"${new Date(t).toISOString()}","time":10,"_resourceType":"document","request":{"method":"GET","url":${JSON.stringify(url)},"headers":[{"name":"Referer","value":"https://app.example.com/p${page}"}]},"response":{"status":${status},"headers":[{"name":"Location","value":${JSON.stringify(location)}}],"redirectURL":${JSON.stringify(location)},"content":{"size":0,"mimeType":"text/html"}}}`;
  for (let p = 0; p < pages; p++) {
    const t = t0 + p * 2_000;
    const state = `st${p}x${((p * 2654435761) >>> 0).toString(36)}q`;
    const challenge = `E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJS${p.toString(36).padStart(6, '0')}`;
    const authorize = `https://idp.example.com/authorize?client_id=app&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&scope=openid&state=${state}&code_challenge=${challenge}&code_challenge_method=S256&nonce=n${p}`;
    const callback = `https://app.example.com/cb?code=c${p}&state=${state}`;
    pageList.push(`{"id":"page_${p}","startedDateTime":"${new Date(t).toISOString()}","title":"p${p}"}`);
    out.push(entry(p, t, authorize, 302, callback), entry(p, t + 300, callback, 302, 'https://app.example.com/'));
  }
  return `{"log":{"version":"1.2","creator":{"name":"bench","version":"1"},"pages":[${pageList.join(',')}],"entries":[${out.join(',')}]}}`;
}
