import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { TitleSummaryDto } from '@streaming/api';

/** After a film (or the last episode of a series): three titles to watch next, and the way back. */
@Component({
  selector: 'app-more-to-watch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'centred' },
  imports: [RouterLink],
  template: `
    <section class="card picks" aria-labelledby="more-to-watch-heading">
      <h2 id="more-to-watch-heading">More to watch</h2>
      <ul>
        @for (title of titles(); track title.id) {
          <li>
            <a [routerLink]="['/title', title.id]" [attr.aria-label]="title.name">
              <img [src]="title.posterUrl" alt="" width="120" height="180" />
              <span class="pick-name" aria-hidden="true">{{ title.name }}</span>
            </a>
          </li>
        }
      </ul>
      <div class="actions">
        <a class="button" [routerLink]="['/title', titleId()]">Back to title</a>
      </div>
    </section>
  `,
  styleUrl: './end-of-programme.scss',
})
export class MoreToWatch {
  readonly titleId = input.required<string>();
  readonly titles = input.required<TitleSummaryDto[]>();
}
