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
