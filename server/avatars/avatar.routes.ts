import { Router } from 'express';
import { AppError } from '../errors.ts';
import type { AvatarService } from './avatar.service.ts';
import { AVATAR_KEY } from './avatar-source.ts';

/** GET /avatars/:key: a picture from Parley's origin (docs/api.md). */
export function avatarRoutes(avatars: AvatarService): Router {
  const router = Router();
  router.get('/avatars/:key', async (req, res) => {
    const key = req.params.key;
    const served = AVATAR_KEY.test(key) ? await avatars.serve(key) : null;
    if (!served) throw new AppError(404, 'not_found', 'No such avatar');
    res.set({
      'Content-Type': served.contentType,
      // Host pages show these too (the comments-in-the-page fragment).
      'Cross-Origin-Resource-Policy': 'cross-origin',
      // An SVG opened on its own stays inert: no script, no outside loads.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'Cache-Control': served.final ? 'public, max-age=86400' : 'public, max-age=300',
    });
    res.send(served.body);
  });
  return router;
}
