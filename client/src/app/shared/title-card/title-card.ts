import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { TitleSummaryDto } from '@streaming/api';
import { ProgressBar } from '../progress-bar/progress-bar';

/** The episode a Continue Watching card resumes. */
export interface ResumeEpisode {
  id: string;
  /** "S1:E4 · The Long Night". */
  heading: string;
}

/** A poster that opens its title; optionally with progress, the episode to resume and a remove button. */
@Component({
  selector: 'app-title-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ProgressBar],
  templateUrl: './title-card.html',
  styleUrl: './title-card.scss',
})
export class TitleCard {
  readonly title = input.required<TitleSummaryDto>();
  /** 0 to 1 when the viewer has started this title. */
  readonly progress = input<number | null>(null);
  /** For a series in Continue Watching: the episode in progress (or next), played by its own link. */
  readonly episode = input<ResumeEpisode | null>(null);
  /** Shows a "remove" button, for rows the viewer curates. */
  readonly removable = input(false);
  readonly removeLabel = input('Remove from row');
  readonly eager = input(false);
  readonly remove = output<string>();
}
