import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/**
 * The names a request may give in its Host header, and the one the printed URL gives. A server
 * on one address answers to that address; on loopback, to the names of loopback too. A server
 * bound to every interface (--host 0.0.0.0, or :: for IPv6 as well) is reachable at each address
 * of the machine's interfaces and at localhost, so it answers to those, and its URL names an
 * address other machines can reach. A name that is not one of these is still refused: an IP
 * address in a Host header is the one the browser connected to, whereas a name could be
 * rebound by its owner's DNS to this machine.
 */

export interface ServedAddresses {
  /** The host of the printed URL. */
  readonly shown: string;
  /** host:port values a request may name, e.g. "127.0.0.1:8173", "localhost:8173". */
  readonly hosts: ReadonlySet<string>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** An address that binds every interface: IPv4's, or IPv6's (which takes IPv4 too). */
export function isEveryInterface(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

function inUrl(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

export function servedAddresses(host: string, port: number, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): ServedAddresses {
  if (!isEveryInterface(host)) {
    const hosts = new Set([`${inUrl(host)}:${port}`]);
    if (LOOPBACK.has(host)) for (const name of ['127.0.0.1', 'localhost', '[::1]']) hosts.add(`${name}:${port}`);
    return { shown: inUrl(host), hosts };
  }
  // 0.0.0.0 takes IPv4 connections only; a link-local IPv6 address needs a zone a URL cannot hold.
  const reachable = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4' || (host === '::' && info.family === 'IPv6' && !info.scopeid));
  const hosts = new Set([`localhost:${port}`, `127.0.0.1:${port}`, ...(host === '::' ? [`[::1]:${port}`] : []), ...reachable.map((info) => `${inUrl(info.address)}:${port}`)]);
  // The URL names an address another machine can reach, IPv4 first; on a machine with none, loopback.
  const outward = reachable.filter((info) => !info.internal).sort((a, b) => Number(a.family !== 'IPv4') - Number(b.family !== 'IPv4'))[0];
  return { shown: outward === undefined ? '127.0.0.1' : inUrl(outward.address), hosts };
}
