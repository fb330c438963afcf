import { describe, expect, it } from 'vitest';
import { subtreeOf } from './units';
import { treeOrder } from './unit-tree';

// As the server lists them after a unit is added: the new station last, below a county branch listed earlier.
const units = [
  { id: 'office', parentId: null },
  { id: 'hantai', parentId: 'office' },
  { id: 'nanzheng', parentId: 'office' },
  { id: 'hantai-zhongshan', parentId: 'hantai' },
  { id: 'zhongshan-team', parentId: 'hantai-zhongshan' },
];

describe('the unit tree', () => {
  it('puts each unit below the one above it, whatever order it was listed in', () => {
    expect(treeOrder(units).map((row) => `${row.depth}:${row.unit.id}`)).toEqual(['0:office', '1:hantai', '2:hantai-zhongshan', '3:zhongshan-team', '1:nanzheng']);
  });

  it('lists a station added last right after the county it belongs to, the county branches in the order given', () => {
    // The order an administrator created them in: the station under Hantai comes after Chenggu.
    const created = [
      { id: 'office', parentId: null },
      { id: 'hantai', parentId: 'office' },
      { id: 'nanzheng', parentId: 'office' },
      { id: 'chenggu', parentId: 'office' },
      { id: 'hantai-beiguan', parentId: 'hantai' },
    ];
    expect(treeOrder(created).map((row) => row.unit.id)).toEqual(['office', 'hantai', 'hantai-beiguan', 'nanzheng', 'chenggu']);
  });

  it('lists a unit whose parent is missing last rather than losing it', () => {
    expect(treeOrder([...units, { id: 'stray', parentId: 'gone' }]).at(-1)).toEqual({ unit: { id: 'stray', parentId: 'gone' }, depth: 0 });
  });

  it('knows a unit and every unit below it, which cannot become its parent', () => {
    expect(subtreeOf('hantai', units)).toEqual(['hantai', 'hantai-zhongshan', 'zhongshan-team']);
    expect(subtreeOf('nanzheng', units)).toEqual(['nanzheng']);
  });
});
