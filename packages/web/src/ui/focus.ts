/**
 * Moves focus to the element with `id` and scrolls it into view. Error summary links use this
 * instead of following `#id`, which would put a fragment in the address bar (where the patient
 * route keeps its link token).
 */
export function focusElementById(id: string): void {
  const element = document.getElementById(id);
  if (element === null) return;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}
