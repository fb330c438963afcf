import type { Label } from '../../../engine/labels';
import { trFilled } from '../i18n/i18n';

/** The texts of an item's attachments (附件), in the drawer and its history. */
export const attachmentMessages = {
  title: { zh: '附件', en: 'Attachments' },
  none: { zh: '暂无附件', en: 'No files attached' },
  failed: { zh: '附件列表加载失败，请刷新重试', en: 'The files could not be loaded; reload to try again' },
  dropTitle: { zh: '拖放文件到这里，或点击选择', en: 'Drop files here, or click to choose' },
  dropActive: { zh: '松开即上传', en: 'Release to upload' },
  dropHint: {
    zh: '截图、转账记录、笔录、文书等，也可直接粘贴截图（Ctrl+V）；单个文件不超过 20 MB，每个事项最多 50 个',
    en: 'Screenshots, transfer records, statements, documents, or paste a screenshot (Ctrl+V); up to 20 MB a file and 50 files an item',
  },
  // A touch screen can neither drag a file nor paste one: it is tapped, and a phone offers its camera too.
  tapTitle: { zh: '点击选择文件或拍照', en: 'Tap to choose a file or take a photo' },
  tapHint: {
    zh: '截图、转账记录、笔录、文书等；单个文件不超过 20 MB，每个事项最多 50 个',
    en: 'Screenshots, transfer records, statements, documents; up to 20 MB a file and 50 files an item',
  },
  pastedName: { zh: '截图', en: 'Screenshot' },
  choose: { zh: '选择文件', en: 'Choose files' },
  uploading: { zh: '正在上传', en: 'Uploading' },
  uploaded: { zh: '已上传附件', en: 'File attached' },
  tooLarge: { zh: '文件超过 20 MB，未上传', en: 'Larger than 20 MB: not uploaded' },
  dismiss: { zh: '关闭', en: 'Dismiss' },
  // A file whose upload met no server (or a server error): sent again as chosen, not chosen again.
  retry: { zh: '重试', en: 'Try again' },
  attachedBy: { zh: '{name} 上传于 {at}', en: 'Attached by {name}, {at}' },
  download: { zh: '下载 {name}', en: 'Download {name}' },
  remove: { zh: '移除', en: 'Remove' },
  removeReason: { zh: '移除原因', en: 'Why remove it' },
  // As a text past its limit names it (see ui/text-limit.ts).
  removeReasonNoun: { zh: '移除原因', en: 'reason for removing it' },
  removeHint: { zh: '文件从附件中移除，但仍保留在办理记录里，可随时查看。', en: 'The file leaves the list but stays in the history, where it can still be opened.' },
  removeConfirm: { zh: '确认移除', en: 'Remove the file' },
  removed: { zh: '已移除附件', en: 'File removed' },
  fileGone: { zh: '附件 #{id}', en: 'File #{id}' },
  storageNearlyFull: {
    zh: '本专项附件存储已用 {percent}%（上限 {quota} MB，剩余 {left}），存满后将无法上传文件；请专项办在专项配置中调高上限。',
    en: "The campaign's files take {percent}% of the {quota} MB allowed ({left} left); once full, no file can be uploaded: the campaign office can raise the limit in the settings.",
  },
  storageFull: {
    zh: '本专项附件存储已满（上限 {quota} MB），无法再上传文件；请专项办在专项配置中调高上限。',
    en: "The campaign's file storage is full ({quota} MB): no file can be uploaded until the campaign office raises the limit in the settings.",
  },
} satisfies Record<string, Label>;

export type AttachmentMessageKey = keyof typeof attachmentMessages;

export function am(key: AttachmentMessageKey, values: Record<string, string | number> = {}): string {
  return trFilled(attachmentMessages[key], values);
}
