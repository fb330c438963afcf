import type { Label } from '../../../engine/labels';

/** Texts of the board's own that the shared message table does not have. */
export const boardMessages = {
  moveQueued: { zh: '上一次移动尚待服务器确认，确认后再移至', en: 'The last move is still awaiting the server; after it, moving to' },
  queuedDropped: {
    zh: '上一次移动未被接受，其后的移动也未执行，卡片留在服务器所示位置',
    en: 'The earlier move was not accepted, so the later one was not made either; the card stays where the server has it',
  },
} satisfies Record<string, Label>;
