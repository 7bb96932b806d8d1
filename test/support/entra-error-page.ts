/**
 * HAND-BUILT: the shape of Microsoft Entra's sign-in error page, where the AADSTS error is stated
 * only in an inline script assigning `$Config` (the page renders it with JavaScript). Built from
 * Microsoft's published error text for AADSTS50011
 * (https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/app-integration/error-code-aadsts50011-redirect-uri-mismatch)
 * and the member names public clients read from that script (`strServiceExceptionMessage`,
 * `iErrorCode`); not a recording. The visible body carries no code.
 */
export const ENTRA_50011 =
  "AADSTS50011: The redirect URI 'https://app.example.com/auth' specified in the request does not match the redirect URIs configured for the application '6731de76-14a6-49ae-97bc-6eba6914391e'.";

export function entraConfigPage(options: { config?: string; padding?: number } = {}): string {
  const config =
    options.config ??
    `{"iMaxStackForKnockoutAsyncComponents":10000,"fShowButtons":true,"urlCdn":"https://aadcdn.msauth.net/shared/1.0/","oAppCobranding":{},"iErrorCode":50011,"strServiceExceptionMessage":${JSON.stringify(ENTRA_50011).replaceAll("'", '\\u0027')},"strTraceId":"7f3a9c1e-0000-4000-8000-000000000000","sErrorCode":"50011","fIsHosted":false}`;
  return [
    '<!DOCTYPE html><html dir="ltr" lang="en"><head><title>Sign in to your account</title>',
    '<script type="text/javascript" src="https://aadcdn.msauth.net/shared/1.0/content/js/ConvergedError_Core.js"></script>',
    `<script type="text/javascript">//<![CDATA[\n$Config=${config};\n//]]></script>`,
    `<script>${'var a=1;'.repeat(options.padding ?? 0)}</script>`,
    '</head><body><div id="root"><noscript>JavaScript required</noscript><h1>Sign in</h1><div>Sorry, but we’re having trouble signing you in.</div></div></body></html>',
  ].join('\n');
}
