import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Notifier } from '../notify/notifier';

/** Messages for the viewer, announced to screen readers as they appear. */
@Component({
  selector: 'app-notices',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="notices" role="status" aria-live="polite">
    @for (notice of notifier.notices(); track notice.id) {
      <div class="notice" [class.error]="notice.kind === 'error'">
        <span>{{ notice.text }}</span>
        <button type="button" (click)="notifier.dismiss(notice.id)" aria-label="Dismiss">✕</button>
      </div>
    }
  </div>`,
  styles: `
    .notices {
      position: fixed;
      right: 16px;
      bottom: 16px;
      z-index: 20;
      display: grid;
      gap: 8px;
      max-width: min(420px, calc(100vw - 32px));
    }
    .notice {
      display: flex;
      gap: 12px;
      align-items: start;
      padding: 12px 14px;
      border-radius: var(--radius);
      background: #2a2a36;
      box-shadow: 0 6px 24px rgba(0, 0, 0, 0.5);
    }
    .notice.error {
      background: #5a1d1f;
    }
    button {
      margin-left: auto;
      border: 0;
      background: none;
      color: inherit;
      cursor: pointer;
    }
  `,
})
export class Notices {
  protected readonly notifier = inject(Notifier);
}
