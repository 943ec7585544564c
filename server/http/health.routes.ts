import { Router } from 'express';
import type { Redis } from 'ioredis';
import type { Db } from '../store/db.ts';
import { pingStore } from '../store/health.repository.ts';

/**
 * For a load balancer: `/healthz` says the process answers (restart it if
 * not); `/readyz` says it can serve (store and Redis reachable, not shutting
 * down): send it traffic only then.
 */
export function healthRoutes(db: Db, redis: Redis | null, draining: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  router.get('/readyz', async (_req, res) => {
    const [store, shared] = await Promise.all([
      pingStore(db).then(
        () => true,
        () => false,
      ),
      redis
        ? redis.ping().then(
            () => true,
            () => false,
          )
        : Promise.resolve(null),
    ]);
    const ready = store && shared !== false && !draining();
    res
      .status(ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ ok: ready, store, redis: shared, draining: draining() });
  });
  return router;
}
