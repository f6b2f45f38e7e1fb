import { ChangeDetectionStrategy, Component } from '@angular/core';

/** The shape of a row while its titles load, so the page does not jump when they arrive. */
@Component({
  selector: 'app-skeleton-row',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="row" aria-hidden="true">
    <div class="heading"></div>
    <div class="track">
      @for (slot of slots; track slot) {
        <div class="card"></div>
      }
    </div>
  </div>`,
  styles: `
    .row {
      margin: 0 0 28px;
    }
    .heading {
      width: 180px;
      height: 1.2rem;
      margin: 0 var(--page-pad) 10px;
      border-radius: 4px;
      background: var(--bg-raised);
    }
    .track {
      display: flex;
      gap: 10px;
      padding: 6px var(--page-pad) 10px;
      overflow: hidden;
    }
    .card {
      flex: 0 0 var(--card-width);
      aspect-ratio: 2 / 3;
      border-radius: var(--radius);
      background: linear-gradient(100deg, var(--bg-raised) 40%, #20202a 50%, var(--bg-raised) 60%);
      background-size: 200% 100%;
      animation: shimmer 1.4s linear infinite;
    }
    @keyframes shimmer {
      to {
        background-position: -200% 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .card {
        animation: none;
      }
    }
  `,
})
export class SkeletonRow {
  protected readonly slots = [0, 1, 2, 3, 4, 5, 6, 7];
}
