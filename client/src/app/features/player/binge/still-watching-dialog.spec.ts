import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { StillWatchingDialog } from './still-watching-dialog';

describe('StillWatchingDialog', () => {
  async function render() {
    TestBed.configureTestingModule({ imports: [StillWatchingDialog], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(StillWatchingDialog);
    fixture.componentRef.setInput('titleId', 'tt1003');
    fixture.componentRef.setInput('heading', 'S1:E5 · Landfall');
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => document.body.replaceChildren());

  it('asks, names what Continue plays, and puts the focus on Continue', async () => {
    const { element } = await render();
    const dialog = element.querySelector('[role="alertdialog"]') as HTMLElement;
    expect(dialog.querySelector('h2')?.textContent).toBe('Are you still watching?');
    expect(dialog.textContent).toContain('S1:E5 · Landfall');
    expect(document.activeElement?.textContent).toBe('Continue');
  });

  it('Continue tells the player; Back to title leads to the title page', async () => {
    const { fixture, element } = await render();
    const continued = jest.fn();
    fixture.componentInstance.continued.subscribe(continued);
    (element.querySelector('button') as HTMLButtonElement).click();
    expect(continued).toHaveBeenCalledTimes(1);
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/title/tt1003');
  });
});
