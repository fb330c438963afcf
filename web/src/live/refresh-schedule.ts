/** What a view redrawn from the change stream needs: say that something changed, and stop. */
export interface RefreshSchedule {
  changed(): void;
  stop(): void;
}

/**
 * When to refetch a view drawn from the whole campaign (the battle map, the
 * wall) as changes stream in: once a burst of changes has been quiet for
 * `quietMs`, so a burst of moves redraws it once; but never later than
 * `maxWaitMs` after the first change not yet shown. A busy campaign's
 * changes may never pause for `quietMs`, and a wall that waited for a pause
 * would stand still all day.
 */
export function refreshSchedule(refetch: () => void, options: { quietMs: number; maxWaitMs: number }): RefreshSchedule {
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(quiet);
    clearTimeout(deadline);
    quiet = undefined;
    deadline = undefined;
  };
  const fire = () => {
    stop();
    refetch();
  };
  return {
    changed() {
      clearTimeout(quiet);
      quiet = setTimeout(fire, options.quietMs);
      deadline ??= setTimeout(fire, options.maxWaitMs);
    },
    stop,
  };
}
