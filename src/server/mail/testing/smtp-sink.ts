import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps what it receives: the far end of the outbox in tests. */
export interface SmtpSink {
  port: number;
  /** SMTP_URL for this server, with the credentials it accepts. */
  url: string;
  received: ParsedMail[];
  /** Resolves once `count` mails have arrived (the test's own timeout bounds the wait). */
  waitFor(count: number): Promise<ParsedMail[]>;
  /** Waits until the mails received so far meet `done` (other jobs may send mails of their own meanwhile). */
  waitUntil(done: (received: ParsedMail[]) => boolean): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export interface SinkOptions {
  /** The server's answer to a recipient it refuses (e.g. 550 for an unknown mailbox, 451 for "try later"); none accepts. */
  refuse?: (recipient: string) => { code: number; message: string } | undefined;
}

export const sinkUser = 'zorglandschap';
export const sinkPassword = 'geheim-smtp-wachtwoord';

/**
 * Starts the sink on 127.0.0.1, on `port` or a free one. It asks for a log-in (the one in `url`) and offers no
 * STARTTLS (its test certificate would be refused), as a plain relay inside a network would.
 */
export async function startSmtpSink(port = 0, options: SinkOptions = {}): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === sinkUser && auth.password === sinkPassword) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      const answer = options.refuse?.(address.address);
      if (!answer) return callback();
      const error = new Error(answer.message) as Error & { responseCode: number };
      error.responseCode = answer.code;
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          waiters.splice(0).forEach((w) => w());
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.listen(port, '127.0.0.1');
  await once(server.server, 'listening');
  const actual = (server.server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `smtp://${sinkUser}:${sinkPassword}@127.0.0.1:${actual}`,
    received,
    async waitFor(count) {
      while (received.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return received;
    },
    async waitUntil(done) {
      while (!done(received)) await new Promise<void>((resolve) => waiters.push(resolve));
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port on which nothing listens (taken and released at once). */
export async function closedPort(): Promise<number> {
  const sink = await startSmtpSink();
  await sink.close();
  return sink.port;
}
