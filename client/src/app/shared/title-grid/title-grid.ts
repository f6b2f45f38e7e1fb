import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { TitleSummaryDto } from '@streaming/api';
import { TitleCard } from '../title-card/title-card';

/** Titles as a wrapping grid of poster cards, for lists that are read top to bottom (search, My List). */
@Component({
  selector: 'app-title-grid',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TitleCard],
  template: `<div class="grid">
    @for (item of items(); track item.id) {
      <app-title-card [title]="item" [removable]="removable()" [removeLabel]="removeLabel()" (remove)="remove.emit($event)" />
    }
  </div>`,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(var(--card-width), 1fr));
      gap: 18px 12px;
    }
  `,
})
export class TitleGrid {
  readonly items = input.required<TitleSummaryDto[]>();
  /** Shows a "remove" button on each card, for lists the viewer curates. */
  readonly removable = input(false);
  readonly removeLabel = input('Remove from list');
  readonly remove = output<string>();
}
