/** Seconds the arrow keys move playback. */
export const KEY_SEEK_SECONDS = 10;

export type PlayerCommand = 'toggle-play' | 'toggle-fullscreen' | 'toggle-mute' | 'seek-back' | 'seek-forward' | 'escape';

const COMMANDS: Record<string, PlayerCommand> = {
  ' ': 'toggle-play',
  f: 'toggle-fullscreen',
  m: 'toggle-mute',
  ArrowLeft: 'seek-back',
  ArrowRight: 'seek-forward',
  Escape: 'escape',
};

/** Elements that Space activates on their own (a focused button must not also pause the film). */
const ACTIVATED_BY_SPACE = 'button, [role="button"], [role="menuitem"], [role="menuitemradio"], [role="checkbox"], summary';

function isTyping(element: Element): boolean {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) return element.type !== 'range';
  return element instanceof HTMLElement && element.isContentEditable;
}

/**
 * What a key press asks of the player: Space plays or pauses, F toggles full screen, M mutes, the
 * arrows move 10 s, Esc leaves. Null for keys that are not the player's: chords with Ctrl, Alt or
 * Meta, typing in a field, Space on a focused button, arrows on a slider other than the seek bar
 * (the volume).
 */
export function playerCommandFor(event: KeyboardEvent): PlayerCommand | null {
  if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return null;
  const command = COMMANDS[event.key.length === 1 ? event.key.toLowerCase() : event.key];
  if (!command) return null;
  const target = event.target instanceof Element ? event.target : null;
  if (!target || command === 'escape') return command;
  if (isTyping(target)) return null;
  if (command === 'toggle-play' && target.closest(ACTIVATED_BY_SPACE)) return null;
  const onOtherSlider = target instanceof HTMLInputElement && target.type === 'range' && !target.classList.contains('shaka-seek-bar');
  if ((command === 'seek-back' || command === 'seek-forward') && onOtherSlider) return null;
  return command;
}
