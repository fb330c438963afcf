import { describe, expect, it } from 'vitest';
import { wallPutsUnitsUnderMap, wallScale, wallStacks, wallZoom } from './wall-zoom';

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

  it('sizes that follow the height follow the height the zoomed wall stands for, not the height of the screen', () => {
    // Every 16:9 screen at its zoom is the design's 900 lines: a hundredth of them is 9 px, as on a 1600 × 900 window.
    expect(wallScale(1920, 1080)).toEqual({ zoom: 1.2, stacked: false, unitsUnderMap: false, vh: '9px' });
    expect(wallScale(3840, 2160)).toEqual({ zoom: 2.4, stacked: false, unitsUnderMap: false, vh: '9px' });
    // A 16:10 screen is bound by its width: at its zoom it stands for 1,000 lines.
    expect(wallScale(1920, 1200)).toEqual({ zoom: 1.2, stacked: false, unitsUnderMap: false, vh: '10px' });
    // Unzoomed, the screen's own.
    expect(wallScale(1280, 720)).toEqual({ zoom: 1, stacked: false, unitsUnderMap: false, vh: '1vh' });
    expect(wallScale(1600, 900)).toEqual({ zoom: 1, stacked: false, unitsUnderMap: false, vh: '1vh' });
  });
});

describe('the wall on a squarer screen', () => {
  it('has the detachments under the map on a 4:3 or 5:4 screen, beside the figures on a 16:9 or 16:10 one, never on a phone', () => {
    expect(wallPutsUnitsUnderMap(1024, 768)).toBe(true);
    expect(wallPutsUnitsUnderMap(1280, 1024)).toBe(true);
    expect(wallPutsUnitsUnderMap(1440, 960)).toBe(true);
    expect(wallPutsUnitsUnderMap(1920, 1200)).toBe(false);
    expect(wallPutsUnitsUnderMap(1280, 720)).toBe(false);
    expect(wallPutsUnitsUnderMap(390, 844)).toBe(false);
    expect(wallScale(1024, 768)).toEqual({ zoom: 1, stacked: false, unitsUnderMap: true, vh: '1vh' });
  });
});

describe('the wall on a phone', () => {
  it('stacks its sections on a narrow or a low screen, and keeps them to one screen from a 720p projector up', () => {
    expect(wallStacks(390, 844)).toBe(true);
    expect(wallStacks(844, 390)).toBe(true);
    expect(wallStacks(932, 430)).toBe(true);
    expect(wallStacks(1280, 720)).toBe(false);
    expect(wallStacks(1024, 768)).toBe(false);
  });

  it('scrolls instead of fitting the height, so its sizes are its design screen’s, whatever the phone’s height', () => {
    expect(wallScale(390, 844)).toEqual({ zoom: 1, stacked: true, unitsUnderMap: false, vh: '9px' });
    expect(wallScale(844, 390)).toEqual({ zoom: 1, stacked: true, unitsUnderMap: false, vh: '9px' });
  });
});
