import type { Label } from '../../../../engine/labels';
import { tr, trFilled } from '../../i18n/i18n';

/** The texts of the campaign settings screens; state, phase and measure names come from the engine's labels. */
export const campaignAdminMessages = {
  navSettings: { zh: '专项配置', en: 'Settings' },
  title: { zh: '专项行动配置', en: 'Campaign settings' },
  officeOnly: { zh: '只有专项办可以查看和修改专项行动的配置。', en: "Only the campaign office may view and change a campaign's configuration." },
  appliesFromNow: {
    zh: '修改后的时限和督办阈值只适用于此后进入相应状态的事项；已在办事项的到期时间保持不变。每次修改都记入审计日志。',
    en: 'Changed time limits and escalation thresholds apply only to items that enter a state from now on; due times already set stay as they were. Every change is recorded in the audit log.',
  },
  save: { zh: '保存', en: 'Save' },
  saving: { zh: '正在保存…', en: 'Saving…' },
  saved: { zh: '已保存', en: 'Saved' },
  notSaved: { zh: '未保存：有数字无法识别，请检查标出的栏目', en: 'Not saved: a number could not be read; see the fields marked' },
  notANumber: { zh: '应为数字', en: 'Must be a number' },
  reset: { zh: '撤销修改', en: 'Discard changes' },
  changedElsewhere: { zh: '配置刚被他人修改，已载入；您未保存的修改仍在。', en: 'Someone else just changed the configuration: it is loaded, and your unsaved changes are kept.' },
  conflict: { zh: '配置已被他人修改：已载入他人的修改，您未保存的修改仍在，请检查后再次保存。', en: 'Someone else changed the configuration: their change is loaded and yours is kept, unsaved; check it and save again.' },
  // Asked before the page is left (a link, Back) while a section holds edits not saved; each section named by its title.
  leaveUnsavedTitle: { zh: '有未保存的修改', en: 'Unsaved changes' },
  leaveUnsavedOne: { zh: '栏目{sections}有未保存的修改，离开本页将丢失这些修改。', en: 'The section {sections} holds unsaved changes: leaving the page loses them.' },
  leaveUnsaved: { zh: '以下栏目有未保存的修改：{sections}。离开本页将丢失这些修改。', en: 'These sections hold unsaved changes: {sections}. Leaving the page loses them.' },
  leaveWithoutSaving: { zh: '不保存，离开', en: 'Leave without saving' },
  general: { zh: '基本信息', en: 'General' },
  code: { zh: '代号', en: 'Code' },
  nameZh: { zh: '中文名称', en: 'Name (Chinese)' },
  nameEn: { zh: '英文名称', en: 'Name (English)' },
  englishOptional: { zh: '选填，留空则用中文名称', en: 'Optional: the Chinese name if left empty' },
  // The new category's code: chosen here, or made by the server (category-9) when left empty.
  codeOptional: { zh: '留空自动生成', en: 'Auto if empty' },
  startsOn: { zh: '开始日期', en: 'Starts on' },
  endsOn: { zh: '结束日期', en: 'Ends on' },
  timeZone: { zh: '时区', en: 'Time zone' },
  state: { zh: '当前阶段', en: 'Current phase' },
  windows: { zh: '阶段时间窗口', en: 'Phase windows' },
  windowsLead: { zh: '各阶段的起止日期（含首尾两天），须在专项行动起止日期之内并依次排列，可以交叠。', en: "Each phase's first and last day, inclusive; inside the campaign's dates and in order. They may overlap." },
  start: { zh: '开始', en: 'Start' },
  end: { zh: '结束', en: 'End' },
  exitCriteria: { zh: '阶段完成条件', en: 'Exit criteria' },
  exitLead: { zh: '推进到下一阶段前须满足的条件；未满足时专项办须写明理由方可推进。', en: 'What must hold before the office advances to the next phase; with any unmet, the office must give a reason.' },
  addCriterion: { zh: '添加条件', en: 'Add criterion' },
  remove: { zh: '删除', en: 'Remove' },
  // The header of a table's last column, read to screen readers only: its buttons say what they do.
  actions: { zh: '操作', en: 'Actions' },
  noCriteria: { zh: '（无条件）', en: '(none)' },
  criterionKind: { zh: '条件类型', en: 'Kind' },
  atOrAbove: { zh: '及以上', en: 'and above' },
  escalationLevel: { zh: '督办级别', en: 'Escalation level' },
  timeLimits: { zh: '办理时限（自然日）', en: 'Time limits (calendar days)' },
  clueStates: { zh: '线索', en: 'Clues' },
  problemStates: { zh: '问题', en: 'Problems' },
  escalation: { zh: '督办阈值', en: 'Escalation thresholds' },
  dueSoonHours: { zh: '到期前多少小时提示临期', en: 'Due soon: hours before the due time' },
  longOverdueDays: { zh: '超期多少天升级为严重超期（专项办督办）', en: 'Long overdue: days after the due time (raised to the office)' },
  wipLimits: { zh: '在办上限（每个单位每列）', en: 'WIP limits (per unit, per column)' },
  extensions: { zh: '延期', en: 'Deadline extensions' },
  webhook: { zh: '通知接口（Webhook）', en: 'Webhook' },
  webhookLead: {
    zh: '督办升级和延期申请（提出、批准、不予批准、随办结终止）推送至局内消息系统的地址，每次推送以 HMAC-SHA256 签名（X-Battlemap-Signature），失败自动重试。留空地址并保存即停止推送。',
    en: "Where escalations and requests for more time (asked, granted, declined, ended) are POSTed: the bureau's own messaging, on its network. Each delivery is signed with HMAC-SHA256 (X-Battlemap-Signature) and retried until taken. Empty the address and save to stop.",
  },
  webhookUrl: { zh: '推送地址', en: 'Address' },
  webhookSecret: { zh: '签名密钥', en: 'Signing secret' },
  webhookSecretKept: { zh: '已设置；留空则不变', en: 'Set; leave empty to keep it' },
  webhookSecretNew: { zh: '至少 16 个字符', en: '16 characters or more' },
  webhookOn: { zh: '推送已开启。', en: 'Deliveries are on.' },
  webhookOff: { zh: '未设置推送地址，不推送。', en: 'No address: nothing is sent.' },
  webhookPending: { zh: '待推送 {n} 条。', en: '{n} waiting to be delivered.' },
  webhookFailing: { zh: '其中 {n} 条推送失败，正在重试（最近一次：{error}）。', en: '{n} of them failed and are being retried (latest: {error}).' },
  webhookFailingOne: { zh: '其中 {n} 条推送失败，正在重试（最近一次：{error}）。', en: '{n} of them failed and is being retried (latest: {error}).' },
  webhookTest: { zh: '发送测试推送', en: 'Send a test delivery' },
  webhookTesting: { zh: '正在发送…', en: 'Sending…' },
  webhookTestDelivered: { zh: '测试推送已送达（HTTP {status}，{ms} 毫秒）。', en: 'The test was delivered (HTTP {status}, {ms} ms).' },
  webhookTestFailed: { zh: '测试推送未送达：{error}', en: 'The test was not delivered: {error}' },
  extensionsByLead: { zh: '单位负责人在同一状态可延期次数', en: 'Extensions a unit lead may give an item in one state' },
  extensionsLead: {
    zh: '达到次数后，单位负责人不能再延期，可提交延期申请，由专项办审批；专项办延期不限次数。留空表示不设上限，填 0 表示延期一律由专项办审批。',
    en: 'Past this, a unit lead asks for more time instead and the office decides; the office extends without limit. Leave empty for no limit; 0 leaves every extension to the office.',
  },
  attachmentStorage: { zh: '附件存储', en: 'File storage' },
  attachmentLead: {
    zh: '本专项各事项的附件合计可占用的空间，含已移除的附件（历史记录仍可打开，空间不释放）；达到上限后不能再上传附件。留空表示不设上限。',
    en: "The room the files attached to the campaign's items may take in all, removed ones included (the history still opens them, so their room is kept); past it no file can be attached. Leave empty for no limit.",
  },
  attachmentQuotaMb: { zh: '附件存储上限（MB）', en: 'Storage limit for files (MB)' },
  attachmentsUsed: { zh: '已用 {size}，共 {n} 个文件。', en: '{size} used by {n} files.' },
  attachmentsUsedOne: { zh: '已用 {size}，共 1 个文件。', en: '{size} used by 1 file.' },
  attachmentsNearlyFull: { zh: '即将存满：存满后将无法上传文件，请调高上限。', en: 'Nearly full: once full, no file can be uploaded. Raise the limit.' },
  attachmentsUsedOf: { zh: '已用 {size}（上限的 {percent}%），共 {n} 个文件。', en: '{size} used ({percent}% of the limit) by {n} files.' },
  attachmentsUsedOfOne: { zh: '已用 {size}（上限的 {percent}%），共 1 个文件。', en: '{size} used ({percent}% of the limit) by 1 file.' },
  wipLead: { zh: '一个单位在某列的卡片超过上限时，看板会标红提示。留空表示不设上限。', en: "A unit holding more cards in a column than this is highlighted on the board. Leave empty for no limit." },
  targets: { zh: '单位目标', en: 'Unit targets' },
  targetsLead: { zh: '各单位每个阶段的目标，作战图和阶段报告以实际完成数对照显示。', en: 'Per unit and phase; the battle map and the phase reports show them against actuals.' },
  unit: { zh: '单位', en: 'Unit' },
  phase: { zh: '阶段', en: 'Phase' },
  metric: { zh: '指标', en: 'Measure' },
  value: { zh: '目标值', en: 'Target' },
  addTarget: { zh: '添加目标', en: 'Add target' },
  targetFrozen: { zh: '已定稿', en: 'Frozen' },
  targetsFrozenNote: {
    zh: '已结束阶段（{phases}）的目标已随阶段报告定稿，不能再改；阶段报告按定稿时的目标对照各单位完成情况。',
    en: 'The targets of the phases that have ended ({phases}) were frozen with their reports and cannot be changed; each phase report counts against them.',
  },
  categories: { zh: '案件类别', en: 'Crime categories' },
  categoriesLead: { zh: '停用的类别不再出现在新建表单和导入中，已有事项保留原类别，历史统计不受影响。', en: 'A retired category leaves create forms and imports; items keep it and reports still count them.' },
  order: { zh: '排序', en: 'Order' },
  retired: { zh: '已停用', en: 'Retired' },
  retire: { zh: '停用', en: 'Retire' },
  restore: { zh: '恢复', en: 'Restore' },
  addCategory: { zh: '添加类别', en: 'Add category' },
  map: { zh: '作战图地图', en: 'Battle map outline' },
  mapLead: {
    zh: '上传 GeoJSON FeatureCollection（Polygon 或 MultiPolygon 区域，每个区域有唯一 id，最大 8 MB）。单位按其“地图要素编号”（人员管理 → 单位，由系统管理员设置）对应到区域。',
    en: 'Upload a GeoJSON FeatureCollection (Polygon or MultiPolygon features, each with a unique id; at most 8 MB). Units link to features by their map feature id (People → Units, set by the administrator).',
  },
  noMap: { zh: '尚未上传地图。', en: 'No map uploaded yet.' },
  mapFeatures: { zh: '个区域', en: 'features' },
  unitsWithoutFeature: {
    zh: '以下单位的地图要素编号在此地图中不存在，作战图上列在“地图外的单位”中（由系统管理员在人员管理 → 单位中更正）：',
    en: 'These units name a feature this map lacks and are listed with the units off the map (the administrator corrects them in People → Units):',
  },
  uploadMap: { zh: '上传地图', en: 'Upload map' },
  downloadMap: { zh: '下载地图', en: 'Download map' },
  removeMap: { zh: '移除地图', en: 'Remove map' },
  confirmRemoveMap: {
    zh: '移除后作战图不再显示区域轮廓（单位的地图要素编号保留，重新上传后照常显示）。确定移除？',
    en: 'The battle map will show no outline (units keep their map feature ids and are drawn again once a map is uploaded). Remove the map?',
  },
  categoryCodeHint: { zh: '代号用于导入和导出；修改代号不影响已有事项。', en: ' Codes are used by imports and exports; changing one changes no item.' },
  newCampaign: { zh: '新建专项行动', en: 'New campaign' },
  concludedReadOnly: {
    zh: '该专项行动已结束，配置只可查看，不能再改。可在页面底部“新建专项行动”中以它的配置新建一个专项行动。',
    en: 'This campaign has concluded: its settings can be read, not changed. A new campaign can be made from them at the foot of the page (New campaign).',
  },
  newLead: { zh: '可新建空白专项，或复制本专项的配置、在用类别和地图（各阶段窗口按新日期顺延）。', en: "Start blank, or copy this campaign's configuration, active categories and map (windows moved to the new dates)." },
  create: { zh: '创建', en: 'Create' },
  created: { zh: '已创建，正在打开新专项的配置', en: "Created; opening the new campaign's settings" },
  newPageLead: {
    zh: '填写代号、名称和起止日期即可创建；创建后在配置页设置各阶段时间窗口、完成条件、办理时限、类别、目标和地图，摸排核查窗口开始后从看板“推进阶段…”进入摸排核查阶段。',
    en: 'A code, the names and the dates are enough to create it; then set the phase windows, exit criteria, time limits, categories, targets and map in its settings, and start the survey from the board (Advance phase…) once its window opens.',
  },
  copyFrom: { zh: '复制配置自', en: 'Copy the configuration of' },
  copyNone: { zh: '不复制（空白专项）', en: 'Nothing (a blank campaign)' },
  officeCreates: {
    zh: '专项行动由专项办建立：请先在“人员”中建立单位和专项办账号，再以专项办账号登录。',
    en: "Campaigns are created by the campaign office: add its units and an office account under People, then sign in as the office.",
  },
  noCampaignYet: { zh: '暂无专项行动，请等待专项办建立。', en: 'No campaign yet: the campaign office has not created one.' },
  toPeople: { zh: '前往人员管理', en: 'Go to People' },
} satisfies Record<string, Label>;

export type CampaignAdminMessage = keyof typeof campaignAdminMessages;

/** One of the settings screens' texts in the current language. */
export function cm(key: CampaignAdminMessage): string {
  return tr(campaignAdminMessages[key]);
}

/** A text of the settings screens with its {placeholders} filled in. */
export function cmFilled(key: CampaignAdminMessage, values: Readonly<Record<string, string | number>>): string {
  return trFilled(campaignAdminMessages[key], values);
}

/** The exit criteria's kinds as the office picks them. */
export const criterionKindLabels: Record<'noCluesIn' | 'noProblemsIn' | 'responsibilityComplete' | 'noOpenEscalations' | 'unitTargetsMet', Label> = {
  noCluesIn: { zh: '没有线索处于所选状态', en: 'No clue left in the chosen states' },
  noProblemsIn: { zh: '没有问题处于所选状态', en: 'No problem left in the chosen states' },
  responsibilityComplete: { zh: '责任清单完整（每条在办事项都有单位和承办人）', en: 'Responsibility list complete (every open item has a unit and an assignee)' },
  noOpenEscalations: { zh: '没有未处理的督办', en: 'No open escalation' },
  unitTargetsMet: { zh: '各单位完成本阶段目标', en: 'Every unit has met its targets for the phase' },
};
