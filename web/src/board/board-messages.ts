import type { Label } from '../../../engine/labels';
import { trFilled } from '../i18n/i18n';

/** Texts of the board's own that the shared message table does not have. */
export const boardMessages = {
  moveQueued: { zh: '上一次移动尚待服务器确认，确认后再移至', en: 'The last move is still awaiting the server; after it, moving to' },
  // A move someone else made first: the card is where it was to go, and that is no refusal to the one who asked.
  // A move refused because someone else gave the item to another (or to no one) meanwhile: why the user can no longer make it.
  notMovedReassigned: { zh: '未移动：已由他人改派给{name}，此项已不由您办理', en: 'Not moved: someone else reassigned it to {name}; it is no longer yours to move' },
  noAssignee: { zh: '（无承办人）', en: '(no one)' },
  movedByOther: { zh: '已由他人移至“{to}”', en: 'Someone else had already moved it to “{to}”' },
  queuedDropped: {
    zh: '上一次移动未被接受，其后的移动也未执行，卡片留在服务器所示位置',
    en: 'The earlier move was not accepted, so the later one was not made either; the card stays where the server has it',
  },
  // Said in an open move dialog when someone else changes its card meanwhile: its submit would be refused as out of date.
  draftOvertaken: {
    zh: '该卡片刚被他人更新，本次提交会被拒绝。请取消，按最新情况重新办理；已填写的内容会在再次办理时恢复。',
    en: 'Someone else just changed this card, so this submission would be refused. Cancel and make the move again from the card as it is now; what you typed comes back when you do.',
  },
  draftOvertakenTo: {
    zh: '该卡片刚被他人移至“{state}”，本次提交会被拒绝。请取消，按最新情况重新办理；已填写的内容会在再次办理时恢复。',
    en: 'Someone else just moved this card to {state}, so this submission would be refused. Cancel and make the move again from the card as it is now; what you typed comes back when you do.',
  },
  // The office moves the campaign into its next phase (推进阶段) from the board's head; the phase left is frozen.
  advanceButton: { zh: '推进阶段…', en: 'Advance phase…' },
  // Before its day the office's button says when it opens, not nothing: a new campaign's board had no button, while its
  // creation page said to advance from it.
  advanceOpens: { zh: '“{next}”阶段 {date} 开始，届时可从此处推进；时间窗口可在配置页调整', en: '{next} opens on {date}: the campaign can advance from here then. The phase windows are set in the settings' },
  concludeOpens: { zh: '“{current}”阶段 {date} 结束，届时可从此处结束专项行动；时间窗口可在配置页调整', en: '{current} ends on {date}: the campaign can be concluded from here then. The phase windows are set in the settings' },
  advanceWindows: { zh: '调整时间窗口', en: 'Phase windows' },
  advanceTitle: { zh: '推进到“{next}”', en: 'Advance to {next}' },
  advanceFrom: { zh: '当前阶段：{current}（{window}）', en: 'Now: {current} ({window})' },
  surveyOpens: { zh: '摸排核查 {start} 开始', en: 'the survey opens {start}' },
  advanceMet: { zh: '本阶段的完成条件均已满足。', en: "This phase's exit criteria are all met." },
  advanceUnmet: { zh: '以下完成条件尚未满足：', en: 'These exit criteria are not met:' },
  advanceBlocking: { zh: '{n} 项未达到', en: '{n} items short of it' },
  advanceBlockingOne: { zh: '1 项未达到', en: '1 item short of it' },
  advanceReason: { zh: '推进理由（完成条件未满足时必填）', en: 'Why advance now (required while a criterion is not met)' },
  // As a text past its limit names it (see ui/text-limit.ts).
  advanceReasonNoun: { zh: '推进理由', en: 'reason to advance' },
  advanceFreezes: {
    zh: '推进后，“{current}”阶段的完成报告即定稿，此后不再变动；“{next}”阶段的期限和督办随之生效。',
    en: 'Advancing freezes the {current} report, which will not change after; the {next} phase begins.',
  },
  // Concluding is the one advance after which nothing moves: said plainly, with what it leaves open.
  advanceFreezesLast: {
    zh: '推进后，“{current}”阶段的完成报告即定稿，此后不再变动。',
    en: 'Advancing freezes the {current} report, which will not change after.',
  },
  advanceConcludes: {
    zh: '专项行动结束后，不能再新建、流转或修改任何线索和问题，此操作不能撤销。',
    en: 'Once the campaign is concluded, no clue or problem can be created, moved or changed; this cannot be undone.',
  },
  advanceLeftOpen: {
    zh: '目前仍有 {clues} 条线索、{problems} 个问题未办结，结束后将保持现状。',
    en: '{clues} clues and {problems} problems are still open; they will stay as they are.',
  },
  advanceConfirm: { zh: '确认推进', en: 'Advance' },
  concludeTitle: { zh: '结束专项行动', en: 'Conclude the campaign' },
  concludeConfirm: { zh: '确认结束', en: 'Conclude' },
  advanceWindowEnded: {
    zh: '“{next}”阶段的时间窗口已于 {end} 结束，无法推进：请先在专项配置中调整各阶段的时间窗口。',
    en: 'The {next} window ended on {end}, so the campaign cannot advance into it: change the phase windows in the settings first.',
  },
  advanceToSettings: { zh: '前往专项配置', en: 'Open the settings' },
  advanced: { zh: '已进入“{next}”；“{current}”阶段报告已定稿', en: 'Now in {next}; the {current} report is frozen' },
  frozenReport: { zh: '查看“{phase}”阶段报告', en: 'Open the {phase} report' },
  // Out of preparation there is no phase's report to freeze: what was found meanwhile counts in the survey's.
  started: { zh: '已进入“{next}”；筹备期间录入的线索计入本阶段报告', en: 'Now in {next}; clues entered during preparation count in its report' },
  removeFilter: { zh: '取消这项筛选', en: 'Remove this filter' },
  // The toolbar's name for a screen reader: the filters and views it holds (it was named after its search box).
  filters: { zh: '筛选', en: 'Filters' },
  // Read after the phone's 筛选 button, whose badge shows the number alone.
  filtersInForceCount: { zh: '，{n} 项生效', en: ', {n} in force' },
  // A card's time in its state, as a screen reader reads it in the card's description (the face shows "3天" / "3d").
  inStateFor: { zh: '在本状态 {age}', en: 'In this state for {age}' },
  // The campaign's file storage nearly full, told to the office beside the phase (it sets the limit).
  storageChip: { zh: '附件存储已用 {percent}%', en: 'Files {percent}% of limit' },
  storageChipFull: { zh: '附件存储已满', en: 'File storage full' },
  storageChipTitle: {
    zh: '本专项附件已用 {percent}%（上限 {quota} MB，剩余 {left}），存满后将无法上传文件；点此到专项配置调高上限',
    en: "The campaign's files take {percent}% of the {quota} MB allowed ({left} left); once full, no file can be uploaded. Raise the limit in the settings",
  },
  // A read of the board the server refused (a filter in the address it does not take) or that got no answer.
  boardFailed: { zh: '看板加载失败', en: 'The board could not be loaded' },
  // Selecting cards for a batch (多选).
  select: { zh: '多选', en: 'Select' },
  selectTitle: { zh: '选择多张卡片后批量处理（也可 Ctrl/⌘ 单击卡片选择，Shift 单击连选同列卡片）', en: 'Select cards to change them together (or Ctrl/⌘-click a card; Shift-click selects a run of a column)' },
  selectColumn: { zh: '选择“{column}”中全部可处理卡片', en: 'Select every card in {column} you may change' },
  selectColumnShown: { zh: '选择“{column}”中全部可处理卡片（先载入尚未显示的卡片，一次至多 {max} 张）', en: 'Select every card in {column} you may change (the cards not shown yet are read first, up to {max} at once)' },
  columnOverLimit: {
    zh: '一次批量至多 {max} 项：“{column}”中只选了一部分卡片，处理后可再选其余卡片',
    en: 'A batch takes at most {max} items: only some of the cards in {column} are selected; select the rest after changing these',
  },
  cardHelpSelecting: {
    zh: '按 Enter 或空格键选择或取消选择；按 Esc 退出多选。方向键在卡片间移动，Home、End 键跳到本列第一张、最后一张。按 ? 查看全部按键。',
    en: 'Press Enter or Space to select or unselect it; press Esc to stop selecting. Arrow keys move between cards; Home and End go to the first and last card of the column. Press ? for every key.',
  },
  selectingHint: {
    zh: '单击卡片（或按空格键）选择，Shift 单击连选；拖动任一所选卡片，可将所选卡片一并移至另一列',
    en: 'Click cards (or press Space) to select them, Shift-click for a run; drag any of them to move them all to another column',
  },
  selectingHintTouch: {
    zh: '轻点卡片选择或取消选择；拖动任一所选卡片，可将所选卡片一并移至另一列',
    en: 'Tap cards to select or unselect them; drag any of them to move them all to another column',
  },
  // The keys the board takes, listed by `?` (keys-help.tsx); each line says what the key does where the focus is.
  keysTitle: { zh: '看板键盘操作', en: 'Board keyboard keys' },
  keySpace: { zh: '空格', en: 'Space' },
  keyClick: { zh: '单击', en: 'click' },
  keysTab: { zh: '进入看板（回到上次所在的卡片），再按一次到该卡片的“移至…”按钮，再按离开看板', en: 'Enter the board (on the card you were last on), then its Move to… button, then leave the board' },
  keysUpDown: { zh: '在本列（或本分组格）的卡片间上下移动；到底再按 ↓ 到“加载更多”', en: 'Go up and down the cards of the column (or the lane’s cell); ↓ past the last goes to Load more' },
  keysLeftRight: { zh: '到左边或右边有卡片的列中位置最近的卡片', en: 'Go to the nearest card of the next column left or right that has cards' },
  keysHomeEnd: { zh: '到本列第一张、已载入的最后一张卡片', en: 'Go to the first card of the column, or the last one loaded' },
  keysOpen: { zh: '打开卡片详情；多选时选择或取消选择', en: 'Open the card’s details; while selecting, select or unselect it' },
  keysMove: { zh: '打开卡片的移动菜单（可移动的卡片）', en: 'Open the card’s move menu (a card you may move)' },
  keysSelect: { zh: '选择或取消选择一张卡片；Shift 单击连选同列卡片', en: 'Select or unselect a card; Shift-click selects a run of a column' },
  keysEscape: { zh: '关闭菜单、对话框或详情；退出多选', en: 'Close a menu, a dialog or the details; stop selecting' },
  keysSearch: { zh: '到搜索框', en: 'Go to the search box' },
  keysHelp: { zh: '显示本说明', en: 'Show these keys' },
  // Said above the columns when the board has no card in any of them: whether the filters hid them all, or there is none yet.
  noMatchClues: { zh: '没有符合筛选条件的线索', en: 'No clues match these filters' },
  noMatchProblems: { zh: '没有符合筛选条件的问题', en: 'No problems match these filters' },
  filtersInForce: { zh: '筛选条件：{names}', en: 'Filtered by {names}' },
  clearAllFilters: { zh: '清除筛选', en: 'Clear filters' },
  noCluesYet: { zh: '本专项行动还没有线索', en: 'This campaign has no clues yet' },
  noProblemsYet: { zh: '本专项行动还没有问题', en: 'This campaign has no problems yet' },
  // A lead or an officer sees their own units' items only: the campaign may well have others.
  noCluesYetInScope: { zh: '您所在单位在本专项行动中还没有线索', en: 'Your units have no clues in this campaign yet' },
  noProblemsYetInScope: { zh: '您所在单位在本专项行动中还没有问题', en: 'Your units have no problems in this campaign yet' },
  draggingMany: { zh: '{n} 张卡片', en: '{n} cards' },
  noneMayGo: { zh: '所选卡片均不能移至“{state}”', en: 'None of the selected cards may move to {state}' },
  // Said when a card that may not move is pressed and dragged: a Kanban card that will not budge, and no word why, reads as a broken board.
  fixedReadOnly: { zh: '您的账号只能查看，不能移动卡片', en: 'Your account can view cards but not move them' },
  fixedConcluded: { zh: '专项行动已结束，卡片不能再移动', en: 'The campaign has concluded: cards no longer move' },
  fixedClosedClue: { zh: '“{state}”的线索已办结，不能再移动', en: 'This clue is closed ({state}): it moves no further' },
  fixedClosedProblem: { zh: '“{state}”的问题已办结，不能再移动', en: 'This problem is closed ({state}): it moves no further' },
  fixedNoMoveOfYours: { zh: '此卡片当前没有您可执行的移动，点击可查看详情', en: 'None of this card’s moves is yours to make now; click it for its details' },
  oneByOneDrop: { zh: '移至“{state}”需逐项填写各自信息，请逐张移动', en: 'A move to {state} needs each card’s own figures: move them one by one' },
} satisfies Record<string, Label>;

export type BoardMessageKey = keyof typeof boardMessages;

/** A text of the board's own in the current language, with {placeholders} filled in. */
export const bm = (key: keyof typeof boardMessages, values: Readonly<Record<string, string | number>> = {}): string => trFilled(boardMessages[key], values);
