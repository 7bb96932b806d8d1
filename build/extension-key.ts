/**
 * The public half of the RSA key that fixes the Chrome extension id of unpacked installs
 * (manifest `key`), so the id — and with it `chrome-extension://<id>/viewer.html` share links —
 * is the same on every machine. The private half was thrown away after generating this: nothing
 * here can sign a package. The Chrome Web Store refuses a `key` in uploads and assigns its own id,
 * so the store zip leaves it out (wxt.config.ts); once the item exists, replacing this value with
 * the store's public key (Developer Dashboard → Package → View public key) makes unpacked builds
 * share the store's id. Firefox ignores `key`; its id is `browser_specific_settings.gecko.id`.
 *
 * EXTENSION_ID is derived from the key (SHA-256 of the DER public key, first 32 hex digits written
 * with a–p); test/build/extension-key.test.ts recomputes it.
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA9KTcUp2gEWUyGHQwhbmrgfnnvyxGjF50V5HbC2gca+ntXB5RHjT1EZJQyV0OTkNV057deYmt/+Ajja3iOELLE9rtDjIayFSCW3ClG6RFMxKS2HAk1NC2brn4Cm/mRG3eN962SaNHeb4nXM+m14hVD7Bgqafzmgq55rT5bgPdgmk181fV2GcJq3yF5Z7xqIdtEW4z5OUyjbGkSuDYRhWBvowA0+exTB+frv6Uk7310yTFsdV3zXh7eTTlMzcUT9H1TW5bw5CaI0o9CgXtoJtJEMOz0SMSSY+SJ7Nah1/3nrRYvBVPaNlA/0WdIGfnqTjD1EfKEb11I9AZ6ixWuj/8OwIDAQAB';

export const EXTENSION_ID = 'jajibjfkdfjllojalkiojkcocpgjegjl';

/** Set by `npm run zip` (scripts/zip.ts) for the Chrome Web Store package, which must not carry `key`. */
export const STORE_BUILD_ENV = 'OAUTH_LENS_STORE_BUILD';
