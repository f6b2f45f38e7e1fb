import { TestBed } from '@angular/core/testing';
import { UpNextCard } from './up-next-card';

async function render(secondsLeft: number | null) {
  TestBed.configureTestingModule({ imports: [UpNextCard] });
  const fixture = TestBed.createComponent(UpNextCard);
  fixture.componentRef.setInput('heading', 'S1:E5 · Landfall');
  fixture.componentRef.setInput('secondsLeft', secondsLeft);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

const button = (element: HTMLElement, name: string) => [...element.querySelectorAll('button')].find((candidate) => candidate.textContent?.includes(name)) as HTMLButtonElement;

describe('UpNextCard', () => {
  it('names the next episode and shows the seconds left, with a bar that shrinks with them', async () => {
    const { fixture, element } = await render(7);
    expect(element.querySelector('.name')?.textContent).toBe('S1:E5 · Landfall');
    expect(element.querySelector('.count')?.textContent).toContain('Starts in 7 s');
    expect((element.querySelector('.fill') as HTMLElement).style.transform).toBe('scaleX(0.7)');
    fixture.componentRef.setInput('secondsLeft', 3);
    await fixture.whenStable();
    expect(element.querySelector('.count')?.textContent).toContain('Starts in 3 s');
  });

  it('without a countdown offers Play now and Cancel alone', async () => {
    const { element } = await render(null);
    expect(element.querySelector('.count')).toBeNull();
    expect(element.querySelector('.bar')).toBeNull();
    expect(button(element, 'Play now')).toBeTruthy();
    expect(button(element, 'Cancel')).toBeTruthy();
  });

  it('tells the player which button was pressed', async () => {
    const { fixture, element } = await render(5);
    const pressed: string[] = [];
    fixture.componentInstance.playNow.subscribe(() => pressed.push('play'));
    fixture.componentInstance.cancelled.subscribe(() => pressed.push('cancel'));
    button(element, 'Play now').click();
    button(element, 'Cancel').click();
    expect(pressed).toEqual(['play', 'cancel']);
  });
});
