import { ChangeDetectionStrategy, Component, ElementRef, input, output, viewChild } from '@angular/core';
import type { TitleSummaryDto } from '@streaming/api';
import { TitleCard } from '../title-card/title-card';

/** A titled, horizontally scrolling row of poster cards. */
@Component({
  selector: 'app-title-row',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TitleCard],
  templateUrl: './title-row.html',
  styleUrl: './title-row.scss',
})
export class TitleRow {
  readonly heading = input.required<string>();
  readonly items = input.required<TitleSummaryDto[]>();
  /** Progress per title id (0 to 1), for Continue Watching. */
  readonly progress = input<Record<string, number> | null>(null);
  readonly removable = input(false);
  readonly removeLabel = input('Remove from row');
  readonly eager = input(false);
  readonly remove = output<string>();

  private readonly track = viewChild.required<ElementRef<HTMLElement>>('track');

  protected scroll(direction: -1 | 1): void {
    const element = this.track().nativeElement;
    element.scrollBy({ left: direction * element.clientWidth * 0.85, behavior: 'smooth' });
  }
}
