import type { Label } from '../../engine';

/**
 * The ports fetch will not send to (the Fetch standard's "bad port" list,
 * https://fetch.spec.whatwg.org/#port-blocking): a delivery there fails
 * before it leaves, on every try. The test beside this file holds Node's
 * fetch to the same list.
 */
export const blockedPorts: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161,
  179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190,
  5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Why an address can never take a delivery, in the office's words: said when it is saved, and when a test or a delivery to it fails. */
export const undeliverable = {
  blockedPort: { zh: '该端口不能用于推送', en: 'That port cannot be used' },
  credentials: { zh: '推送地址不能含用户名或密码（推送以签名密钥验证）', en: 'The address may not hold a user name or password (deliveries are signed with the secret)' },
} as const satisfies Record<string, Label>;

/**
 * Why fetch would refuse to send to this address whatever its receiver does
 * (a port it blocks, a user name or password in it), or null when it may
 * be tried. `url` is an address zod has already read as a URL.
 */
export function undeliverableAddress(url: string): Label | null {
  const address = new URL(url);
  if (address.username !== '' || address.password !== '') return undeliverable.credentials;
  if (address.port !== '' && blockedPorts.has(Number(address.port))) return undeliverable.blockedPort;
  return null;
}
