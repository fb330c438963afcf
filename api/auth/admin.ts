import type { Viewer } from '../context';
import { ApiError } from '../errors';
import { viewerOf } from '../middleware/viewer';

/** The signed-in administrator, or a 401 (no session) or 403 (any other role). People and units are the administrator's alone. */
export function adminOf(c: { get(key: 'viewer'): Viewer | null }): Viewer {
  const viewer = viewerOf(c);
  if (viewer.user.role !== 'admin') {
    throw new ApiError('role_forbidden', { reason: { zh: '只有系统管理员可以管理人员和单位', en: 'Only an administrator may manage people and units' } });
  }
  return viewer;
}
