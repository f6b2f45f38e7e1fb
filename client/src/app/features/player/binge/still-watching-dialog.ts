import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, input, output, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';

/** "Are you still watching?": playback waits for Continue, or the viewer goes back to the title. */
@Component({
  selector: 'app-still-watching-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'centred' },
  imports: [RouterLink],
  template: `
    <section class="card dialog" role="alertdialog" aria-labelledby="still-watching-heading" aria-describedby="still-watching-what">
      <h2 id="still-watching-heading">Are you still watching?</h2>
      <p id="still-watching-what" class="name">{{ heading() }}</p>
      <div class="actions">
        <button #continueButton type="button" class="button light" (click)="continued.emit()">Continue</button>
        <a class="button" [routerLink]="['/title', titleId()]">Back to title</a>
      </div>
    </section>
  `,
  styleUrl: './end-of-programme.scss',
})
export class StillWatchingDialog {
  readonly titleId = input.required<string>();
  /** What Continue plays: "S1:E5 · The Long Night". */
  readonly heading = input.required<string>();
  readonly continued = output<void>();
  private readonly continueButton = viewChild.required<ElementRef<HTMLButtonElement>>('continueButton');

  constructor() {
    // It interrupts playback and waits for an answer: the answer gets the focus.
    afterNextRender(() => this.continueButton().nativeElement.focus());
  }
}
