import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ApiErrorCode } from '../../../shared/index';
import type { StreamMessage } from '../../review/StreamHub';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requestCredential, requireUser } from '../requireUser';

/**
 * Proxies close connections that carry nothing for a minute or so: send a comment more often.
 * Each ping also checks the stream's credential again, so an expired session ends its stream.
 */
const STREAM_PING_INTERVAL_MS = 25_000;
/**
 * Events written but not yet taken by a client that stopped reading. Past this the stream is
 * ended rather than buffered without bound; the client reconnects and reads its inbox again.
 */
const MAX_PENDING_EVENTS = 256;
/** What a refused stream's client is told to wait: long enough for another tab to close. */
const STREAMS_RETRY_AFTER_SECONDS = 60;

/**
 * `GET /api/stream`: server-sent events for the signed-in user, `notification` and `record` (see
 * STREAM_EVENTS), until the client goes away or the server closes. Nothing is replayed: a client
 * that (re)connects reads its inbox and records again. A stream ends once its credential no
 * longer signs anyone in: at once on sign-out, password change, token revocation and
 * deactivation (see `onAccessChanged`), else at the next ping. A user with
 * `maxStreamsPerUser` streams open is refused with 429.
 */
export function registerStreamRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  api.get('/stream', requireUser(deps), (c) => {
    const userId = c.get('auth').user.id;
    if (!deps.hub.hasRoomFor(userId)) {
      deps.logger.warn('refused an event stream over the per-user cap', { userId, max: deps.hub.maxStreamsPerUser });
      throw new ApiError(
        ApiErrorCode.rateLimited,
        `Too many live streams open for this account (at most ${deps.hub.maxStreamsPerUser}): close the app in other tabs or devices`,
        { retryAfterSeconds: STREAMS_RETRY_AFTER_SECONDS },
      );
    }
    // requireUser accepted it, so it is there.
    const credential = requestCredential(c.req, deps.site) ?? '';
    let end = (): void => {};
    const ended = new Promise<void>((resolve) => {
      end = resolve;
    });
    // Subscribed now, in the same turn as the check above, so that concurrent requests cannot
    // all pass it; events published before the stream starts wait for it.
    const early: StreamMessage[] = [];
    let deliver = (message: StreamMessage): void => {
      early.push(message);
    };
    const unsubscribe = deps.hub.subscribe(userId, { send: (message) => deliver(message), end, credential });
    return streamSSE(c, async (stream) => {
      let pending = 0;
      deliver = (message) => {
        if (pending >= MAX_PENDING_EVENTS) {
          end();
          return;
        }
        pending += 1;
        void stream.writeSSE({ event: message.event, data: message.data }).finally(() => {
          pending -= 1;
        });
      };
      stream.onAbort(end);
      c.req.raw.signal.addEventListener('abort', end);
      const ping = setInterval(() => {
        void deps.authenticator.check(credential).then(
          async (outcome) => {
            if (outcome.ok) {
              await stream.write(': ping\n\n');
            } else {
              end();
            }
          },
          () => end(),
        );
      }, STREAM_PING_INTERVAL_MS);
      try {
        // A first comment sends the headers at once, so the client knows the stream is open.
        await stream.write(': connected\n\n');
        for (const message of early.splice(0)) {
          deliver(message);
        }
        await ended;
      } finally {
        clearInterval(ping);
        unsubscribe();
      }
    });
  });
}
