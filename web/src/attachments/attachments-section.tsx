import { For, Show, createResource, createSignal, onCleanup, onMount } from 'solid-js';
import { maxAttachmentBytes, storageSize, storageToWarnOf } from '../../../api/contracts/attachments';
import type { CampaignDetail } from '../../../api/contracts/campaign';
import type { ItemDetail } from '../../../api/contracts/items';
import type { ItemKind } from '../api/client';
import { ApiProblem } from '../api/problem';
import { unlessGone } from '../api/unless-gone';
import { figure } from '../board/format';
import { dateTime } from '../ui/dates';
import { colon, t, tr } from '../i18n/i18n';
import { keptRead } from '../ui/read-shown';
import { toast } from '../ui/toasts';
import { DropZone } from '../ui/drop-zone';
import { fileSize } from '../ui/file-size';
import { attachmentsApi, fileUrl, previewable, type AttachedFile } from './api';
import { am, attachmentMessages } from './messages';
import { Field } from '../board/item-form';
import { serverErrors, type FieldErrors } from '../board/payload-fields';
import { overLimit, withLimit, type TextLimit } from '../ui/text-limit';
import { createTouchScreen } from '../ui/touch-screen';
import './attachments.css';

/** The reason as the server holds it (api/contracts/attachments.ts, detachRequest). */
const removeLimit: TextLimit = { name: 'reason', noun: attachmentMessages.removeReasonNoun, max: 4000 };

/** A file on its way up, or refused: kept in the list until it is attached (then the list has it) or dismissed. */
interface Sending {
  readonly key: number;
  readonly name: string;
  readonly size: number;
  readonly sent: number;
  readonly failed: string | null;
  /** The file again, when its failure may pass (no answer, a server error): offered to be sent again as it was chosen. */
  readonly retry: File | null;
}

/**
 * In an item's drawer: the files attached to it (附件), each opened or
 * downloaded by a click (an image with a thumbnail), with who attached it
 * and when; files dropped or chosen are uploaded one after another with
 * their progress; a file is removed with a reason, by whoever the engine
 * lets (see `removable`). Removed files stay in the history.
 */
export function AttachmentsSection(props: {
  item: ItemDetail;
  kind: ItemKind;
  timeZone: string;
  revision: number;
  mayAct: boolean;
  /** The campaign's file storage against its limit (null with none): warned of when nearly full. */
  storage: CampaignDetail['storage'];
  onChanged: (states: readonly string[]) => void;
  /** Files were stored: what the campaign's take is read again (only where there is a limit). */
  onStorageChanged: () => void;
}) {
  const [filesRead, { refetch }] = createResource(
    () => ({ kind: props.kind, id: props.item.id, revision: props.revision, version: props.item.version }),
    (key) => unlessGone(attachmentsApi.list(key.kind, key.id)),
  );
  const [sending, setSending] = createSignal<readonly Sending[]>([]);
  // A phone neither drags a file in nor pastes one: its box says to tap, which offers its files and its camera.
  const touch = createTouchScreen();
  const [removing, setRemoving] = createSignal<number | null>(null);
  const [reason, setReason] = createSignal('');
  const [removeProblem, setRemoveProblem] = createSignal<string | null>(null);
  // The server's word on the reason (zero-width spaces alone, which look typed), until it is typed again.
  const [refused, setRefused] = createSignal<FieldErrors>({});
  // A reason past its limit is said beside the box as it is typed (see text-limit.ts); the form's other faults below it.
  const reasonErrors = () => withLimit(refused(), removeLimit, reason());
  let removeBox: HTMLTextAreaElement | undefined;
  const [busy, setBusy] = createSignal(false);
  const mayAttach = () => props.mayAct && props.item.changes.includes(`${props.kind}.attach`);
  // Kept as last read when a read again fails (and tried again): the list does not vanish under the user.
  const files = keptRead(filesRead, refetch);
  const listed = () => files() ?? [];
  let nextKey = 0;

  const update = (key: number, change: Partial<Sending>) => setSending((all) => all.map((s) => (s.key === key ? { ...s, ...change } : s)));
  const drop = (key: number) => setSending((all) => all.filter((s) => s.key !== key));

  /** Uploads the files one after another (a drawer's worth of screenshots should not race each other to the writer). */
  async function attach(chosen: readonly File[]) {
    const queued = chosen.map((file) => ({ file, key: nextKey++ }));
    setSending((all) => [...all, ...queued.map(({ file, key }) => ({ key, name: file.name, size: file.size, sent: 0, failed: file.size > maxAttachmentBytes ? am('tooLarge') : null, retry: null }))]);
    const attached: number[] = [];
    for (const { file, key } of queued) {
      if (file.size > maxAttachmentBytes) continue;
      try {
        await attachmentsApi.upload(props.kind, props.item.id, file, (sent) => update(key, { sent }));
        attached.push(key);
        // The same file tried before and failed (the network gone) is attached now: its failure no longer stands.
        const triedBefore = sending().filter((s) => s.key !== key && s.failed !== null && s.name === file.name && s.size === file.size);
        attached.push(...triedBefore.map((s) => s.key));
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        // A refusal (the file's kind, the storage full: 507) is the same when sent again; no answer or a server error may pass.
        update(key, { failed: tr(error.reason), retry: error.status === 0 || (error.status >= 500 && error.code !== 'storage_full') ? file : null });
      }
    }
    if (attached.length > 0) {
      // The uploaded stay in the list as sent until the list read again has them: no file leaves the screen in between.
      await refetch();
      setSending((all) => all.filter((s) => !attached.includes(s.key)));
      toast(() => am('uploaded'), 'info');
      props.onChanged([props.item.state]);
    }
    // A refusal may be the storage full: read again either way, so that the warning says so.
    if (props.storage !== null && queued.length > 0) props.onStorageChanged();
  }

  // A screenshot pasted anywhere in the page while the drawer is open (not into a text field: that is text) is attached.
  const onPaste = (event: ClipboardEvent) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (!mayAttach() || target?.closest('input, textarea, select, [contenteditable]') != null) return;
    const pasted = [...(event.clipboardData?.files ?? [])];
    if (pasted.length === 0) return;
    event.preventDefault();
    void attach(pasted.map(namedPaste));
  };
  onMount(() => document.addEventListener('paste', onPaste));
  onCleanup(() => document.removeEventListener('paste', onPaste));

  const startRemoving = (id: number) => {
    setRemoving(removing() === id ? null : id);
    setReason('');
    setRemoveProblem(null);
    setRefused({});
  };

  async function remove(event: SubmitEvent, file: AttachedFile) {
    event.preventDefault();
    const why = reason().trim();
    if (why === '') {
      // What is wrong, not the field's label again ("移除原因" under 移除原因).
      setRemoveProblem(`${am('removeReason')}${colon()}${t('required')}`);
      return;
    }
    if (overLimit(removeLimit, why) !== null) {
      // Said beside the box already, which describes it: the focus there reads it out again.
      setRemoveProblem(null);
      removeBox?.focus();
      return;
    }
    setBusy(true);
    try {
      await attachmentsApi.remove(props.kind, props.item.id, file.id, why);
      setRemoving(null);
      toast(() => am('removed'), 'info');
      props.onChanged([props.item.state]);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      // A refusal naming the reason is said beside it, the reason kept to correct; "see the field marked" alone below
      // the box marked nothing. Any other refusal (the file already removed) is said below it.
      const fields = serverErrors(error.fields);
      setRefused(fields);
      const onReason = fields.reason !== undefined && error.fields.length === 1;
      setRemoveProblem(onReason ? null : tr(error.reason));
      if (onReason) removeBox?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="attachments" data-testid="attachments" aria-labelledby="attachments-title">
      <h3 id="attachments-title">
        {am('title')}
        <Show when={listed().length > 0}>
          <span class="muted attachments-count" data-testid="attachments-count">
            {' '}
            {figure(listed().length)}
          </span>
        </Show>
      </h3>
      <Show when={filesRead.error === undefined || files() !== undefined} fallback={<p class="muted">{am('failed')}</p>}>
        <Show when={listed().length > 0 || sending().length > 0 || mayAttach()} fallback={<p class="muted">{am('none')}</p>}>
          <ul class="attachment-list">
            <For each={listed()}>
              {(file) => (
                <li class="attachment" data-testid="attachment">
                  <div class="attachment-row">
                    <Show when={previewable.has(file.mediaType)} fallback={<span class="attachment-icon" aria-hidden="true">{extensionOf(file.name)}</span>}>
                      <a class="attachment-thumb" href={fileUrl(props.kind, props.item.id, file.id, true)} target="_blank" rel="noopener" tabIndex={-1} aria-hidden="true">
                        <img src={fileUrl(props.kind, props.item.id, file.id, true)} alt="" loading="lazy" />
                      </a>
                    </Show>
                    <div class="attachment-main">
                      <a class="attachment-name" href={fileUrl(props.kind, props.item.id, file.id)} download={file.name} title={`SHA-256 ${file.sha256}`} aria-label={am('download', { name: file.name })} data-testid="attachment-name">
                        {file.name}
                      </a>
                      <span class="muted attachment-meta">
                        {fileSize(file.size)} · {am('attachedBy', { name: file.attachedByName ?? '—', at: dateTime(file.attachedAt, props.timeZone) })}
                      </span>
                    </div>
                    <Show when={props.mayAct && file.removable}>
                      <button type="button" class="button ghost small" aria-expanded={removing() === file.id} data-testid="attachment-remove" onClick={() => startRemoving(file.id)}>
                        {am('remove')}
                      </button>
                    </Show>
                  </div>
                  <Show when={removing() === file.id}>
                    <form class="attachment-remove" data-testid="attachment-remove-form" onSubmit={(event) => void remove(event, file)} novalidate>
                      <Field name="reason" label={am('removeReason')} errors={reasonErrors()} hint={am('removeHint')} limit={{ text: reason(), max: removeLimit.max }}>
                        <textarea
                          ref={removeBox}
                          name="reason"
                          rows={2}
                          value={reason()}
                          onInput={(event) => {
                            setReason(event.currentTarget.value);
                            setRefused({});
                          }}
                          aria-invalid={removeProblem() !== null || reasonErrors().reason !== undefined}
                        />
                      </Field>
                      <Show when={removeProblem()}>{(why) => <p class="form-error" role="alert">{why()}</p>}</Show>
                      <div class="attachment-remove-actions">
                        <button type="button" class="button ghost small" onClick={() => setRemoving(null)}>
                          {t('cancel')}
                        </button>
                        <button type="submit" class="button small" disabled={busy()} data-testid="attachment-remove-confirm">
                          {am('removeConfirm')}
                        </button>
                      </div>
                    </form>
                  </Show>
                </li>
              )}
            </For>
            <For each={sending()}>
              {(upload) => (
                <li class="attachment is-sending" classList={{ 'is-failed': upload.failed !== null }} data-testid="attachment-sending">
                  <div class="attachment-row">
                    <span class="attachment-icon" aria-hidden="true">{extensionOf(upload.name)}</span>
                    <div class="attachment-main">
                      <span class="attachment-name">{upload.name}</span>
                      <Show
                        when={upload.failed}
                        fallback={
                          <progress class="attachment-progress" max={Math.max(1, upload.size)} value={upload.sent} aria-label={`${am('uploading')} ${upload.name}`} />
                        }
                      >
                        {(why) => (
                          <span class="form-error" role="alert" data-testid="attachment-failed">
                            {why()}
                          </span>
                        )}
                      </Show>
                    </div>
                    <Show when={upload.retry}>
                      {(file) => (
                        <button
                          type="button"
                          class="button small"
                          data-testid="attachment-retry"
                          aria-label={`${am('retry')} ${upload.name}`}
                          onClick={() => {
                            drop(upload.key);
                            void attach([file()]);
                          }}
                        >
                          {am('retry')}
                        </button>
                      )}
                    </Show>
                    <Show when={upload.failed !== null}>
                      <button type="button" class="button ghost small" onClick={() => drop(upload.key)}>
                        {am('dismiss')}
                      </button>
                    </Show>
                  </div>
                </li>
              )}
            </For>
          </ul>
          <Show when={mayAttach()}>
            <StorageWarning storage={props.storage} />
            <DropZone multiple disabled={false} compact button={am('choose')} testId="attachment-drop" inputTestId="attachment-input" onFiles={(chosen) => void attach(chosen)}>
              {(over) => (
                <span class="drop-text">
                  <strong>{over() ? am('dropActive') : touch() ? am('tapTitle') : am('dropTitle')}</strong>
                  <span class="muted">{touch() ? am('tapHint') : am('dropHint')}</span>
                </span>
              )}
            </DropZone>
          </Show>
        </Show>
      </Show>
    </section>
  );
}

/** Where the campaign's files take nine tenths of their limit or more: how much is left, and who can raise it. */
function StorageWarning(props: { storage: CampaignDetail['storage'] }) {
  return (
    <Show when={storageToWarnOf(props.storage)}>
      {(shown) => (
        <p class="storage-warning" role="status" data-testid="storage-warning" data-full={shown().full ? 'true' : 'false'}>
          {shown().full ? am('storageFull', { quota: shown().quotaMb }) : am('storageNearlyFull', { percent: shown().percent, quota: shown().quotaMb, left: storageSize(shown().leftBytes) })}
        </p>
      )}
    </Show>
  );
}

/**
 * A pasted screenshot comes as "image.png": named instead by when it was
 * pasted, on this computer's clock, so that several stay apart in the list.
 */
function namedPaste(file: File): File {
  if (!/^image\.\w+$/.test(file.name)) return file;
  const at = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return new File([file], `${am('pastedName')}-${stamp}${file.name.slice(file.name.lastIndexOf('.'))}`, { type: file.type, lastModified: file.lastModified });
}

/** The file's extension, shown on its icon (PDF, DOCX, XLSX); a dot for none. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && name.length - dot <= 6 ? name.slice(dot + 1).toUpperCase() : '·';
}
