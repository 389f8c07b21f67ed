import { SMTPServer } from 'smtp-server';
import PostalMime, { type Email } from 'postal-mime';
import { freePort } from './ports';

export type Received = { raw: string; mail: Email; to: string[] };

/**
 * A real SMTP server (npm's smtp-server, the one nodemailer is tested against) on a free loopback port,
 * receiving what Leitstand sends. `refuse` makes it answer every mail with a temporary error (an outage).
 */
export async function startSmtp() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    // The desk logs in with the mailbox's user and password; this server takes any login (it is the test's own).
    onAuth(auth, _session, done) {
      done(null, { user: auth.username });
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.refuse) {
          const error = Object.assign(new Error('451 4.3.0 Mail server temporarily unavailable'), {
            responseCode: 451,
          });
          done(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        void PostalMime.parse(raw).then((mail) => {
          received.push({ raw, mail, to: session.envelope.rcptTo.map((r) => r.address) });
          done();
        });
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    received,
    state,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
