import type { CapturedEvent } from '../../lib/model/event';
import { APP, AS, CLIENT_ID, hop } from './events';

/**
 * A device authorization grant (RFC 8628): the device-authorization request, then token polls at
 * the given offsets (seconds after it), each answered with an error or with tokens.
 */
export interface DeviceFlowOptions {
  interval?: number | null;
  expiresIn?: number;
  polls: Array<{ at: number; error?: string; description?: string }>;
  deviceCode?: string;
}

const T = 1_700_000_000_000;
export const DEVICE_CODE = 'GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS';

export function deviceFlow(options: DeviceFlowOptions): CapturedEvent[] {
  const deviceCode = options.deviceCode ?? DEVICE_CODE;
  const response: Record<string, unknown> = { device_code: deviceCode, user_code: 'WDJB-MJHT', verification_uri: `${AS}/device`, expires_in: options.expiresIn ?? 600 };
  if (options.interval !== null) response.interval = options.interval ?? 5;
  const headers = [{ name: 'Origin', value: APP }, { name: 'Content-Type', value: 'application/x-www-form-urlencoded' }];
  return [
    hop({ url: `${AS}/device/auth`, method: 'POST', type: 'xmlhttprequest', time: T, form: { client_id: CLIENT_ID, scope: 'openid' }, requestHeaders: headers, responseJson: response }),
    ...options.polls.map((p) =>
      hop({
        url: `${AS}/token`,
        method: 'POST',
        type: 'xmlhttprequest',
        time: T + p.at * 1000,
        form: { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: deviceCode, client_id: CLIENT_ID },
        requestHeaders: headers,
        status: p.error ? 400 : 200,
        responseJson: p.error ? { error: p.error, ...(p.description ? { error_description: p.description } : {}) } : { access_token: 'at-dev', token_type: 'Bearer', expires_in: 3600 },
      }),
    ),
  ];
}
