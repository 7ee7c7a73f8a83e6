import { describe, expect, it } from 'vitest';
import { pageWindow } from './pagination';

describe('page numbers', () => {
  it('shows the first and last page and two on either side of the current one, with gaps between', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(1, 7)).toEqual([1, 2, 3, 'gap', 7]);
    expect(pageWindow(5, 480)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 480]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(240, 480)).toEqual([1, 'gap', 238, 239, 240, 241, 242, 'gap', 480]);
    expect(pageWindow(480, 480)).toEqual([1, 'gap', 478, 479, 480]);
    expect(pageWindow(4, 480)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 480]);
  });
});
