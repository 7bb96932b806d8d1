/**
 * Documentation placeholders that stand where a credential goes (`client_secret: "YOUR_CLIENT_SECRET"`
 * in a library's usage comment). They are not secrets: redaction keeps them readable, and the
 * client-secret check does not report them. Only whole values that read as a placeholder match,
 * so a real secret that merely starts with "your" is still a secret.
 */
const PLACEHOLDER =
  /^(?:(?:your|my)[-_ ]?(?:app[-_ ]?|client[-_ ]?|api[-_ ]?)?(?:secret|key|token|password)(?:[-_ ]?here)?|<[^<>]{1,40}>|\$\{[^{}]{1,40}\}|\{\{[^{}]{1,40}\}\}|x{6,}|\*{3,}|changeme|client[-_]?secret|example(?:[-_][a-z]{1,20})?)$/i;

export function isCredentialPlaceholder(value: string): boolean {
  return value.length <= 64 && PLACEHOLDER.test(value);
}
