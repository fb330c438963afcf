import type { Database } from '../../db/client';
import type { Clock } from '../clock';
import { sweepDeadlines } from './deadline-sweep';
import { LoginThrottle } from '../auth/login-throttle';
import { forgetOldAnswers } from './idempotency';
import { deliverWebhooks } from './webhook-delivery';

/**
 * The server's background work: the deadline sweep (once at start, then on
 * an interval), webhook delivery, and, hourly, forgetting the answers kept
 * for retries once they are a day old and the failed logins once they no
 * longer count. Each reads its work from the database, so nothing is lost
 * to a restart; timers only decide when to look.
 */
export function startBackground(
  database: Database,
  clock: Clock,
  options: { sweepSeconds: number; webhookSeconds: number; log: (line: string) => void; sendWebhooks?: boolean },
) {
  let stopped = false;
  /** The jobs running now, so that a stop can wait for them before the database closes. */
  const running = new Set<Promise<void>>();
  const guard = (name: string, work: () => Promise<unknown>) => {
    let busy = false;
    const once = async () => {
      try {
        const result = await work();
        if (result !== undefined) options.log(JSON.stringify({ at: clock().toISOString(), job: name, ...(result as object) }));
      } catch (error) {
        options.log(JSON.stringify({ at: clock().toISOString(), job: name, error: error instanceof Error ? error.message : String(error) }));
      } finally {
        busy = false;
      }
    };
    return async () => {
      if (busy || stopped) return;
      busy = true;
      const run = once();
      running.add(run);
      await run;
      running.delete(run);
    };
  };
  // The first sweep after start also settles escalations left open by items that moved on (see sweepDeadlines).
  let settled = false;
  const sweep = guard('sweep', async () => {
    const result = await sweepDeadlines(database, clock(), { settleAll: !settled });
    settled = true;
    return result.raised + result.resolved > 0 ? result : undefined;
  });
  const deliver = guard('webhooks', async () => {
    const result = await deliverWebhooks(database, clock, { stopped: () => stopped });
    return result.delivered + result.failed > 0 ? result : undefined;
  });
  const throttle = new LoginThrottle(database);
  const forget = guard('forget', async () => {
    const now = clock();
    const answers = await forgetOldAnswers(database, now);
    const loginFailures = await throttle.forget(now);
    return answers + loginFailures > 0 ? { answers, loginFailures } : undefined;
  });
  const first = sweep().then(forget);
  const timers = [setInterval(() => void sweep(), options.sweepSeconds * 1000), setInterval(() => void forget(), 3_600_000)];
  // Held (SEND_WEBHOOKS=false): deliveries are queued as ever and go out once a process that sends them runs.
  if (options.sendWebhooks !== false) timers.push(setInterval(() => void deliver(), options.webhookSeconds * 1000));
  return {
    /** Resolves when the first sweep after start has finished. */
    ready: first,
    /** Starts no more jobs; resolves once those running have ended. */
    stop(): Promise<void> {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      return Promise.all(running).then(() => undefined);
    },
  };
}
