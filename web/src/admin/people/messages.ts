import type { Label } from '../../../../engine/labels';
import { tr, trFilled } from '../../i18n/i18n';

/** The texts of people administration and of the forced password change. */
export const peopleMessages = {
  pageTitle: { zh: '人员与单位管理', en: 'People and units' },
  navPeople: { zh: '人员管理', en: 'People' },
  backToBoard: { zh: '返回看板', en: 'Back to the board' },
  // A read of the accounts, units, policy or sessions that failed, and none read before (it is tried again when it may pass).
  loadFailed: { zh: '人员与单位加载失败', en: 'The people and units could not be loaded' },
  sessionsFailed: { zh: '登录会话加载失败', en: 'The sessions could not be loaded' },
  tabUsers: { zh: '用户', en: 'Users' },
  tabBulk: { zh: '批量创建', en: 'Bulk create' },
  tabUnits: { zh: '单位', en: 'Units' },
  tabPolicy: { zh: '密码策略', en: 'Password policy' },
  tabLog: { zh: '操作记录', en: 'Activity log' },
  tabSessions: { zh: '登录会话', en: 'Sessions' },
  tabsLabel: { zh: '人员与单位管理栏目', en: 'People and units sections' },
  sessionsLead: {
    zh: '尚未到期的登录会话，按账号汇总，大屏显示在前。结束某个账号的会话后，它在所有设备上都须重新登录。',
    en: "Sessions not yet past their expiry, by account, wall displays first. Ending an account's sessions signs it out on every device.",
  },
  sessionsEmpty: { zh: '没有尚未到期的登录会话', en: 'No session is open' },
  sessionCount: { zh: '会话数', en: 'Sessions' },
  sessionDisplay: { zh: '大屏显示', en: 'Wall display' },
  lastSeenAt: { zh: '最近活动', en: 'Last active' },
  expiresAt: { zh: '最晚到期', en: 'Last expiry' },
  endSessions: { zh: '结束该账号的会话', en: "End this account's sessions" },
  confirmEndSessions: { zh: '该账号将在所有设备上被登出（包括大屏）。确定结束？', en: 'The account will be signed out on every device, wall displays included. End its sessions?' },
  logLead: {
    zh: '人员、单位和密码策略的每一次变更都记入与办理记录同一条防篡改的审计链，不含任何密码。',
    en: 'Every change to people, units and the password policy is in the same tamper-evident audit chain as the case work, without any password.',
  },
  logWhen: { zh: '时间', en: 'When' },
  logWho: { zh: '操作人', en: 'By' },
  logWhat: { zh: '对象', en: 'Subject' },
  logEvent: { zh: '操作', en: 'Action' },
  logDetail: { zh: '内容', en: 'Details' },
  logFirstStart: { zh: '系统（首次启动）', en: 'System (first start)' },
  logAllUsers: { zh: '全部用户', en: 'All users' },
  logAllUnits: { zh: '全部单位', en: 'All units' },
  logEmpty: { zh: '没有记录', en: 'No entries' },
  logMore: { zh: '加载更早的记录', en: 'Load older entries' },
  logSessionsEnded: { zh: '结束登录会话', en: 'Sessions ended' },
  logGuessesForgotten: { zh: '解除登录限制（清除密码错误次数）', en: 'Sign-in lock lifted (wrong passwords cleared)' },
  logGenerated: { zh: '系统生成临时密码', en: 'Generated temporary password' },
  logChosen: { zh: '管理员设定临时密码', en: 'Temporary password chosen by the administrator' },
  logBulk: { zh: '批量创建', en: 'Bulk created' },
  sortOrder: { zh: '排序', en: 'Order' },
  passwordPolicy: { zh: '密码策略', en: 'Password policy' },
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Name' },
  role: { zh: '角色', en: 'Role' },
  unit: { zh: '单位', en: 'Unit' },
  status: { zh: '状态', en: 'Status' },
  actions: { zh: '操作', en: 'Actions' },
  active: { zh: '启用', en: 'Active' },
  disabled: { zh: '已停用', en: 'Disabled' },
  mustChange: { zh: '待改密码', en: 'Must change password' },
  leads: { zh: '负责单位', en: 'Leads' },
  newUser: { zh: '新建用户', en: 'New user' },
  initialPassword: { zh: '初始密码', en: 'Initial password' },
  initialPasswordHint: { zh: '用户首次登录后须修改', en: 'The user must change it at first sign-in' },
  create: { zh: '创建', en: 'Create' },
  save: { zh: '保存', en: 'Save' },
  edit: { zh: '编辑', en: 'Edit' },
  cancel: { zh: '取消', en: 'Cancel' },
  disable: { zh: '停用', en: 'Disable' },
  enable: { zh: '启用', en: 'Enable' },
  reset: { zh: '重置密码', en: 'Reset password' },
  confirmReset: {
    zh: '重置后该用户立即在所有设备上被登出，须用临时密码登录并修改密码；因密码错误过多而被限制登录的，随即解除。确定重置？',
    en: 'Resetting signs the user out everywhere at once; they sign in with a temporary password and must change it. A lock from too many wrong passwords is lifted. Reset?',
  },
  confirmDisable: { zh: '停用后该用户立即被登出且无法登录。确定停用？', en: 'Disabling signs the user out at once and stops them signing in. Disable?' },
  confirmDisableHolding: {
    zh: '该用户仍承办 {n} 项在办事项，停用后这些事项仍记在其名下，需由单位负责人重新分派。停用后该用户立即被登出且无法登录。确定停用？',
    en: 'This user still has {n} open items; they stay assigned to them until a unit lead reassigns them. Disabling signs the user out at once and stops them signing in. Disable?',
  },
  holding: { zh: '在办 {n} 项', en: '{n} open items' },
  holdingDisabled: { zh: '仍承办 {n} 项，待重新分派', en: 'Still holds {n} open items: to reassign' },
  dismiss: { zh: '关闭', en: 'Close' },
  resetDone: { zh: '密码已重置，用户的登录已全部失效。临时密码（只显示这一次）：', en: 'Password reset; all the user\'s sessions have ended. Temporary password (shown this once):' },
  saved: { zh: '已保存', en: 'Saved' },
  filter: { zh: '按用户名或姓名筛选', en: 'Filter by username or name' },
  bulkLead: {
    zh: '粘贴或选择 CSV 文件（UTF-8 或 GBK 编码，即 Excel 另存的 CSV），首行为列名：用户名、姓名、角色、单位（编码或名称）、初始密码（也可用英文列名 username, displayName, role, unit, password）。每次最多 60,000 个字符（约 1,000 个账号）。任何一行有误则不创建任何账号。',
    en: 'Paste or choose a CSV (UTF-8 or GBK, as Excel saves one) whose first row names the columns: username, displayName, role, unit (code or name), password (Chinese headers work too). At most 60,000 characters at a time (about 1,000 accounts). If any row is wrong, no account is created.',
  },
  bulkTooLong: { zh: '内容过长：每次最多 60,000 个字符（约 1,000 个账号），请分批创建', en: 'Too long: at most 60,000 characters at a time (about 1,000 accounts); create them in parts' },
  bulkUnreadable: { zh: '无法识别文件的文字编码：请另存为 UTF-8 或 GBK 编码的 CSV', en: 'The file’s text encoding is not one Battlemap reads: save it as CSV in UTF-8 or GBK' },
  chooseCsv: { zh: '选择 CSV 文件', en: 'Choose a CSV file' },
  check: { zh: '预检', en: 'Check' },
  createAll: { zh: '全部创建', en: 'Create all' },
  bulkValid: { zh: '行可以创建', en: 'rows can be created' },
  bulkOf: { zh: '共', en: 'of' },
  bulkCreated: { zh: '已创建账号', en: 'Accounts created' },
  bulkRefused: { zh: '有错误，未创建任何账号', en: 'Problems found; no account was created' },
  row: { zh: '行号', en: 'Row' },
  column: { zh: '列', en: 'Column' },
  reason: { zh: '问题', en: 'Problem' },
  unitCode: { zh: '编码', en: 'Code' },
  nameZh: { zh: '中文名称', en: 'Name (Chinese)' },
  nameEn: { zh: '英文名称', en: 'Name (English)' },
  englishOptional: { zh: '选填，留空则用中文名称', en: 'Optional: the Chinese name if left empty' },
  kind: { zh: '类型', en: 'Kind' },
  parent: { zh: '上级单位', en: 'Parent unit' },
  mapFeature: { zh: '地图要素编号', en: 'Map feature id' },
  unitLeads: { zh: '单位负责人', en: 'Unit leads' },
  leadsByRole: { zh: '未指定；按角色由本单位负责人接收督办', en: 'None named: the unit\'s lead-role users receive escalations' },
  holds: { zh: '人员 / 事项', en: 'People / items' },
  newUnit: { zh: '新建下级单位', en: 'New unit below' },
  // Beside the tree while no unit is chosen: a new unit is made below the one it belongs to (there is no button of its own).
  pickUnitHint: { zh: '点击单位名称可编辑该单位，或在其下“新建下级单位”。', en: 'Click a unit’s name to edit it, or to add a “New unit below” it.' },
  retire: { zh: '撤销', en: 'Retire' },
  restore: { zh: '恢复', en: 'Restore' },
  retired: { zh: '已撤销', en: 'Retired' },
  delete: { zh: '删除', en: 'Delete' },
  deleteHint: { zh: '只有从未有人员、事项、下级单位或记录的单位可以删除；其他单位请撤销', en: 'Only a unit that never held people, items, units below it or history can be deleted; retire the others' },
  confirmDelete: { zh: '确定删除该单位？', en: 'Delete this unit?' },
  confirmRetire: {
    zh: '撤销后，该单位不再接收新的人员和事项；其 {users} 名人员和 {items} 条线索或问题保持原样，可继续办理或转办。可以随时恢复。确定撤销？',
    en: 'Once retired, the unit takes no new people or items; its {users} users and {items} clues or problems stay as they are, to be worked or transferred. It can be restored at any time. Retire it?',
  },
  routingNote: {
    zh: '二级督办（超期）发给事项所属单位的负责人；未指定负责人的单位由其本单位负责人角色接收，再无则逐级上报；三级督办发给专项办的负责人。',
    en: 'Level 2 escalations (overdue) go to the leads of the item\'s unit; a unit with none named falls back to its lead-role users, then to the unit above; level 3 goes to the campaign office\'s leads.',
  },
  minLength: { zh: '最短长度（字符）', en: 'Minimum length (characters)' },
  reuseHistory: { zh: '不得重复使用最近几次的密码', en: 'Refuse reuse of the last N passwords' },
  policyNote: { zh: '新策略对之后设置的密码生效；已有密码不受影响。', en: 'The policy applies to passwords set from now on; existing ones are not affected.' },
  changeTitle: { zh: '请修改密码', en: 'Change your password' },
  changeLead: { zh: '您的密码由管理员设置或重置，继续使用前请设置自己的新密码。', en: 'Your password was set or reset by an administrator; choose your own before you go on.' },
  currentPassword: { zh: '当前密码', en: 'Current password' },
  newPassword: { zh: '新密码', en: 'New password' },
  repeatPassword: { zh: '再次输入新密码', en: 'New password again' },
  mismatch: { zh: '两次输入的新密码不一致', en: 'The two new passwords differ' },
  changeSubmit: { zh: '修改密码', en: 'Change password' },
  ownChangeTitle: { zh: '修改密码', en: 'Change password' },
  ownChangeLead: { zh: '修改后，您在其他设备和浏览器上的登录将结束，本页保持登录。', en: 'Once changed, you are signed out everywhere else; this page stays signed in.' },
  ownChanged: { zh: '密码已修改', en: 'Your password is changed' },
  back: { zh: '返回', en: 'Back' },
  accountLink: { zh: '修改密码', en: 'Change password' },
  selfRow: { zh: '本人账号', en: 'Your account' },
  refresh: { zh: '刷新', en: 'Refresh' },
  adminOnly: { zh: '只有系统管理员可以管理人员和单位', en: 'Only an administrator may manage people and units' },
} satisfies Record<string, Label>;

export type PeopleMessageKey = keyof typeof peopleMessages;

/** One of these texts in the current language. */
export function pt(key: PeopleMessageKey): string {
  return tr(peopleMessages[key]);
}

/** One of the people pages' texts with {placeholders} filled in. */
export function ptFilled(key: PeopleMessageKey, values: Readonly<Record<string, string | number>>): string {
  return trFilled(peopleMessages[key], values);
}

/** A row's action named with whom it acts on ("编辑 张三"): the same button in every row, told apart when read aloud. */
export function ptOn(key: PeopleMessageKey, name: string): string {
  return `${pt(key)} ${name}`;
}
