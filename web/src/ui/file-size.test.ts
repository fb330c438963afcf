import { describe, expect, it } from 'vitest';
import { fileSize } from './file-size';

describe('a file size', () => {
  it('is said in bytes below a kilobyte, in KB below a megabyte, in MB with one decimal above', () => {
    expect([0, 45, 1023, 1024, 1536, 20 * 1024 * 1024 - 1].map(fileSize)).toEqual(['0 B', '45 B', '1023 B', '1 KB', '2 KB', '20.0 MB']);
  });
});
