import { ChangeDetectionStrategy, Component, DOCUMENT, ElementRef, inject, input, output, viewChild } from '@angular/core';
import type { TitleSummaryDto } from '@streaming/api';
import { prefersReducedMotion } from '../motion/reduced-motion';
import { ResumeEpisode, TitleCard } from '../title-card/title-card';

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
  /** The episode to resume per series id, for Continue Watching. */
  readonly episodes = input<Record<string, ResumeEpisode> | null>(null);
  readonly removable = input(false);
  readonly removeLabel = input('Remove from row');
  readonly eager = input(false);
  readonly remove = output<string>();

  private readonly track = viewChild.required<ElementRef<HTMLElement>>('track');
  private readonly view = inject(DOCUMENT).defaultView;

  protected scroll(direction: -1 | 1): void {
    const element = this.track().nativeElement;
    const behavior = prefersReducedMotion(this.view) ? 'instant' : 'smooth';
    element.scrollBy({ left: direction * element.clientWidth * 0.85, behavior });
  }
}
