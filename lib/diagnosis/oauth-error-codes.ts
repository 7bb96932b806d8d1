/**
 * The authorization error codes of RFC 6749 §4.1.2.1 / §4.2.2.1 and OIDC-Core §3.1.2.6, with their
 * meaning in one line: the words a finding uses when it names a code no provider row explains.
 */
export const AUTHORIZATION_ERROR_MEANINGS: Readonly<Record<string, string>> = {
  invalid_request: 'a parameter is missing, repeated or malformed',
  unauthorized_client: 'this client may not use this grant or response type',
  access_denied: 'the user or the server refused the request',
  unsupported_response_type: 'the server does not offer this response_type',
  invalid_scope: 'a requested scope is unknown, malformed or not allowed',
  server_error: 'the server failed while handling the request',
  temporarily_unavailable: 'the server is overloaded or in maintenance',
  interaction_required: 'the user must interact, but prompt=none forbade it',
  login_required: 'the user must log in, but prompt=none forbade it',
  account_selection_required: 'the user must pick an account, but prompt=none forbade it',
  consent_required: 'the user must consent, but prompt=none forbade it',
  invalid_request_uri: 'the request_uri is unreachable or invalid',
  invalid_request_object: 'the request object is invalid',
  request_not_supported: 'the server does not take the request parameter',
  request_uri_not_supported: 'the server does not take the request_uri parameter',
  registration_not_supported: 'the server does not take the registration parameter',
};
