import type { Label } from '../engine/labels';

/** The system's refusals an operator meets with files, in words they read rather than the code alone. */
const meanings: Readonly<Record<string, Label>> = {
  EACCES: { zh: '权限不足', en: 'permission denied' },
  EPERM: { zh: '操作不被允许', en: 'operation not permitted' },
  ENOSPC: { zh: '磁盘已满', en: 'the disk is full' },
  EDQUOT: { zh: '超出磁盘配额', en: 'the disk quota is used up' },
  EROFS: { zh: '文件系统为只读', en: 'the file system is read-only' },
  ENOENT: { zh: '文件或文件夹不存在', en: 'no such file or folder' },
  ENOTDIR: { zh: '路径中有一段是文件而不是文件夹', en: 'a part of the path is a file, not a folder' },
  EISDIR: { zh: '这是文件夹，不是文件', en: 'it is a folder, not a file' },
  EEXIST: { zh: '已存在', en: 'it exists already' },
  ENAMETOOLONG: { zh: '文件名过长', en: 'the name is too long' },
  EMFILE: { zh: '打开的文件过多', en: 'too many files are open' },
  EBUSY: { zh: '文件正被占用', en: 'the file is busy' },
  EIO: { zh: '读写出错（磁盘可能有故障）', en: 'an input/output error (the disk may be failing)' },
};

type SystemError = Error & { readonly code: string; readonly syscall: string; readonly path?: string; readonly dest?: string };

const isSystemError = (error: unknown): error is SystemError =>
  error instanceof Error && typeof (error as Partial<SystemError>).code === 'string' && typeof (error as Partial<SystemError>).syscall === 'string';

/** The system's code for why it refused (`ENOSPC`), or null when the error is not the system's. */
export const systemCodeOf = (error: unknown): string | null => (isSystemError(error) ? error.code : null);

/**
 * Why the system refused a file, in both languages with its code (`权限不足（EACCES）` / `permission denied (EACCES)`),
 * or null when the error is not the system's (a bug, a database's own error). A code without words of ours is
 * said as Node describes it (`ETXTBSY: text file is busy, open '…'` gives `text file is busy`).
 */
export function systemReasonOf(error: unknown): Label | null {
  if (!isSystemError(error)) return null;
  const meaning = meanings[error.code];
  if (meaning !== undefined) return { zh: `${meaning.zh}（${error.code}）`, en: `${meaning.en} (${error.code})` };
  const described = error.message.startsWith(`${error.code}: `) ? error.message.slice(error.code.length + 2).split(', ')[0] : error.message;
  return { zh: `系统错误：${described}（${error.code}）`, en: `${described} (${error.code})` };
}

/**
 * A file the system refused, named with why in one line of both languages (`/backups/a.db: permission denied (EACCES)`),
 * or null when the error is not the system's. A copy names both its files: the system does not say which one it refused.
 */
export function fileFailureOf(error: unknown): Label | null {
  const reason = systemReasonOf(error);
  if (reason === null || !isSystemError(error)) return null;
  const { path, dest } = error;
  const files = path === undefined ? null : dest === undefined ? { zh: path, en: path } : { zh: `把 ${path} 复制到 ${dest}`, en: `copying ${path} to ${dest}` };
  return files === null ? reason : { zh: `${files.zh}：${reason.zh}`, en: `${files.en}: ${reason.en}` };
}
