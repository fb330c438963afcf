import { figure } from '../board/format';

/** A file's size as people read it: bytes below a kilobyte (a 45-byte file read "1 KB"), KB below a megabyte, MB with one decimal above. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1024 * 1024 ? `${figure(Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
