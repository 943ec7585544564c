// proxy-addr ships no types: the one call client-ip.ts makes.
declare module 'proxy-addr' {
  import type { IncomingMessage } from 'node:http';
  /** The client address: the socket's, or X-Forwarded-For's nearest entry `trust` does not vouch for. */
  export default function proxyaddr(
    req: IncomingMessage,
    trust: (address: string, hop: number) => boolean,
  ): string | undefined;
}
