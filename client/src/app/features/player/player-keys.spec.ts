import { playerCommandFor } from './player-keys';

/** A key pressed with focus on `target` (the page itself when none). */
function press(key: string, target: Element = document.body, init: KeyboardEventInit = {}): ReturnType<typeof playerCommandFor> {
  let command: ReturnType<typeof playerCommandFor> = null;
  const listener = (event: KeyboardEvent) => (command = playerCommandFor(event));
  document.addEventListener('keydown', listener);
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  document.removeEventListener('keydown', listener);
  return command;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, setup: (element: HTMLElementTagNameMap[K]) => void = () => undefined): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  setup(created);
  document.body.appendChild(created);
  return created;
}

describe('playerCommandFor', () => {
  afterEach(() => document.body.replaceChildren());

  it('maps Space, F, M, the arrows and Esc to the player’s commands, whatever the case', () => {
    expect(press(' ')).toBe('toggle-play');
    expect(press('f')).toBe('toggle-fullscreen');
    expect(press('F', document.body, { shiftKey: true })).toBe('toggle-fullscreen');
    expect(press('m')).toBe('toggle-mute');
    expect(press('ArrowLeft')).toBe('seek-back');
    expect(press('ArrowRight')).toBe('seek-forward');
    expect(press('Escape')).toBe('escape');
    expect(press('x')).toBeNull();
    expect(press('ArrowUp')).toBeNull();
  });

  it('leaves browser and system shortcuts alone', () => {
    expect(press('f', document.body, { ctrlKey: true })).toBeNull();
    expect(press('m', document.body, { metaKey: true })).toBeNull();
    expect(press('ArrowLeft', document.body, { altKey: true })).toBeNull();
  });

  it('leaves typing in a field alone', () => {
    expect(press('f', element('input'))).toBeNull();
    expect(press(' ', element('textarea'))).toBeNull();
  });

  it('lets a focused button take Space for itself, but not the other keys', () => {
    const button = element('button');
    expect(press(' ', button)).toBeNull();
    expect(press('m', button)).toBe('toggle-mute');
    expect(press(' ', element('a', (link) => (link.href = '/title/tt1000')))).toBe('toggle-play');
  });

  it('moves 10 s with the arrows on the seek bar, but leaves the volume slider its own arrows', () => {
    const seekBar = element('input', (input) => {
      input.type = 'range';
      input.classList.add('shaka-range-element', 'shaka-seek-bar');
    });
    const volume = element('input', (input) => {
      input.type = 'range';
      input.classList.add('shaka-range-element', 'shaka-volume-bar');
    });
    expect(press('ArrowRight', seekBar)).toBe('seek-forward');
    expect(press('ArrowLeft', volume)).toBeNull();
    expect(press(' ', volume)).toBe('toggle-play');
  });

  it('ignores a key another handler has already dealt with', () => {
    const handled = element('div');
    handled.addEventListener('keydown', (event) => event.preventDefault());
    expect(press(' ', handled)).toBeNull();
  });
});
