import { onCleanup } from 'solid-js';

/**
 * Inside a reactive effect over what is being typed: asks the server once
 * typing pauses. When the effect runs again (the text changed) the pending
 * question is dropped, and an answer to an older question that arrives late
 * is ignored, so what shows always belongs to the text as it stands.
 */
export function askAfterPause<T>(ask: () => Promise<T>, answered: (answer: T) => void, failed: () => void, pauseMs = 400): void {
  let current = true;
  const timer = setTimeout(() => {
    ask().then(
      (answer) => {
        if (current) answered(answer);
      },
      () => {
        if (current) failed();
      },
    );
  }, pauseMs);
  onCleanup(() => {
    current = false;
    clearTimeout(timer);
  });
}
