import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import { intakeApi, type CaseNumberHolders } from './api';
import { askAfterPause } from './ask-after-pause';

/** Where the check of a case number stands: not asked (nothing typed, or typing), answered, or failed. */
export type CaseNumberCheck = { readonly state: 'idle' } | { readonly state: 'done'; readonly answer: CaseNumberHolders } | { readonly state: 'failed' };

const idle: CaseNumberCheck = { state: 'idle' };

/** Longer than the server takes, or empty: checked as it is sent, then refused beside the field, not asked about here. */
const checkable = (caseNumber: string) => caseNumber !== '' && caseNumber.length <= 64;

/**
 * Inside a component: whether the case number being typed for a clue is held
 * by other clues of the campaign, asked after a pause in typing. `settle`
 * asks at once for the number as it stands (or waits for the question already
 * on its way), so a number typed and confirmed in one go is checked before
 * the clue is filed under it, not a second after.
 */
export function useCaseNumberCheck(clueId: Accessor<number>, caseNumber: Accessor<string>) {
  const [check, setCheck] = createSignal<CaseNumberCheck>(idle);
  // One question per number: the pause's and the confirmation's share it.
  let asked: { readonly clueId: number; readonly caseNumber: string; readonly answer: Promise<CaseNumberCheck> } | null = null;
  const ask = (id: number, number: string): Promise<CaseNumberCheck> => {
    if (asked === null || asked.clueId !== id || asked.caseNumber !== number) {
      const answer = intakeApi.caseNumberHolders(id, number).then(
        (holders): CaseNumberCheck => ({ state: 'done', answer: holders }),
        (): CaseNumberCheck => {
          // A failure is not kept: the confirmation asks again rather than repeating it.
          if (asked?.answer === answer) asked = null;
          return { state: 'failed' };
        },
      );
      asked = { clueId: id, caseNumber: number, answer };
    }
    return asked.answer;
  };

  createEffect(
    on([() => caseNumber().trim(), clueId], ([number, id]) => {
      setCheck(idle);
      if (!checkable(number)) return;
      askAfterPause(() => ask(id, number), setCheck, () => setCheck({ state: 'failed' }));
    }),
  );

  /** The check of the number as it stands, asked now if it was not yet; shown as well, if the number is still the one typed. */
  async function settle(): Promise<CaseNumberCheck> {
    const number = caseNumber().trim();
    const id = clueId();
    if (!checkable(number)) return idle;
    const answer = await ask(id, number);
    if (caseNumber().trim() === number && clueId() === id) setCheck(answer);
    return answer;
  }

  return { check, settle };
}

/** The other clues holding the number, when the check found any. */
export function holdersOf(check: CaseNumberCheck): CaseNumberHolders['holders'] {
  return check.state === 'done' ? check.answer.holders : [];
}
