const key = 'battlemap.lastCampaign';

/** The campaign whose pages this browser showed last: the start page opens it again rather than the newest. */
export function lastCampaign(): number | null {
  try {
    const id = Number(localStorage.getItem(key));
    return Number.isSafeInteger(id) && id > 0 ? id : null;
  } catch {
    // Storage refused (a private window's policy): the start page chooses as if nothing was kept.
    return null;
  }
}

export function rememberCampaign(id: number): void {
  try {
    localStorage.setItem(key, String(id));
  } catch {
    // Nothing kept: the start page chooses the campaign under way.
  }
}
