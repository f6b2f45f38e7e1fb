import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** How far into a title the viewer is, for eyes and for screen readers. */
@Component({
  selector: 'app-progress-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div
    class="track"
    role="progressbar"
    [attr.aria-label]="label()"
    aria-valuemin="0"
    aria-valuemax="100"
    [attr.aria-valuenow]="percent()"
  >
    <div class="fill" [style.width.%]="percent()"></div>
  </div>`,
  styles: `
    .track {
      height: 4px;
      background: rgba(255, 255, 255, 0.25);
      border-radius: 2px;
      overflow: hidden;
    }
    .fill {
      height: 100%;
      background: var(--accent);
    }
  `,
})
export class ProgressBar {
  /** 0 to 1. */
  readonly value = input.required<number>();
  readonly label = input('Watched');
  protected readonly percent = computed(() => Math.round(Math.min(1, Math.max(0, this.value())) * 100));
}
