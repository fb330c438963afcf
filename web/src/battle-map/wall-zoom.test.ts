import { describe, expect, it } from 'vitest';
import { wallZoom } from './wall-zoom';

describe('the wall on screens larger than its design', () => {
  it('is drawn as large as the screen holds it, by the tighter of width and height', () => {
    expect(wallZoom(3840, 2160)).toBe(2.4);
    expect(wallZoom(1920, 1080)).toBe(1.2);
    // A wide, low screen: the height bounds it.
    expect(wallZoom(3840, 1080)).toBe(1.2);
    expect(wallZoom(2560, 1440)).toBe(1.6);
  });

  it('keeps its own sizes on its design screen and on smaller ones', () => {
    expect(wallZoom(1600, 900)).toBe(1);
    expect(wallZoom(1280, 720)).toBe(1);
    expect(wallZoom(390, 844)).toBe(1);
    expect(wallZoom(1700, 900)).toBe(1);
  });
});
