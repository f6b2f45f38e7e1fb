import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/**
 * The next episode offered at the end of one: what it is, the seconds before it starts by itself
 * (none when the profile does not autoplay), Play now and Cancel. The player announces the offer
 * once to screen readers (a live region that outlives the card), not every tick of the count.
 */
@Component({
  selector: 'app-up-next-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="up-next-heading">
      <p class="kicker" id="up-next-heading">Next episode</p>
      <p class="name">{{ heading() }}</p>
      @if (secondsLeft(); as seconds) {
        <p class="count">Starts in <strong class="seconds">{{ seconds }}</strong> s</p>
        <div class="bar" aria-hidden="true"><div class="fill" [style.transform]="'scaleX(' + seconds / countFrom() + ')'"></div></div>
      }
      <div class="actions">
        <button type="button" class="button light" (click)="playNow.emit()">▶ Play now</button>
        <button type="button" class="button" (click)="cancelled.emit()">Cancel</button>
      </div>
    </section>
  `,
  styleUrl: './end-of-programme.scss',
})
export class UpNextCard {
  /** "S1:E5 · The Long Night". */
  readonly heading = input.required<string>();
  readonly secondsLeft = input<number | null>(null);
  /** Where the count started, for the bar. */
  readonly countFrom = input(10);
  readonly playNow = output<void>();
  readonly cancelled = output<void>();
}
